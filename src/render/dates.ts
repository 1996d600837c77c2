// Dates as each language writes them, and as machines read them.
import type { DateTime } from "luxon";
import type { Lang } from "../types.ts";

/** "2024年1月29日" or "January 29, 2024", in the date's own zone. */
export function formatDate(date: DateTime, lang: Lang): string {
  return lang === "zh" ? date.toFormat("yyyy年M月d日") : date.setLocale("en-US").toFormat("MMMM d, yyyy");
}

/** ISO 8601 with the offset, for `<time datetime>`: "2024-01-29T00:00:00+08:00". */
export function isoDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}
