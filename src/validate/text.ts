// Characters a text field must not hold (controls, lone surrogates) and those removed from it (invisible ones).
import { findBadChar } from "../shared/bad-chars.ts";

/**
 * Invisible characters: zero-width spaces and joiners, bidirectional controls, the BOM, the soft hyphen,
 * the combining grapheme joiner, the Arabic letter mark, the Mongolian vowel separator, and the Hangul
 * fillers (U+115F, U+1160, U+3164, U+FFA0), which are letters to Unicode but print as nothing.
 * Titles and keywords lose them with a warning; slugs refuse them.
 */
const INVISIBLE = "\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\u3164\\uFEFF\\uFFA0";
/** An emoji, with an optional variation selector or skin tone after it, as the two sides of a ZWJ sequence. */
const EMOJI = "\\p{Extended_Pictographic}";
const EMOJI_TAIL = "[\\u{FE0F}\\u{1F3FB}-\\u{1F3FF}]?";
/**
 * Every invisible character except a zero-width joiner that joins two emoji (👨‍👩‍👧‍👦 is four faces
 * joined by three ZWJs; see https://unicode.org/reports/tr51/#Emoji_ZWJ_Sequences).
 */
const INVISIBLE_RE = new RegExp(`(?!(?<=${EMOJI}${EMOJI_TAIL})\\u200D(?=${EMOJI}))[${INVISIBLE}]`, "gu");
/** The same set, tested without an exception (a slug has no emoji to join). */
const ANY_INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`, "u");

/** Removes invisible characters, keeping a zero-width joiner inside an emoji sequence. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, "");
}

/** True when `text` holds any invisible character (a ZWJ included). */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE_RE.test(text);
}


/**
 * The first control character or lone surrogate anywhere in a front matter value (strings inside lists
 * and maps included), or undefined.
 */
export function findBadCharIn(value: unknown): string | undefined {
  if (typeof value === "string") return findBadChar(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findBadCharIn(item);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") return findBadCharIn(Object.values(value));
  return undefined;
}

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * Text where every code unit is a character of its own: printable ASCII, Latin-1 and Latin Extended
 * letters (combining marks start at U+0300), CJK punctuation (less its tone marks, U+302A–U+302F),
 * unified ideographs and full-width forms (less the half-width ones, whose sound marks combine).
 * No surrogate, joiner, variation selector or line break, so no two units can form one grapheme.
 */
const ONE_UNIT_EACH_RE = /^[\u0020-\u007E\u00A0-\u02FF\u3000-\u3029\u3030-\u303F\u4E00-\u9FFF\uFF01-\uFF60\uFFE0-\uFFEE]*$/;

/** Characters as a reader sees them: a ZWJ emoji, a flag or a CJK Extension B character counts one. */
export function countGraphemes(text: string): number {
  // Most titles and names need no segmenter (ICU's is slow: 0.6 s for 20,000 titles).
  if (ONE_UNIT_EACH_RE.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
