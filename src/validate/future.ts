// The build time: what "now" is for embargoes, feeds and the news sitemap.
import { DateTime } from "luxon";

/**
 * The build's notion of now: `SOURCE_DATE_EPOCH` (seconds since 1970, see
 * https://reproducible-builds.org/specs/source-date-epoch/) when set to an integer, else the clock.
 */
export function nowFromEnv(env: NodeJS.ProcessEnv): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? DateTime.fromSeconds(Number(epoch), { zone: "utc" }) : DateTime.utc();
}
