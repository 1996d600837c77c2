// Keywords: one list of trimmed, distinct terms, from a YAML list or one delimited string.
import { describe } from "./date.ts";

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
