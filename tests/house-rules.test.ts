// The house rules of src/, checked: imports go down the stage order with no cycles (dependency-cruiser).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";

const ROOT = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

test("imports go one way: no cycles, and each stage imports only earlier stages and the shared helpers", async () => {
  const result = await run(process.execPath, [path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"), "src", "--config", ".dependency-cruiser.cjs", "--output-type", "err"], { cwd: ROOT }).catch(
    (e: { stdout: string; stderr: string }) => e,
  );
  assert.ok(!("code" in result) || (result as { code?: number }).code === 0, `${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /no dependency violations found/);
});

test.run();
