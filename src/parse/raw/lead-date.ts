// The story's date for a raw scrape: a year from the path or the lead, month and day from the lead.
import { toAsciiDigits } from "./lines.ts";

/** A calendar day as stated somewhere, not yet checked against the calendar. */
export interface StatedDay {
  /** Four-digit year, when the text or path gave one. */
  year?: number;
  /** Month, 1–12 as written (not range-checked). */
  month: number;
  /** Day of the month as written (not range-checked). */
  day: number;
}

const YEAR_DIR_RE = /^(?:19|20)\d{2}$/;
const DATED_NAME_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=[-_.]|$)/;
const ZH_DAY_RE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
/** "January 29", "Jan. 29, 2024"; capitalised only, so the verb "may" is not read as a month. */
const EN_MONTH_DAY_RE = new RegExp(`\\b(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`);
/** "29 January 2024". */
const EN_DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAME})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`);

/** Reads a year from a folder of `relPath` (`2024/…`, `2024/01/…`) or from a dated file name. */
export function yearFromPath(relPath: string): number | undefined {
  const parts = relPath.split("/");
  const dated = dayFromFileName(relPath);
  if (dated?.year) return dated.year;
  const folder = parts.slice(0, -1).find((part) => YEAR_DIR_RE.test(part));
  return folder ? Number(folder) : undefined;
}

/** Reads the full day from a file name starting `YYYY-MM-DD-`. */
export function dayFromFileName(relPath: string): StatedDay | undefined {
  const match = DATED_NAME_RE.exec(relPath.split("/").pop() ?? "");
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Finds the first "1月29日" / "2024年1月29日" in Chinese text (full-width digits too). */
export function findZhDay(text: string): StatedDay | undefined {
  const match = ZH_DAY_RE.exec(toAsciiDigits(text));
  if (!match) return undefined;
  const year = match[1] ? Number(match[1]) : undefined;
  return { ...(year ? { year } : {}), month: Number(match[2]), day: Number(match[3]) };
}

/** Finds the first "January 29" / "Jan. 29, 2024" / "29 January" in English text. */
export function findEnDay(text: string): StatedDay | undefined {
  const monthFirst = EN_MONTH_DAY_RE.exec(text);
  const dayFirst = EN_DAY_MONTH_RE.exec(text);
  const useDayFirst = dayFirst && (!monthFirst || dayFirst.index < monthFirst.index);
  const [name, day, year] = useDayFirst
    ? [dayFirst[2], dayFirst[1], dayFirst[3]]
    : monthFirst
      ? [monthFirst[1], monthFirst[2], monthFirst[3]]
      : [];
  if (!name || !day) return undefined;
  const month = MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  return { ...(year ? { year: Number(year) } : {}), month, day: Number(day) };
}

/** Formats a day as `YYYY-MM-DD`, zero-padded, without checking that the day exists. */
export function formatDay(year: number, month: number, day: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
