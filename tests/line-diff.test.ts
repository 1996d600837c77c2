import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertGolden } from "./helpers/golden.ts";
import { diffLines } from "./helpers/line-diff.ts";

test("a line diff marks expected lines with '- ', actual with '+ ', numbered, with context", () => {
  const expected = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].join("\n");
  const actual = ["a", "b", "c", "d", "E", "f", "g", "h", "i", "j"].join("\n");
  assert.is(
    diffLines(expected, actual),
    ["  ...", "     2 | b", "     3 | c", "     4 | d", "-    5 | e", "+    5 | E", "     6 | f", "     7 | g", "     8 | h", "  ..."].join("\n"),
  );
});

test("a missing golden file fails unless UPDATE_GOLDEN=1", () => {
  if (process.env.UPDATE_GOLDEN === "1") return;
  // uvu's assert.throws re-throws assertion errors, so catch by hand.
  let message = "";
  try {
    assertGolden("does-not-exist.txt", "x");
  } catch (thrown) {
    message = (thrown as Error).message;
  }
  assert.match(message, "missing; run with UPDATE_GOLDEN=1");
});

test.run();
