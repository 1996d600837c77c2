// No process a build starts outlives it, even when the build is killed outright.
import { spawn } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { watchChildren } from "../src/children.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** True while a process with this id runs (a zombie awaiting its parent counts as gone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return true;
}

/** Waits until `check` holds, for at most `ms` milliseconds; returns whether it did. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}

test("a build killed with SIGKILL takes the processes it started with it", async () => {
  if (process.platform !== "linux") return;
  const script = `
    import { spawn } from "node:child_process";
    import { guardChildren } from "./src/children.ts";
    guardChildren();
    const helper = spawn("sleep", ["60"], { stdio: "ignore" });
    process.stdout.write(String(helper.pid) + "\\n");
    setInterval(() => {}, 1000);`;
  const build = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  try {
    const helper = await new Promise<number>((resolve) => {
      build.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      build.once("exit", () => resolve(Number.NaN));
    });
    assert.ok(running(helper), `the helper process ${helper} started`);
    build.kill("SIGKILL");
    assert.ok(await eventually(() => !running(helper), 5000), `process ${helper} outlived the killed build`);
  } finally {
    build.kill("SIGKILL");
  }
});

test("a process that dies while watched rejects with its exit status; one closed after stop() does not", async () => {
  const watch = watchChildren("The helper");
  const child = spawn(process.execPath, ["-e", "process.exit(101)"]);
  const outcome = await watch.died.then(
    () => "settled",
    (cause: Error) => cause.message,
  );
  assert.is(outcome, "The helper stopped unexpectedly (exit status 101)");
  await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
  const calm = watchChildren("The other helper");
  const closed = spawn("sleep", ["5"]);
  calm.stop();
  closed.kill();
  const raced = await Promise.race([calm.died.then(() => "settled", () => "rejected"), new Promise((resolve) => setTimeout(() => resolve("quiet"), 300))]);
  assert.is(raced, "quiet");
});

test.run();
