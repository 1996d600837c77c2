// Search tokens: one function turns text into index terms, in Node at build time and in the browser at query time.
//
// Pagefind splits Chinese with jieba when indexing but with Intl.Segmenter when querying, and the two
// disagree (Pagefind issue #1237). Duet sidesteps both: every run of Han characters becomes its
// character bigrams (and, for a lone character, the character), each written as a plain ASCII code.
// Pagefind then only ever sees ASCII words, and a query's bigrams are exactly the bigrams of the
// text it was typed from, so any two-character fragment of a title finds it. Pagefind requires every
// term of a query, so a longer word finds the stories holding all of its bigrams.
import type { Converter } from "./convert.ts";

/** Han ideographs (with extensions and compatibility forms): the characters that get bigram codes. */
const HAN_RE = /\p{Script=Han}/u;
/** Consonants only: no vowels and no "y", so Pagefind's English stemmer never changes a code. */
const ALPHABET = "bcdfghjklmnpqrstvwxz";
/** Bigram codes start with this, which no English word does, so codes never prefix-match words. */
const CODE_PREFIX = "zq";
/**
 * A Han character standing alone in the text gets this prefix instead: were it "zq" too, its code
 * would be a prefix of every bigram starting with that character, and Pagefind, finding no exact
 * term for an unknown bigram, falls back to the longest indexed prefix of it and returns unrelated stories.
 */
const LONE_PREFIX = "zx";
/** Dots between single letters (U.S., U.K.) are dropped so "U.S." and "US" are one word. */
const ACRONYM_RE = /\b(?:\p{L}\.){2,}/gu;
const SEPARATOR_RE = /[^\p{L}\p{N}]+/u;

/**
 * A Han character as 4 letters of the vowel-free alphabet: distinct for every code point below
 * 160,000 (all common and extension A–B characters); the rare ones above share codes, costing precision only.
 */
export function hanCode(char: string): string {
  let n = char.codePointAt(0)!;
  let code = "";
  for (let i = 0; i < 4; i++) {
    code = ALPHABET[n % 20]! + code;
    n = Math.floor(n / 20);
  }
  return code;
}

/** Normalises text for search: width and case folded, Traditional converted, acronym dots removed. */
export function normalise(text: string, convert: Converter): string {
  const folded = convert(text.normalize("NFKC")).toLowerCase();
  return folded.replace(ACRONYM_RE, (m) => m.replace(/\./g, ""));
}

/**
 * The terms of `text`: words of other scripts as they are (Pagefind stems English ones),
 * and for each run of Han characters its bigram codes, or the character's code for a run of one.
 */
export function termsOf(text: string, convert: Converter): string[] {
  const terms: string[] = [];
  for (const chunk of normalise(text, convert).split(SEPARATOR_RE)) {
    if (chunk === "") continue;
    let run: string[] = [];
    let other = "";
    const flushRun = () => {
      if (run.length === 1) terms.push(LONE_PREFIX + hanCode(run[0]!));
      for (let i = 0; i + 1 < run.length; i++) terms.push(CODE_PREFIX + hanCode(run[i]!) + hanCode(run[i + 1]!));
      run = [];
    };
    const flushOther = () => {
      if (other !== "") terms.push(other);
      other = "";
    };
    for (const char of chunk) {
      if (HAN_RE.test(char)) {
        flushOther();
        run.push(char);
      } else {
        flushRun();
        other += char;
      }
    }
    flushRun();
    flushOther();
  }
  return terms;
}

/**
 * The query Pagefind is given for what a reader typed: the same terms, space-separated. A lone
 * character is searched as the start of a bigram (Pagefind matches terms by prefix), so "云" finds
 * 云服务; it does not find a character that only ever ends a pair.
 */
export function queryOf(text: string, convert: Converter): string {
  const terms = termsOf(text, convert).map((t) => (t.startsWith(LONE_PREFIX) ? CODE_PREFIX + t.slice(LONE_PREFIX.length) : t));
  return [...new Set(terms)].join(" ");
}

/** Phrase terms start with this, which no English word does. */
const PHRASE_PREFIX = "zp";
/**
 * Phrase terms end with this, so one phrase's term is never a prefix of a longer phrase's term and
 * Pagefind's prefix matching cannot stretch "cloud computing" to "cloud computing center".
 */
const PHRASE_END = "0";

/**
 * One term standing for a whole multi-word phrase (a keyword such as "cloud computing"), or undefined
 * for a single word or any Chinese. Keywords are indexed with it, and a query is searched for it
 * too, so stories tagged with exactly what the reader typed rank first; stories that only hold the
 * words somewhere still match through the ordinary terms.
 */
export function phraseTermOf(text: string, convert: Converter): string | undefined {
  const words = termsOf(text, convert);
  if (words.length < 2 || words.some((w) => w.startsWith(CODE_PREFIX) || w.startsWith(LONE_PREFIX))) return undefined;
  return PHRASE_PREFIX + words.join("") + PHRASE_END;
}

/** Word-form terms start with this, which no English word does, and end with `PHRASE_END`. */
const FORM_PREFIX = "zf";
const LATIN_WORD_RE = /^[a-z]+$/;

/**
 * The inflection base of a lower-case English word: plural and third-person -s, -ed and -ing removed, a
 * doubled final consonant undoubled and a final e dropped, so approve, approves, approved and approving
 * share "approv", and plan, plans and planned share "plan". Derived words keep their suffix: approval,
 * adjustment and connectivity each stay apart from their verb. Pagefind's stemmer joins those (approval and
 * approve are both "approv" to it), which is right for finding, but a reader who typed "approved" wants the
 * stories that approved something before the ones about an approval.
 */
export function inflectionBase(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith("ies") || w.endsWith("ied")) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else {
    const stem = w.endsWith("ing") ? w.slice(0, -3) : w.endsWith("ed") && !w.endsWith("eed") ? w.slice(0, -2) : undefined;
    if (stem !== undefined && stem.length >= 3 && /[aeiouy]/.test(stem)) {
      w = /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem;
    }
  }
  return w.length > 3 && w.endsWith("e") ? w.slice(0, -1) : w;
}

/**
 * One term per English word of `text` standing for all its inflections (see `inflectionBase`). Titles and
 * keywords are indexed with them, and an English query is searched for them too, so stories whose title or
 * keywords hold the reader's word in some inflection rank ahead of those Pagefind's stemmer only relates.
 */
export function formTermsOf(text: string, convert: Converter): string[] {
  const words = termsOf(text, convert).filter((w) => LATIN_WORD_RE.test(w) && !w.startsWith(CODE_PREFIX) && !w.startsWith(LONE_PREFIX));
  return [...new Set(words.map((w) => FORM_PREFIX + inflectionBase(w) + PHRASE_END))];
}

/** True when text contains Han characters (the browser then loads the Traditional→Simplified table). */
export function hasHan(text: string): boolean {
  return HAN_RE.test(text);
}
