// A light English stemmer for headline words: plural, -ing, -ed and -tion/-ation forms map to one stem.

const VOWEL_RE = /[aeiouy]/;
const DOUBLE_END_RE = /([b-df-hj-km-np-rtv-xz])\1$/;

/** Strips a suffix when what remains is at least `min` letters and holds a vowel. */
function strip(word: string, suffix: string, min: number): string | undefined {
  if (!word.endsWith(suffix)) return undefined;
  const rest = word.slice(0, -suffix.length);
  return rest.length >= min && VOWEL_RE.test(rest) ? rest : undefined;
}

/** Removes a plural ending: cities → city, launches → launch, buses → buse, stations → station. */
function singular(word: string): string {
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(?:ss|us|is)$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/**
 * The stem of a lower-case English word. Consistent rather than linguistic: launch, launches, launched and
 * launching share one; so do renovate and renovation, complete and completion, optimize and optimization.
 */
export function stemWord(input: string): string {
  let word = singular(input.toLowerCase());
  if (word.length <= 3) return word;
  const ied = word.endsWith("ied") && word.length > 4 ? `${word.slice(0, -3)}y` : undefined;
  const ending = ied ?? strip(word, "ing", 3) ?? (word.endsWith("eed") ? undefined : strip(word, "ed", 3));
  if (ending !== undefined) {
    word = ending;
    if (DOUBLE_END_RE.test(word) && !/(?:ll|ss|zz)$/.test(word)) word = word.slice(0, -1);
    if (word.endsWith("at") && word.length > 5) word = word.slice(0, -2);
  }
  word = strip(word, "ation", 4) ?? strip(word, "ion", 4) ?? word;
  if (word.endsWith("ate") && word.length > 6) word = word.slice(0, -3);
  if (word.endsWith("e") && word.length > 3) word = word.slice(0, -1);
  return word;
}
