// Dates as each language writes them, and as machines read them.
import type { DateTime } from "luxon";
import type { Lang } from "../types.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "2024年1月29日" or "January 29, 2024", in the date's own zone. Written from the date's fields: every page
 * prints its date, and luxon's formatter costs a large site a tenth of a second. Years of other than four
 * digits go through luxon, which writes them as its "yyyy" does.
 */
export function formatDate(date: DateTime, lang: Lang): string {
  if (date.year < 1000 || date.year > 9999) return lang === "zh" ? date.toFormat("yyyy年M月d日") : date.setLocale("en-US").toFormat("MMMM d, yyyy");
  return lang === "zh" ? `${date.year}年${date.month}月${date.day}日` : `${MONTHS[date.month - 1]} ${date.day}, ${date.year}`;
}

/** ISO 8601 with the offset, for `<time datetime>`: "2024-01-29T00:00:00+08:00". */
export function isoDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}
