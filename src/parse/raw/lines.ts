// Lines of a raw scrape: each trimmed of every kind of indentation, with its 1-based file line.

/** One line of a raw scrape. */
export interface RawLine {
  /** 1-based line in the whole file (front matter included). */
  line: number;
  /** The line without `\r`, NBSP, U+3000, zero-width spaces or other edge whitespace. */
  text: string;
}

/** `\s` already covers NBSP (U+00A0), U+3000 and U+FEFF; zero-width spaces are added by hand. One character, tested alone. */
const EDGE_SPACE_RE = /^[\s\u200b\u200c\u200d\u2060]$/;
const HAN_RE = /\p{Script=Han}/gu;
const LATIN_LETTER_RE = /[A-Za-z]/g;
const FULL_WIDTH_DIGIT_RE = /[０-９]/g;

/** Splits `text` into trimmed lines numbered from `firstLine`. */
export function splitRawLines(text: string, firstLine: number): RawLine[] {
  return text.split("\n").map((raw, i) => ({ line: firstLine + i, text: trimEdges(raw) }));
}

/** Trims `\r`, NBSP, U+3000 and zero-width spaces off both ends of `text`. */
export function trimEdges(text: string): string {
  // Scanned by hand: a `[\s…]+$` regex backtracks quadratically over a long run of inner spaces.
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === "\r" || EDGE_SPACE_RE.test(text[start]!))) start++;
  while (end > start && (text[end - 1] === "\r" || EDGE_SPACE_RE.test(text[end - 1]!))) end--;
  return text.slice(start, end).replace(/\r/g, "");
}

/** Counts Chinese (Han) characters in `text`. */
export function countHan(text: string): number {
  return text.match(HAN_RE)?.length ?? 0;
}

/** True when `text` holds any Chinese (Han) character. */
export function hasHan(text: string): boolean {
  return countHan(text) > 0;
}

/** True when `text` reads as English: Latin letters far outnumber Chinese characters. */
export function isLatinText(text: string): boolean {
  const latin = text.match(LATIN_LETTER_RE)?.length ?? 0;
  return latin >= 2 && latin >= countHan(text) * 4;
}

/** Replaces full-width digits (０-９) with ASCII ones, so dates can be read from either. */
export function toAsciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT_RE, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A line left out of every page, and the rule that left it out (shown by `npm run check`). */
export interface DroppedLine {
  /** 1-based line in the whole file. */
  line: number;
  /** The trimmed text of the line. */
  text: string;
  /** Short name of the rule, such as `nav-menu` or `after-source`. */
  rule: string;
}
