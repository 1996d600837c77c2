// Highlighting: which stretches of a title or lead a query matched, computed the way the index matches.
import type { Converter } from "./convert.ts";
import { normalise } from "./tokens.ts";

/** A stretch of text, marked when the query matched it. */
export interface Segment {
  text: string;
  mark: boolean;
}

const HAN_RUN_RE = /\p{Script=Han}+/gu;
const WORD_RE = /[\p{L}\p{N}]+/gu;
/** English endings dropped from a query word before matching, so "restricts" marks "restriction". */
const SUFFIX_RE = /(?:ations?|ions?|ings?|ers?|ed|es|s|ly)$/;

/** The needles a query looks for: Han runs and their bigrams, and word stems of other scripts. */
export function needlesOf(query: string, convert: Converter): { han: string[]; words: string[] } {
  const text = normalise(query, convert);
  const han = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN_RE)) {
    han.add(run);
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) han.add(chars[i]! + chars[i + 1]!);
  }
  const words = new Set<string>();
  for (const [word] of text.replace(HAN_RUN_RE, " ").matchAll(WORD_RE)) {
    const stem = word.length > 4 ? word.replace(SUFFIX_RE, "") : word;
    words.add(stem.length >= 2 ? stem : word);
  }
  return { han: [...han].sort((a, b) => b.length - a.length), words: [...words] };
}

/** Splits `text` into segments, marking every stretch a needle matches (Han anywhere, words at word starts). */
export function highlight(text: string, query: string, convert: Converter): Segment[] {
  const { han, words } = needlesOf(query, convert);
  const folded = [...text].map((c) => convert(c).toLowerCase()).join("");
  const marked = new Array<boolean>(folded.length).fill(false);
  if (folded.length !== text.length) return [{ text, mark: false }];
  for (const needle of han) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) marked.fill(true, at, at + needle.length);
  }
  for (const match of folded.matchAll(WORD_RE)) {
    if (words.some((w) => match[0].startsWith(w))) marked.fill(true, match.index, match.index + match[0].length);
  }
  const segments: Segment[] = [];
  // By UTF-16 unit, as `marked` is indexed.
  for (const [i, unit] of text.split("").entries()) {
    const mark = marked[i] ?? false;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += unit;
    else segments.push({ text: unit, mark });
  }
  return segments;
}
