// Decides a raw scrape's date when front matter gives none: dated file name, else year + lead's month/day.
import { error, warning } from "../../diagnostics.ts";
import type { Diagnostic, Located } from "../../types.ts";
import { dayFromFileName, findEnDay, findZhDay, formatDay, yearFromPath } from "./lead-date.ts";
import type { StatedDay } from "./lead-date.ts";

/** What the date rules look at. */
export interface DateInput {
  /** Display path, for diagnostics. */
  file: string;
  /** Path relative to the articles folder: year folders and dated names live here. */
  relPath: string;
  /** The Chinese lead: its first paragraph (and the next, when the first is only a dateline). */
  zhLead: Located<string>[];
  /** The English lead: the first content paragraph. */
  enLead?: Located<string>;
  /** Line to blame when no lead exists. */
  fallbackLine: number;
}

/** The decided date, or the diagnostic saying why there is none. */
export interface StoryDateResult {
  /** `YYYY-MM-DD` with the line it was decided from. */
  date?: Located<string>;
  /** At most one error (`raw/no-year`, `raw/no-date`), or a `raw/date-mismatch` warning. */
  diagnostics: Diagnostic[];
}

const FIX = 'add "date: 2024-01-29" front matter or put the file under a year folder such as articles/2024/';

/** The first month and day stated in the Chinese lead. */
function findZhLeadDay(input: DateInput): Located<StatedDay> | undefined {
  for (const paragraph of input.zhLead) {
    const day = findZhDay(paragraph.value);
    if (day) return { value: day, line: paragraph.line };
  }
  return undefined;
}

/** The first month and day stated in the English lead. */
function findEnLeadDay(input: DateInput): Located<StatedDay> | undefined {
  const day = input.enLead ? findEnDay(input.enLead.value) : undefined;
  return day && input.enLead ? { value: day, line: input.enLead.line } : undefined;
}

/** A `raw/date-mismatch` warning when both leads state a day and the days differ. */
function checkLeadsAgree(input: DateInput, zh: Located<StatedDay> | undefined, en: Located<StatedDay> | undefined): Diagnostic[] {
  if (!zh || !en) return [];
  const sameYear = zh.value.year === undefined || en.value.year === undefined || zh.value.year === en.value.year;
  if (sameYear && zh.value.month === en.value.month && zh.value.day === en.value.day) return [];
  const show = (d: StatedDay) => formatDay(d.year ?? 0, d.month, d.day).slice(d.year ? 0 : 5);
  const message =
    `the English lead states ${show(en.value)} but the Chinese lead (line ${zh.line}) states ${show(zh.value)}; ` +
    `the Chinese date is used: check both, or set "date:" in front matter`;
  return [warning(input.file, en.line, "raw/date-mismatch", message)];
}

/**
 * Decides the date: a `YYYY-MM-DD-` file name gives it whole; otherwise the month and day stated
 * in the lead, with the year stated there or taken from a year folder. Never guesses a year.
 */
export function resolveStoryDate(input: DateInput): StoryDateResult {
  const named = dayFromFileName(input.relPath);
  if (named?.year) return { date: { value: formatDay(named.year, named.month, named.day), line: 1 }, diagnostics: [] };
  const zhDay = findZhLeadDay(input);
  const enDay = findEnLeadDay(input);
  const stated = zhDay ?? enDay;
  const year = stated?.value.year ?? yearFromPath(input.relPath);
  const line = stated?.line ?? input.fallbackLine;
  if (year === undefined) {
    const seen = stated ? ` (the lead gives month and day ${formatDay(0, stated.value.month, stated.value.day).slice(5)})` : "";
    return { diagnostics: [error(input.file, line, "raw/no-year", `no year for this story${seen}: ${FIX}`)] };
  }
  if (!stated) {
    const message =
      `no date for this story: the lead states no month and day (such as "1月29日" or "January 29"); ` +
      `add "date: ${year}-01-29" front matter or name the file ${year}-01-29-<slug>.txt`;
    return { diagnostics: [error(input.file, line, "raw/no-date", message)] };
  }
  return { date: { value: formatDay(year, stated.value.month, stated.value.day), line }, diagnostics: checkLeadsAgree(input, zhDay, enDay) };
}
