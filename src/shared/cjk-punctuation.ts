// Chinese punctuation for display: ASCII , : ; ? ! ( ) next to Chinese text shown in their full-width forms.
//
// The rules follow W3C "Requirements for Chinese Text Layout" (clreq, https://www.w3.org/TR/clreq/#punctuation_marks):
// Chinese text takes full-width marks, which carry their own spacing; numbers, URLs, code and English keep
// theirs. A pure function of its input, idempotent: fullWidthPunctuation(fullWidthPunctuation(x)) === fullWidthPunctuation(x).

/** Han characters, CJK symbols and punctuation, and full-width forms: the "Chinese side" of a mark. */
const CJK_RE = /[\p{Script=Han}\u3000-\u303F\uFF01-\uFF60\u201C\u201D\u2018\u2019\u2026\u2014]/u;
const HAN_RE = /\p{Script=Han}/u;
const DIGIT_RE = /[0-9]/;
const SPACE_RE = /[ \t]/;
/**
 * Stand-ins a caller may put in the text for what is not text: `MARKUP_MARK` for a tag, which neighbours look
 * through (`**外交部**,` is a comma after Han); `OPAQUE_MARK` for an inline item never retouched (code), which
 * counts as a non-Chinese character. Both come out where they went in.
 */
export const MARKUP_MARK = "\uE000";
export const OPAQUE_MARK = "\uE001";
/** The marks converted, and their full-width forms. */
const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）" };
/**
 * Spans never touched: URLs (ending before whitespace or Chinese text), code spans, emoticons such as
 * `:)` `;-)` `:D` and `(^_^)` `(T_T)` (a sad `:(` is told by its parenthesis closing nowhere, see `markIsChinese`).
 */
const PROTECTED_RE =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s<>"\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\uE000\uE001]*|`[^`\n]*`|[:;][-^]?\)(?![a-z0-9])|[:;][-^]?[DPO3](?![\p{L}\p{N}])|\((?=[^()\s]*[\^_~*])(?![^()]*\p{L}{2})[^()\s\p{Script=Han}]{1,9}\)/giu;

/**
 * `text` with ASCII `, : ; ? !` after a Chinese character, or before one (unless between digits, as in
 * `1,000` and `10:30`), and ASCII parentheses whose content is Chinese or that open right after Chinese, in
 * their full-width forms. Spaces after a converted mark (and before a converted opening parenthesis) are
 * dropped: full-width marks carry their own. Quotes, dots and ellipses are left as they are.
 */
export function fullWidthPunctuation(text: string): string {
  if (!/[,:;?!()]/.test(text) || !HAN_RE.test(text)) return text;
  const chars = [...text];
  const guarded = protectedMask(text, chars.length);
  const pairs = parenPairs(chars, guarded);
  // Characters shown so far, one per element: looking back must not rescan the whole text (bodies run to 100 kB).
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (guarded[i] || !(char in FULL_WIDTH)) {
      out.push(char);
      continue;
    }
    let convert: boolean;
    if (char === "(") convert = pairs.has(i) && (pairs.get(i)!.han || CJK_RE.test(lastNonSpace(out)));
    else if (char === ")") convert = pairs.has(i) && pairs.get(i)!.converted;
    else convert = markIsChinese(chars, i, out, { guarded, pairs });
    if (!convert) {
      out.push(char);
      continue;
    }
    if (char === "(") {
      while (SPACE_RE.test(out.at(-1) ?? "")) out.pop();
      pairs.get(pairs.get(i)!.close)!.converted = true;
    }
    out.push(FULL_WIDTH[char]!);
    if (char !== "(") while (i + 1 < chars.length && SPACE_RE.test(chars[i + 1]!) && !guarded[i + 1]) i++;
  }
  return out.join("");
}

/**
 * True when the mark at `i` stands in Chinese text: Chinese before it; or Chinese after it (past further marks),
 * unless it sits between digits (`1,000`, `10:30`) or follows other text with a space after it, as English does.
 */
function markIsChinese(chars: string[], i: number, out: readonly string[], context: { guarded: boolean[]; pairs: Map<number, Pair> }): boolean {
  // A sad face, `:(` or `;-(`, is a colon or semicolon before a parenthesis that closes nowhere.
  const face = chars[i + 1] === "(" ? i + 1 : /[-^]/.test(chars[i + 1] ?? "") && chars[i + 2] === "(" ? i + 2 : -1;
  if (face >= 0 && /[:;]/.test(chars[i]!) && !context.guarded[face] && !context.pairs.has(face)) return false;
  const before = lastNonSpace(out);
  if (CJK_RE.test(before)) return true;
  let next = i + 1;
  while (chars[next] === MARKUP_MARK) next++;
  let word = next;
  while (SPACE_RE.test(chars[word] ?? "") || chars[word] === MARKUP_MARK) word++;
  // A parenthesis that turns full-width takes the spaces before it away, so the mark will touch it.
  if (chars[word] === "(" && context.pairs.get(word)?.han === true) return true;
  if (word > next) return false;
  if (DIGIT_RE.test(before) && DIGIT_RE.test(chars[next] ?? "")) return false;
  let k = next;
  // A run of marks before Chinese turns full-width as a whole, so a second pass changes nothing.
  while (k < chars.length && !context.guarded[k] && /[,:;?! \t\uE000]/.test(chars[k]!)) k++;
  const after = context.guarded[k] ? "" : (chars[k] ?? "");
  // So do an opening parenthesis that will turn full-width and a closing one whose opening did.
  const pair = context.pairs.get(k);
  return CJK_RE.test(after) || (after === "(" && pair?.han === true) || (after === ")" && pair?.converted === true);
}

/** One parenthesis of a matched pair: where its partner is, whether the content has Han, whether it was converted. */
interface Pair {
  close: number;
  han: boolean;
  converted: boolean;
}

/** Matched, unprotected parentheses by index (both ends of each pair). */
function parenPairs(chars: string[], guarded: boolean[]): Map<number, Pair> {
  const pairs = new Map<number, Pair>();
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (guarded[i]) continue;
    if (chars[i] === "(") open.push(i);
    else if (chars[i] === ")" && open.length > 0) {
      const start = open.pop()!;
      const han = HAN_RE.test(chars.slice(start + 1, i).join(""));
      pairs.set(start, { close: i, han, converted: false });
      pairs.set(i, { close: start, han, converted: false });
    }
  }
  return pairs;
}

/** Per code point of `text`: true inside a protected span. */
function protectedMask(text: string, length: number): boolean[] {
  const mask = new Array<boolean>(length).fill(false);
  let unit = 0;
  let point = 0;
  for (const match of text.matchAll(PROTECTED_RE)) {
    point += [...text.slice(unit, match.index)].length;
    const end = point + [...match[0]].length;
    for (let k = point; k < end; k++) mask[k] = true;
    point = end;
    unit = match.index + match[0].length;
  }
  return mask;
}

/** The last character of `out` that is neither a space nor markup ("" at the start). */
function lastNonSpace(out: readonly string[]): string {
  let k = out.length - 1;
  while (k >= 0 && (SPACE_RE.test(out[k]!) || out[k] === MARKUP_MARK)) k--;
  return out[k] ?? "";
}
