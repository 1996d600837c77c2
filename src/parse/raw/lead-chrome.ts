// Page chrome above the Chinese body that only the story around it gives away: banners, captions, column names.
import type { RawLine } from "./lines.ts";

/** The kind of each line's role (`blank`, `text`, `chrome`, `label` …): all this module needs of the layout. */
type Kinds = readonly string[];

/** Punctuation that only a sentence has. */
const SENTENCE_PUNCT_RE = /[。！？，,；;!?：:、]/;
/** A banner repeating itself: "要闻 HEADLINES要闻 HEADLINES", "专题 专题". */
const REPEATED_RE = /^(.{2,}?)\s*\1(?:\s*\1)*$/u;
/** Words that make a short line a headline rather than a label: common news verbs and the copula. */
const VERB_RE =
  /[说称是有为将要获]|表示|举行|召开|发布|开通|回应|宣布|出台|启动|落成|开放|开幕|闭幕|签署|访问|会见|增长|下降|上涨|推出|完成|实现|通过|批准|发生|成立|投产|运行|并网|当选|去世|逝世|突破|创下|亮相|举办|迎来|收官|启用/;
/** Longest caption, place or column name taken as chrome, in graphemes. */
const MAX_LABEL_LENGTH = 8;
/** The paragraph after a caption is at least this many times longer. */
const LONGER_BY = 3;
const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

/** Length in graphemes. */
function length(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** The next story line after `index` (blank and chrome lines skipped), and whether anything was skipped. */
function nextLine(lines: readonly RawLine[], kinds: Kinds, index: number): { text?: string; setOff: boolean } {
  for (let i = index + 1; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === "blank" || kind === "chrome") continue;
    return { text: kind === "text" ? lines[i]?.text : undefined, setOff: i > index + 1 };
  }
  return { setOff: false };
}

/**
 * The rule a leading line matches: `banner` for a line repeating itself; `caption-line` for a short line
 * (a place, picture or column name) with no sentence punctuation and no verb, set off by a blank or chrome line
 * and followed by a paragraph at least three times longer. A real one-line first paragraph has either.
 */
export function matchLeadChrome(lines: readonly RawLine[], kinds: Kinds, index: number): string | undefined {
  const text = lines[index]?.text ?? "";
  if (text.length <= 60 && REPEATED_RE.test(text)) return "banner";
  if (length(text) > MAX_LABEL_LENGTH || SENTENCE_PUNCT_RE.test(text) || VERB_RE.test(text)) return undefined;
  const next = nextLine(lines, kinds, index);
  return next.text && next.setOff && length(next.text) >= LONGER_BY * length(text) ? "caption-line" : undefined;
}

/** The chrome among the text lines above the first story line, by index; stops at the first line that is story. */
export function findLeadChrome(lines: readonly RawLine[], kinds: Kinds): Map<number, string> {
  const current = [...kinds];
  const found = new Map<number, string>();
  for (let i = 0; i < current.length; i++) {
    if (current[i] === "blank" || current[i] === "chrome") continue;
    const rule = current[i] === "text" ? matchLeadChrome(lines, current, i) : undefined;
    if (!rule) return found;
    current[i] = "chrome";
    found.set(i, rule);
  }
  return found;
}
