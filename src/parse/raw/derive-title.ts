// Chinese titles: spot a written title line, or derive a headline from the lead's first sentence.
import { countHan, toAsciiDigits } from "./lines.ts";
import { compressHeadline } from "./title-compress.ts";

/** Headline length to aim for, in Chinese characters (a Latin letter or digit counts half). */
const TITLE_BUDGET = 30;
/** A single clause up to this long is kept whole rather than cut inside. */
const CLAUSE_TOLERANCE = 40;
/** Longest headline derived from a whole sentence, in the same weighted characters. */
const HEADLINE_LIMIT = 40;
/** Longest line taken as a written title. */
const MAX_TITLE_LINE = 40;

const SENTENCE_END_RE = /[。！？!?]/;
const SENTENCE_END_TAIL_RE = /[。！？!?…]["”’）)]*$/;
const OPEN_CLAUSE_TAIL_RE = /[，,：:；;、]$/;
/** Dateline ending in 电/讯: "据新华社1月29日电，", "新华社北京1月29日电（记者 张三）". */
const DATELINE_RE = /^(?:据)?\p{Script=Han}{0,16}?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:[（(][^）)]*[）)])?\s*[，,：:]?\s*/u;
/** Date opening a lead: "1月29日,", "2024年1月29日上午，", "据新华社报道 1月29日，", "当地时间1月29日，". */
const DATE_LEAD_RE =
  /^(?:据)?(?:\p{Script=Han}{1,10}?(?:社|报|网|台|消息))?\s*(?:(?:当地|北京)时间)?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:上午|下午|晚间|晚上|早间|早上|清晨|凌晨|中午|午后|傍晚|夜间|深夜|晚)?\s*[，,、：:]\s*/u;
const TIME_WORD_RE = /^(?:近日|日前|今天|今日|昨天|昨日|据悉|据报道|本报讯|记者获悉)\s*[，,]\s*/;
/** Clause boundaries; an ASCII comma or colon between digits ("1,234", "10:30") is not one. */
const CLAUSE_END_RE = /[，；：、]|[,;:](?!\d)/g;
/** Characters that start a new phrase: cutting just before one avoids cutting inside a word. */
const PHRASE_START_RE = /[的在和与及对就将把被为从向于并但而]/g;
/**
 * A headline never ends on a preposition, a locative phrase ("…在例行记者会上") or a time clause ("…并入电网后"):
 * it would be a fragment. Only prepositions that rarely end a verb are listed (对 ends 反对, 与 ends 参与).
 */
