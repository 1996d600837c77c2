// Parse: turn each decoded source into article drafts, with the parser its kind calls for.
import type { ArticleDraft, Diagnostic, SourceFile } from "../types.ts";
import { parseMarkdownArticle } from "./markdown.ts";
import { parseRawScrape } from "./raw-scrape.ts";

export { parseFrontMatter } from "./front-matter.ts";
export { parseMarkdownArticle } from "./markdown.ts";
export { parseRawScrape } from "./raw-scrape.ts";

/** Drafts of every source, grouped by the file they came from. */
export interface ParsedSources {
  /** Each source's drafts; a source with errors may still yield drafts. */
  files: { source: SourceFile; drafts: ArticleDraft[]; diagnostics: Diagnostic[] }[];
}

/** Parses every source; never throws, problems come back as diagnostics. */
export function parseSources(sources: readonly SourceFile[]): ParsedSources {
  return {
    files: sources.map((source) => {
      const result = source.kind === "markdown" ? parseMarkdownArticle(source) : parseRawScrape(source);
      return { source, drafts: result.drafts, diagnostics: result.diagnostics };
    }),
  };
}
