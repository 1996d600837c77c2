// Golden files: compare a test's output with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Assertion } from "uvu/assert";
import { diffLines } from "./line-diff.ts";

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "golden");

/** Throws a uvu assertion with a ready-made message, so the runner prints it as it is. */
function fail(message: string, expects: string, actual: string): never {
  throw new Assertion({ message, operator: "golden", expects, actual, generated: false });
}

/**
 * Asserts that `actual` equals the golden file `tests/golden/<name>`. With `UPDATE_GOLDEN=1` the file
 * is written instead; a missing golden file fails otherwise, so a new golden is always a deliberate act.
 */
export function assertGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    fail(`golden file tests/golden/${name} is missing; run with UPDATE_GOLDEN=1 to create it`, "", actual);
  }
  const expected = readFileSync(path, "utf8");
  if (expected === actual) return;
  const diff = diffLines(expected, actual);
  fail(`output differs from tests/golden/${name} (- expected, + actual; UPDATE_GOLDEN=1 accepts it):\n${diff}`, expected, actual);
}
