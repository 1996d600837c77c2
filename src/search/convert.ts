// Traditional → Simplified conversion for search, from a small table the build derives from the corpus.

/** File name of the conversion table inside the search bundle folder (`pagefind/`). */
export const CONVERSION_FILE = "duet-t2s.json";

/** Converts text; applied identically to indexed text and to queries. */
export type Converter = (text: string) => string;

/** The table shipped to the browser: phrase replacements (longest first) and single characters. */
export interface ConversionTable {
  /** Traditional (or Taiwan) phrases (never empty: the converter steps past each match) and the Simplified phrase they become. */
  phrases: [string, string][];
  /** Traditional characters and the Simplified character each becomes. */
  chars: Record<string, string>;
}

/** A converter that changes nothing (for text known to need no conversion). */
export const identity: Converter = (text) => text;

/** Builds a converter: phrases replaced first (longest match), then characters one by one. */
export function createConverter(table: ConversionTable): Converter {
  const phrases = [...table.phrases].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const firstChars = new Set(phrases.map(([from]) => from[0]));
  return (text) => {
    let out = "";
    let i = 0;
    outer: while (i < text.length) {
      if (firstChars.has(text[i])) {
        for (const [from, to] of phrases) {
          if (text.startsWith(from, i)) {
            out += to;
            i += from.length;
            continue outer;
          }
        }
      }
      const char = String.fromCodePoint(text.codePointAt(i)!);
      out += table.chars[char] ?? char;
      i += char.length;
    }
    return out;
  };
}

/**
 * The part of `table` that converting `texts` can use: the phrases found in them and the characters they
 * hold, each text as the converter sees it (NFKC-normalised: see tokens.ts). Converting `texts` with this
 * part gives what the whole table gives, so it keys a cached conversion of them: a table that grows with
 * the corpus changes the key only of the texts its new entries touch.
 */
export function tableFor(texts: readonly string[], table: ConversionTable): ConversionTable {
  const seen = texts.map((text) => text.normalize("NFKC"));
  const present = [...new Set(seen.join(""))];
  const chars: Record<string, string> = {};
  // Sorted after filtering: most of a story's characters are not in the table.
  for (const char of present.filter((c) => Object.hasOwn(table.chars, c)).sort()) chars[char] = table.chars[char]!;
  // Only a phrase whose first character the texts hold can be in them; the table's order is kept.
  const byFirst = phrasesByFirst(table);
  const found = present.flatMap((char) => (byFirst.get(char) ?? []).filter((at) => seen.some((text) => text.includes(table.phrases[at]![0]))));
  return { phrases: found.sort((a, b) => a - b).map((at) => table.phrases[at]!), chars };
}

/** Each table's phrases (their places in it) by first character, made once per table. */
const firstIndexes = new WeakMap<ConversionTable, Map<string, number[]>>();

function phrasesByFirst(table: ConversionTable): Map<string, number[]> {
  let index = firstIndexes.get(table);
  if (!index) {
    index = new Map();
    for (const [at, [from]] of table.phrases.entries()) {
      const first = String.fromCodePoint(from.codePointAt(0)!);
      const list = index.get(first);
      if (list) list.push(at);
      else index.set(first, [at]);
    }
    firstIndexes.set(table, index);
  }
  return index;
}
