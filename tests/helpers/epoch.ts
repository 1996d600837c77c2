// A pinned build time for a test file: builds compared byte for byte must share a notion of now (feeds print it).
import type { Test } from "uvu";

/** The build time the suites pin: 2026-01-01T00:00:00Z, a whole hour (the dev site rounds its clock to the hour). */
export const PINNED_EPOCH = "1767225600";

/** Sets `SOURCE_DATE_EPOCH` to `epoch` before the suite's tests and puts back what it was after them. */
export function pinBuildTime(suite: Test, epoch = PINNED_EPOCH): void {
  const outer = process.env.SOURCE_DATE_EPOCH;
  suite.before(() => {
    process.env.SOURCE_DATE_EPOCH = epoch;
  });
  suite.after(() => {
    if (outer === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = outer;
  });
}
