// Headline compressions: the small rewrites a Chinese copy editor makes to fit a lead's sentence in a headline.

/** One compression: a stable name (shown by `npm run check`) and the rewrite. */
interface Compression {
  /** Name listed in the title's rule when the rewrite changed the text. */
  name: string;
  /** Returns the rewritten text (the same text when the rule does not apply). */
  apply: (text: string) => string;
}

/** "在例行记者会上，" between subject and predicate: where it was said, never what was said. */
const LOCATIVE_RE = /在[^，,。；;在]{1,16}?(?:会上|上|中|期间|之际|时)(?:[，,]\s*|(?=就|对|针对|向|表示|指出|称|强调))/u;
/** A Latin gloss in parentheses after Chinese words: "人工智能(AI)". */
const GLOSS_RE = /(?<=\p{Script=Han})\s*[（(][A-Za-z0-9 .&-]{1,12}[）)]/gu;
/** "就有关…的问题作出回应": the topic's frame words carry no news. */
const TOPIC_OPEN_RE = /(就|对|针对)有关/g;
const TOPIC_CLOSE_RE = /(?:的问题|问题|一事)(?=作出|做出|进行|表态|回应|发表)/g;
/** Headline abbreviations Chinese newsrooms use for the longer forms (美方, 中企, 外交部). */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/中华人民共和国/g, "中国"],
  [/^中国外交部/, "外交部"],
  [/美国政府/g, "美方"],
  [/中国政府/g, "中方"],
  [/中国(?:企业|公司)/g, "中企"],
  [/美国(?:企业|公司)/g, "美企"],
];

/** The compressions, applied in this order and only while the headline is still too long. */
export const COMPRESSIONS: readonly Compression[] = [
  { name: "drop-locative", apply: (t) => t.replace(LOCATIVE_RE, "") },
  { name: "drop-gloss", apply: (t) => t.replace(GLOSS_RE, "") },
  { name: "drop-topic-frame", apply: (t) => t.replace(TOPIC_OPEN_RE, "$1").replace(TOPIC_CLOSE_RE, "") },
  { name: "abbreviate", apply: (t) => ABBREVIATIONS.reduce((out, [re, short]) => out.replace(re, short), t) },
];

/** Applies compressions while `tooLong(text)`; returns the text and the names of those that changed it. */
export function compressHeadline(text: string, tooLong: (text: string) => boolean): { text: string; applied: string[] } {
  let out = text;
  const applied: string[] = [];
  for (const compression of COMPRESSIONS) {
    if (!tooLong(out)) break;
    const next = compression.apply(out);
    if (next !== out) applied.push(compression.name);
    out = next;
  }
  return { text: out, applied };
}
