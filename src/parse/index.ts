// Parse: turn each decoded source into article drafts, with the parser its kind calls for.
import { readFileSync } from "node:fs";
import { decodeSource } from "../ingest/decode.ts";
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

/** Remembers parse results by a key; a build cache passes one in (see cache/parsed.ts). */
export interface ParseMemo {
  /**
   * The result for `key`, made by `compute` on a miss. A remembered result may leave bodies out; `again`
   * parses the source anew from disk, should a page need one of them.
   */
  get(key: string, compute: () => ParseResult, again: () => ParseResult): ParseResult;
}

/**
 * Parses every source; never throws, problems come back as diagnostics. With `memo`, a source whose
 * path, kind and text are unchanged since the last build gets that build's result.
 */
export function parseSources(sources: readonly SourceFile[], memo?: ParseMemo): ParsedSources {
  return {
    files: sources.map((source) => {
      if (!memo) return { source, ...parseOne(source) };
      const key = source.key ?? sourceKey(source);
      const result = memo.get(key, () => parseOne(source), () => parseAgain(source, key));
      // A cache keys rendered bodies too: by this source's key, which holds for its drafts' bodies.
      result.drafts.forEach((draft, place) => nameBody(draft.body, key, place));
      return { source, drafts: result.drafts, diagnostics: result.diagnostics };
    }),
  };
}

/** The drafts of one source, by the parser its kind calls for. */
function parseOne(source: SourceFile): ParseResult {
  return source.kind === "markdown" ? parseMarkdownArticle(source) : parseRawScrape(source);
}

/**
 * Parses a source ingest knew unchanged (and so did not read) from its file, read now. Throws when the
 * file is no longer what ingest saw: edited since, a page would show text the rest of the site does not.
 */
function parseAgain(source: SourceFile, key: string): ParseResult {
  if (!source.abs) throw new Error(`${source.path}: a body the build cache left out cannot be read again without the file's path`);
  const changed = new Error(`${source.path} changed while the site was being built; build again`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(source.abs);
  } catch {
    throw changed;
  }
  const decoded = decodeSource(bytes, source.path, source.relPath, source.kind);
  if (!("source" in decoded) || sourceKey(decoded.source) !== key) throw changed;
  return parseOne(decoded.source);
}
