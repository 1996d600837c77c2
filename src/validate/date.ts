// News dates: ISO 8601 in, a luxon DateTime out; a day without a time is that day in the news time zone.
import { DateTime } from "luxon";
import { quote } from "../diagnostics.ts";

/** The zone news time is in unless a source gives an offset, and site.yaml names no `time_zone`. */
export const NEWS_ZONE = "Asia/Shanghai";

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const FULL_WIDTH_DIGIT_RE = /[０-９]/;
const OFFSET_RE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** A parsed date, or why it could not be parsed. */
export type NewsDateResult = { date: DateTime } | { problem: string };

/**
 * Parses an ISO 8601 date or date-time. Without an offset the time is read in `zone`
 * (so `2024-01-29` is midnight in Shanghai, never UTC midnight); with one, the offset is kept.
 */
export function parseNewsDate(value: unknown, zone = NEWS_ZONE): NewsDateResult {
  if (typeof value !== "string") return { problem: `date must be an ISO 8601 string such as "2024-01-29", not ${describe(value)}` };
  // "2024-01-29 10:00" is common in hand-written front matter; ISO 8601 wants a "T" there.
  const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, "$1T");
  const hasOffset = !DAY_RE.test(text) && OFFSET_RE.test(text);
  const date = hasOffset ? DateTime.fromISO(text, { setZone: true }) : DateTime.fromISO(text, { zone });
  if (!date.isValid) {
    const why = date.invalidExplanation ?? date.invalidReason ?? "not a date";
    const hint = FULL_WIDTH_DIGIT_RE.test(text) ? "; write the digits in ASCII (2024-01-29), not full-width (２０２４-０１-２９)" : "";
    return { problem: `date ${quote(text)} is not a real date (${why})${hint}` };
  }
  return { date };
}

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a map" : `a ${typeof value}`;
}
