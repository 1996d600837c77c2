// Parse: turn each decoded source into article drafts, with the parser its kind calls for.
import { sourceKey } from "../ingest/reuse.ts";
import { nameBody } from "../shared/body-keys.ts";
import type { ArticleDraft, Diagnostic, ParseResult, SourceFile } from "../types.ts";
import { parseMarkdownArticle } from "./markdown.ts";
import { parseRawScrape } from "./raw-scrape.ts";

export { parseFrontMatter } from "./front-matter.ts";
export { findUnsafeLinks, parseMarkdownArticle } from "./markdown.ts";
export { parseRawScrape } from "./raw-scrape.ts";

/** Drafts of every source, grouped by the file they came from. */
export interface ParsedSources {
  /** Each source's drafts; a source with errors may still yield drafts. */
  files: { source: SourceFile; drafts: ArticleDraft[]; diagnostics: Diagnostic[] }[];
}

/** Remembers parse results by a key; a build cache passes one in (see cache/). */
export interface ParseMemo {
  get(key: string, compute: () => ParseResult): ParseResult;
}

/**
 * Parses every source; never throws, problems come back as diagnostics. With `memo`, a source whose
 * path, kind and text are unchanged since the last build gets that build's result.
 */
export function parseSources(sources: readonly SourceFile[], memo?: ParseMemo): ParsedSources {
  return {
    files: sources.map((source) => {
      const parse = () => (source.kind === "markdown" ? parseMarkdownArticle(source) : parseRawScrape(source));
      if (!memo) return { source, ...parse() };
      const key = source.key ?? sourceKey(source);
      const result = memo.get(key, parse);
      // A cache keys rendered bodies too: by this source's key, which holds for its drafts' bodies.
      result.drafts.forEach((draft, place) => nameBody(draft.body, key, place));
      return { source, drafts: result.drafts, diagnostics: result.diagnostics };
    }),
  };
}