const ENDS_OPEN_RE = /(?:(?<![存现实所正自])在|(?<![成造迁早])就|[把被跟]|在[^，,；;]{0,16}(?:上|中|里|内|时|期间|之际)|(?:之后|以后|以来|之际|期间|[^最落之皇午然]后))$/u;
const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });
const TRAILING_PUNCT_RE = /[\s，,。．.！!？?；;：:、…—\-·"“”'‘’（(【《]+$/u;

/** A derived headline and the rule that chose it (shown by `npm run check`). */
export interface DerivedTitle {
  /** The headline. */
  title: string;
  /** `whole-sentence`, `compressed-sentence (drop-locative, …)`, `leading-clauses` or `cut-clause`. */
  rule: string;
  /** The lead's first sentence the headline was derived from, date phrase removed. */
  candidate: string;
}

/** The grapheme clusters of `text`: what a reader sees as characters (a ZWJ emoji or a flag is one). */
function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Weighted length in graphemes: a Chinese character counts 1, anything else half. */
function measure(text: string): number {
  const han = countHan(text);
  return han + (splitGraphemes(text).length - han) / 2;
}

/** Removes a leading dateline or date phrase ("1月29日，", "据新华社1月29日电，") and time words ("近日，"). */
export function stripDatePhrase(sentence: string): string {
  const ascii = toAsciiDigits(sentence);
  const match = DATELINE_RE.exec(ascii) ?? DATE_LEAD_RE.exec(ascii);
  const rest = match ? sentence.slice(match[0].length) : sentence;
  return rest.replace(TIME_WORD_RE, "");
}

/** Cuts one over-long clause before a phrase-starting character, else at the budget. */
function cutClause(clause: string): string {
  if (measure(clause) <= CLAUSE_TOLERANCE) return clause;
  let cut = 0;
  for (const match of clause.matchAll(PHRASE_START_RE)) {
    if (match.index > 4 && measure(clause.slice(0, match.index)) <= TITLE_BUDGET) cut = match.index;
  }
  return cut > 0 ? clause.slice(0, cut) : splitGraphemes(clause).slice(0, TITLE_BUDGET).join("");
}

/** Drops an unclosed trailing parenthesis and trailing punctuation. */
function tidyEnd(text: string): string {
  let out = text.replace(TRAILING_PUNCT_RE, "");
  for (const [open, close] of [["（", "）"], ["(", ")"], ["《", "》"], ["“", "”"]] as const) {
    const at = out.lastIndexOf(open);
    if (at >= 0 && out.indexOf(close, at) < 0) out = out.slice(0, at).replace(TRAILING_PUNCT_RE, "");
  }
  return out;
}

/** The sentence's clauses, each with its closing punctuation. */
function splitClauses(sentence: string): string[] {
  const clauses: string[] = [];
  let end = 0;
  for (const match of sentence.matchAll(CLAUSE_END_RE)) {
    clauses.push(sentence.slice(end, match.index + 1));
    end = match.index + 1;
  }
  clauses.push(sentence.slice(end));
  return clauses;
}

/** At most two leading clauses joined up to about 30 characters, the first cut inside when it alone is too long. */
function leadingClauses(sentence: string): string {
  let title = "";
  for (const [i, clause] of splitClauses(sentence).entries()) {
    if (title && (i >= 2 || measure(title + clause) > TITLE_BUDGET)) break;
    // A second clause that leaves the headline open ("…并入电网后") is not taken.
    if (title && ENDS_OPEN_RE.test(tidyEnd(title + clause))) break;
    title += title ? clause : cutClause(clause);
    if (measure(title) > TITLE_BUDGET) break;
  }
  return tidyEnd(title.trim());
}

/** A headline that fits and does not end on a preposition or locative phrase. */
function isWholeHeadline(text: string): boolean {
  return text.length > 0 && measure(text) <= HEADLINE_LIMIT && !ENDS_OPEN_RE.test(text);
}

/**
 * Derives a headline from a Chinese lead's first sentence, date phrase removed: the whole sentence when it
 * fits in about 40 characters and two clauses; else its leading clauses, unless they end on a preposition or
 * locative phrase; else the sentence compressed as an editor would (title-compress.ts); else the clauses cut.
 */
export function deriveZhHeadline(lead: string): DerivedTitle | undefined {
  const candidate = stripDatePhrase(lead.split(SENTENCE_END_RE)[0] ?? "").trim();
  const whole = tidyEnd(candidate);
  // Three clauses or more read as a lead, not a headline, however short.
  if (splitClauses(whole).length <= 2 && isWholeHeadline(whole)) return { title: whole, rule: "whole-sentence", candidate };
  const leading = leadingClauses(candidate);
  if (isWholeHeadline(leading)) return { title: leading, rule: "leading-clauses", candidate };
  const compressed = compressHeadline(candidate, (t) => measure(tidyEnd(t)) > HEADLINE_LIMIT);
  const short = tidyEnd(compressed.text);
  if (compressed.applied.length > 0 && isWholeHeadline(short)) {
    return { title: short, rule: `compressed-sentence (${compressed.applied.join(", ")})`, candidate };
  }
  // Last resort: still never end on a preposition or a locative phrase.
  const cut = tidyEnd(leadingClauses(compressed.text).replace(ENDS_OPEN_RE, ""));
  return cut.length > 0 ? { title: cut, rule: "cut-clause", candidate } : undefined;
}

/** The headline {@link deriveZhHeadline} derives, without its rule. */
export function deriveZhTitle(lead: string): string | undefined {
  return deriveZhHeadline(lead)?.title;
}

/** True when a line is plainly a written title: short, Chinese, not a sentence, not a dateline, and more text follows. */
export function looksLikeZhTitle(line: string, next: string | undefined): boolean {
  if (next === undefined || countHan(line) < 4 || measure(line) > MAX_TITLE_LINE) return false;
  if (line.includes("。") || SENTENCE_END_TAIL_RE.test(line) || OPEN_CLAUSE_TAIL_RE.test(line)) return false;
  const ascii = toAsciiDigits(line);
  if (DATELINE_RE.test(ascii) || DATE_LEAD_RE.test(ascii)) return false;
  return measure(next) > measure(line) || next.includes("。");
}
