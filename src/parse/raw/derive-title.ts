// Chinese titles: spot a written title line, or derive a headline from the lead's first sentence.
import { countHan, toAsciiDigits } from "./lines.ts";

/** Headline length to aim for, in Chinese characters (a Latin letter or digit counts half). */
const TITLE_BUDGET = 30;
/** A single clause up to this long is kept whole rather than cut inside. */
const CLAUSE_TOLERANCE = 40;
/** Longest line taken as a written title. */
const MAX_TITLE_LINE = 40;

const SENTENCE_END_RE = /[。！？!?]/;
const SENTENCE_END_TAIL_RE = /[。！？!?…]["”’）)]*$/;
const OPEN_CLAUSE_TAIL_RE = /[，,：:；;、]$/;
/** Dateline ending in 电/讯: "据新华社1月29日电，", "新华社北京1月29日电（记者 张三）". */
const DATELINE_RE = /^(?:据)?\p{Script=Han}{0,16}?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:[（(][^）)]*[）)])?\s*[，,：:]?\s*/u;
/** Date opening a lead: "1月29日,", "2024年1月29日上午，", "据新华社报道 1月29日，", "当地时间1月29日，". */
const DATE_LEAD_RE =
  /^(?:据)?(?:\p{Script=Han}{1,10}?(?:社|报|网|台|消息))?\s*(?:(?:当地|北京)时间)?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:上午|下午|晚间|晚上|早间|早上|凌晨|中午|傍晚|晚)?\s*[，,、：:]\s*/u;
const TIME_WORD_RE = /^(?:近日|日前|今天|今日|昨天|昨日|据悉|据报道|本报讯|记者获悉)\s*[，,]\s*/;
/** Clause boundaries; an ASCII comma or colon between digits ("1,234", "10:30") is not one. */
const CLAUSE_END_RE = /[，；：、]|[,;:](?!\d)/g;
/** Characters that start a new phrase: cutting just before one avoids cutting inside a word. */
const PHRASE_START_RE = /[的在和与及对就将把被为从向于并但而]/g;
const TRAILING_PUNCT_RE = /[\s，,。．.！!？?；;：:、…—\-·"“”'‘’（(【《]+$/u;

/** Weighted length: a Chinese character counts 1, anything else half. */
function measure(text: string): number {
  const han = countHan(text);
  return han + (text.length - han) / 2;
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
  return cut > 0 ? clause.slice(0, cut) : clause.slice(0, TITLE_BUDGET);
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

/**
 * Derives a headline from a Chinese lead: its first sentence without a leading date phrase,
 * cut at clause boundaries to about 30 characters, without trailing punctuation.
 */
export function deriveZhTitle(lead: string): string | undefined {
  const sentence = stripDatePhrase(lead.split(SENTENCE_END_RE)[0] ?? "").trim();
  const clauses: string[] = [];
  let end = 0;
  for (const match of sentence.matchAll(CLAUSE_END_RE)) {
    clauses.push(sentence.slice(end, match.index + 1));
    end = match.index + 1;
  }
  clauses.push(sentence.slice(end));
  let title = "";
  for (const clause of clauses) {
    if (title && measure(title + clause) > TITLE_BUDGET) break;
    title += title ? clause : cutClause(clause);
    if (measure(title) > TITLE_BUDGET) break;
  }
  const tidy = tidyEnd(title.trim());
  return tidy.length > 0 ? tidy : undefined;
}

/** True when a line is plainly a written title: short, Chinese, not a sentence, not a dateline, and more text follows. */
export function looksLikeZhTitle(line: string, next: string | undefined): boolean {
  if (next === undefined || countHan(line) < 4 || measure(line) > MAX_TITLE_LINE) return false;
  if (line.includes("。") || SENTENCE_END_TAIL_RE.test(line) || OPEN_CLAUSE_TAIL_RE.test(line)) return false;
  const ascii = toAsciiDigits(line);
  if (DATELINE_RE.test(ascii) || DATE_LEAD_RE.test(ascii)) return false;
  return measure(next) > measure(line) || next.includes("。");
}
