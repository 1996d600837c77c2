// Building the Traditional → Simplified table from OpenCC's dictionaries, kept to what the corpus can match.
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWPhrasesRev from "opencc-js/dict/TWPhrasesRev";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";
import type { ConversionTable } from "./convert.ts";

/** OpenCC dictionaries are `from to|from to…`; a source may list several targets, the first is used. */
function entriesOf(dict: string): [string, string][] {
  return dict.split("|").flatMap((entry) => {
    const [from, to] = entry.split(" ");
    return from && to && from !== to ? [[from, to] as [string, string]] : [];
  });
}

/**
 * The table for a corpus: every Traditional or variant character whose Simplified form occurs in
 * `texts`, and every Taiwan phrase (人工智慧 → 人工智能, 雲端儲存 → 云存储) whose Simplified form occurs
 * and differs from a character-by-character conversion. Entries whose result the corpus never contains
 * could not change a search, so they are left out and the table stays a few kilobytes.
 */
export function buildConversionTable(texts: Iterable<string>): ConversionTable {
  const corpusChars = new Set<string>();
  const corpus: string[] = [];
  for (const text of texts) {
    corpus.push(text);
    for (const char of text) corpusChars.add(char);
  }

  const charMap = new Map<string, string>();
  for (const [from, to] of entriesOf(TSCharacters)) if ([...from].length === 1 && [...to].length === 1) charMap.set(from, to);
  // Variant forms (Taiwan, Hong Kong) map to a standard Traditional character, then on to Simplified.
  for (const [from, to] of [...entriesOf(TWVariantsRev), ...entriesOf(HKVariantsRev)]) {
    if ([...from].length === 1 && [...to].length === 1 && !charMap.has(from)) charMap.set(from, charMap.get(to) ?? to);
  }
  const charLevel = (text: string) => [...text].map((c) => charMap.get(c) ?? c).join("");
  const chars: Record<string, string> = {};
  for (const [from, to] of [...charMap].sort(([a], [b]) => (a < b ? -1 : 1))) if (corpusChars.has(to)) chars[from] = to;

  const candidates = new Map<string, string>();
  for (const [from, to] of entriesOf(TWPhrasesRev)) {
    const simplified = charLevel(to);
    if (simplified !== charLevel(from) && [...simplified].every((c) => corpusChars.has(c))) candidates.set(from, simplified);
  }
  // One pass over the corpus finds which candidate phrases it really contains.
  const wanted = [...new Set(candidates.values())].sort((a, b) => b.length - a.length);
  const found = new Set<string>();
  if (wanted.length > 0) {
    const any = new RegExp(wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    for (const text of corpus) for (const match of text.matchAll(any)) found.add(match[0]);
  }
  const phrases: [string, string][] = [...candidates].filter(([, to]) => found.has(to));
  phrases.sort(([a], [b]) => (a < b ? -1 : 1));
  return { phrases, chars };
}
