// Keywords: one list of trimmed, distinct terms, from a YAML list or one delimited string.
import { quote, warning } from "../diagnostics.ts";
import type { Diagnostic } from "../types.ts";
import { describe } from "./date.ts";
import { removeInvisible } from "./text.ts";

/** Most keywords kept per article: news pages carry a handful, thousands are a broken scrape. */
export const MAX_KEYWORDS = 50;
/** Longest keyword kept, in characters: longer ones are sentences pasted into the wrong field. */
export const MAX_KEYWORD_LENGTH = 100;

/** Characters that separate keywords written as one string: ASCII and full-width comma and semicolon, and 、. */
export const KEYWORD_SEPARATOR_RE = /[,，、;；]/;

/** Keywords as a list, or why the value cannot be read as keywords. */
export type KeywordsResult = { keywords: string[] } | { problem: string };

/**
 * Normalises keywords: splits strings on `,` `，` `、` `;` `；`, trims (NBSP and full-width spaces too),
 * drops empty items and duplicates (ignoring case), keeps mixed Chinese/English as written.
 */
export function normaliseKeywords(value: unknown): KeywordsResult {
  if (value === undefined || value === null) return { keywords: [] };
  const items: unknown[] = typeof value === "string" ? value.split(KEYWORD_SEPARATOR_RE) : Array.isArray(value) ? value : [value];
  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item !== "string" && typeof item !== "number") {
      return { problem: `keywords must be a list of words or one string, but an item is ${describe(item)}` };
    }
    for (const part of String(item).split(KEYWORD_SEPARATOR_RE)) {
      const keyword = part.normalize("NFC").replace(/\s+/gu, " ").trim();
      const folded = keyword.toLowerCase();
      if (keyword === "" || seen.has(folded)) continue;
      seen.add(folded);
      keywords.push(keyword);
    }
  }
  return { keywords };
}

/**
 * Applies the limits: invisible characters removed (`article/invisible-chars`), keywords over
 * {@link MAX_KEYWORD_LENGTH} dropped (`article/long-keyword`), only the first {@link MAX_KEYWORDS} kept
 * (`article/too-many-keywords`); each a warning on `line`.
 */
export function limitKeywords(keywords: readonly string[], file: string, line: number, out: Diagnostic[]): string[] {
  const visible = keywords.map((k) => removeInvisible(k).trim());
  if (visible.some((k, i) => k !== keywords[i])) {
    out.push(warning(file, line, "article/invisible-chars", "keywords contain invisible or direction-changing characters; they were removed"));
  }
  const long = visible.filter((k) => k.length > MAX_KEYWORD_LENGTH);
  for (const k of long) {
    out.push(warning(file, line, "article/long-keyword", `keyword ${quote(k)} is ${k.length} characters long (at most ${MAX_KEYWORD_LENGTH}); it was left out`));
  }
  const kept = [...new Set(visible.filter((k) => k !== "" && k.length <= MAX_KEYWORD_LENGTH))];
  if (kept.length > MAX_KEYWORDS) {
    out.push(warning(file, line, "article/too-many-keywords", `${kept.length} keywords; only the first ${MAX_KEYWORDS} are kept`));
  }
  return kept.slice(0, MAX_KEYWORDS);
}
