// What `npm start` prints: errors on every failed run, each warning once per change, a stack only when asked.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { DevResult } from "../src/dev/index.ts";
import { createDevReport } from "../src/dev/terminal.ts";
import { BuildError, error, warning } from "../src/diagnostics.ts";
import type { Diagnostic } from "../src/types.ts";

/** A report printing into arrays. */
function terminal(verbose = false) {
  const printed = { log: [] as string[], error: [] as unknown[] };
  const report = createDevReport({ log: (line) => printed.log.push(line), error: (line) => printed.error.push(line), verbose: () => verbose });
  return { printed, report };
}

const update = (diagnostics: Diagnostic[]): DevResult => ({ kind: "update", stories: 2, diagnostics, written: 1, removed: 0, indexed: 0, shards: 1, deferred: 0, millis: 120 });
const OLD = warning("2024/a.en.md", 3, "keywords/empty", "no keywords");
const NEW = warning("2024/b.en.md", 5, "date/future", "date is in the future");
const BAD = error("2024/c.en.md", 2, "date/invalid", 'date "2024-13-45" is not a real date');

test("a warning is printed when it first appears, not again on each update while it stays, and again once it came back", () => {
  const { printed, report } = terminal();
  report(update([OLD]));
  report(update([OLD, NEW]));
  report(update([OLD, NEW]));
  assert.equal(printed.error, ["2024/a.en.md:3: warning: no keywords [keywords/empty]", "2024/b.en.md:5: warning: date is in the future [date/future]"]);
  assert.match(printed.log[2]!, /^duet: updated in 0\.12 s: .* \(2 warning\(s\) as printed before\)$/);
  report(update([NEW]));
  report(update([OLD, NEW]));
  assert.is(printed.error.length, 3, "a warning gone and back is new again");
});

test("the errors of a failed update are printed every time, with its line; an unexpected failure's stack only when asked for", () => {
  const { printed, report } = terminal();
  report(update([OLD]));
  report(new BuildError("update failed with 1 error(s)", [OLD, BAD]));
  report(new BuildError("update failed with 1 error(s)", [OLD, BAD]));
  assert.equal(printed.error.slice(1), [
    '2024/c.en.md:2: error: date "2024-13-45" is not a real date [date/invalid]',
    "duet: update failed with 1 error(s) (1 warning(s) as printed before)",
    '2024/c.en.md:2: error: date "2024-13-45" is not a real date [date/invalid]',
    "duet: update failed with 1 error(s) (1 warning(s) as printed before)",
  ]);
  const cause = new Error("disk full");
  report(new BuildError("update failed: disk full; the next change makes a whole build", [], { cause }));
  assert.is(printed.error.at(-1), "duet: update failed: disk full; the next change makes a whole build");
  report(update([OLD]));
  assert.is(printed.error.length, 6, "an unexpected failure forgets no warning printed");
  const asked = terminal(true);
  asked.report(new BuildError("update failed: disk full", [], { cause }));
  assert.is(asked.printed.error.at(-1), cause);
});

test.run();
