// Traditional → Simplified conversion for search, from a small table the build derives from the corpus.

/** File name of the conversion table inside the search bundle folder (`pagefind/`). */
export const CONVERSION_FILE = "duet-t2s.json";

/** Converts text; applied identically to indexed text and to queries. */
export type Converter = (text: string) => string;

/** The table shipped to the browser: phrase replacements (longest first) and single characters. */
export interface ConversionTable {
  /** Traditional (or Taiwan) phrases and the Simplified phrase they become. */
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
