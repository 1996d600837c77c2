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

/** What a part of the corpus (one search shard's texts) brings to the table: see `scanTexts`. */
export interface TextScan {
  /** Every character of the texts, once each, sorted (so equal scans are equal strings). */
  chars: string;
  /** The Simplified forms of the Taiwan phrases the texts hold, sorted. */
  found: string[];
}

/** OpenCC's dictionaries as the table is cut from them, parsed once per process. */
interface Dictionaries {
  /** Traditional and variant characters, sorted, and the Simplified character each becomes. */
  chars: [string, string][];
  /** Taiwan phrases whose Simplified form differs from a character-by-character conversion, and that form. */
  phrases: [string, string][];
}

let dictionaries: Dictionaries | undefined;

function loadDictionaries(): Dictionaries {
  if (dictionaries) return dictionaries;
  const charMap = new Map<string, string>();
  for (const [from, to] of entriesOf(TSCharacters)) if ([...from].length === 1 && [...to].length === 1) charMap.set(from, to);
  // Variant forms (Taiwan, Hong Kong) map to a standard Traditional character, then on to Simplified.
  for (const [from, to] of [...entriesOf(TWVariantsRev), ...entriesOf(HKVariantsRev)]) {
    if ([...from].length === 1 && [...to].length === 1 && !charMap.has(from)) charMap.set(from, charMap.get(to) ?? to);
  }
  const charLevel = (text: string) => [...text].map((c) => charMap.get(c) ?? c).join("");
  const phrases = new Map<string, string>();
  for (const [from, to] of entriesOf(TWPhrasesRev)) {
    const simplified = charLevel(to);
    if (simplified !== charLevel(from)) phrases.set(from, simplified);
  }
  dictionaries = { chars: [...charMap].sort(([a], [b]) => (a < b ? -1 : 1)), phrases: [...phrases].sort(([a], [b]) => (a < b ? -1 : 1)) };
  return dictionaries;
}

/**
 * Reads part of a corpus for the table: its characters, and which candidate phrases it holds. A phrase a
 * text holds has all its characters in that text, so the scans of the parts of a corpus, put together by
 * `tableFromScans`, give the table of the whole: a part left as it was need not be read again.
 */
export function scanTexts(texts: readonly string[]): TextScan {
  const chars = new Set<string>();
  for (const text of texts) for (const char of text) chars.add(char);
  // Only a phrase whose every character the part holds can be in it: one pass over the texts finds which are.
  const wanted = [...new Set(loadDictionaries().phrases.map(([, to]) => to))].filter((to) => [...to].every((c) => chars.has(c))).sort((a, b) => b.length - a.length);
  const found = new Set<string>();
  if (wanted.length > 0) {
    const any = new RegExp(wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    for (const text of texts) for (const match of text.matchAll(any)) found.add(match[0]);
  }
  return { chars: [...chars].sort().join(""), found: [...found].sort() };
}

/**
 * The table for a corpus, from the scans of its parts: every Traditional or variant character whose
 * Simplified form occurs in the corpus, and every Taiwan phrase (人工智慧 → 人工智能, 雲端儲存 → 云存储)
 * whose Simplified form occurs and differs from a character-by-character conversion. Entries whose result
 * the corpus never contains could not change a search, so they are left out and the table stays a few kilobytes.
 */
export function tableFromScans(scans: readonly TextScan[]): ConversionTable {
  const corpusChars = new Set<string>();
  const found = new Set<string>();
  for (const scan of scans) {
    for (const char of scan.chars) corpusChars.add(char);
    for (const phrase of scan.found) found.add(phrase);
  }
  const { chars: charEntries, phrases: phraseEntries } = loadDictionaries();
  const chars: Record<string, string> = {};
  for (const [from, to] of charEntries) if (corpusChars.has(to)) chars[from] = to;
  return { phrases: phraseEntries.filter(([, to]) => found.has(to)), chars };
}

/** The table for a corpus read whole (see `tableFromScans`). */
export function buildConversionTable(texts: Iterable<string>): ConversionTable {
  return tableFromScans([scanTexts([...texts])]);
}
