// The build time, and the warning for stories dated after it.
import { DateTime } from "luxon";
import { warning } from "../diagnostics.ts";
import type { Diagnostic } from "../types.ts";

/** A story dated more than this many days after the build time is reported (time zones and embargoes need slack). */
export const MAX_FUTURE_DAYS = 2;

/**
 * The build's notion of now: `SOURCE_DATE_EPOCH` (seconds since 1970, see
 * https://reproducible-builds.org/specs/source-date-epoch/) when set to an integer, else the clock.
 */
export function nowFromEnv(env: NodeJS.ProcessEnv): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? DateTime.fromSeconds(Number(epoch), { zone: "utc" }) : DateTime.utc();
}

/** The latest instant allowed for each build time (luxon's calendar arithmetic in a named zone is slow, and a build has one `now`). */
const latest = new WeakMap<DateTime, number>();

function latestOf(now: DateTime): number {
  let millis = latest.get(now);
  if (millis === undefined) latest.set(now, (millis = now.plus({ days: MAX_FUTURE_DAYS }).toMillis()));
  return millis;
}

/** Adds an `article/future-date` warning when `date` is more than {@link MAX_FUTURE_DAYS} days after `now`. */
export function checkFutureDate(file: string, line: number, date: DateTime, now: DateTime, out: Diagnostic[]): void {
  if (date.toMillis() <= latestOf(now)) return;
  const message = `date ${date.toISO()} is more than ${MAX_FUTURE_DAYS} days after the build time (${now.toISO()}); is the year right?`;
  out.push(warning(file, line, "article/future-date", message));
}
