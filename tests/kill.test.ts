// `kill -9` at any moment of a build: no process of it goes on, and the next build leaves one complete output and nothing beside it.
import { spawn } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { OUTPUT_MARKER } from "../src/publish/index.ts";
import { scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = "tests/fixtures/build/mixed";
/** Moments to kill at, in milliseconds after the build printed its first stage: from rendering through indexing to the swap (a small site builds in under a second). */
const MOMENTS = [0, 150, 300, 450, 550, 620];

/** Processes whose environment carries the mark of the build with this process id (see children.ts). */
async function processesOf(buildPid: number): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const env = await readFile(`/proc/${name}/environ`, "latin1").catch(() => "");
    if (env.split("\0").some((entry) => entry.startsWith(`DUET_BUILD=${buildPid}-`))) found.push(Number(name));
  }
  return found;
}

test("a build killed outright at any moment leaves no process running, and the next build publishes a complete output with nothing beside it", async () => {
  if (process.platform !== "linux") return;
  const out = path.join(await scratch("kill"), "dist");
  const cacheDir = path.join(path.dirname(out), "cache");
  await build({ articles: MIXED, out, cacheDir, cwd: ROOT });
  // The test means something only when kills land mid-build and leave something to repair: count both.
  let interrupted = 0;
  let leftBehind = 0;
  let withChildren = 0;
  for (const moment of MOMENTS) {
    const args = ["--import", "tsx", "scripts/build.ts", "--articles", MIXED, "--out", out, "--cache", cacheDir, "--base-url", `https://example.org/${moment}/`];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise((resolve) => child.stderr.once("data", resolve));
    await new Promise((resolve) => setTimeout(resolve, moment));
    // The build's own environment carries its mark too: count only the processes it started.
    if ((await processesOf(child.pid!)).some((pid) => pid !== child.pid)) withChildren++;
    child.kill("SIGKILL");
    if ((await exited) === null) interrupted++;
    if ((await readdir(path.dirname(out))).some((n) => n.startsWith(".duet-tmp-"))) leftBehind++;
    const deadline = Date.now() + 5000;
    while ((await processesOf(child.pid!)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await processesOf(child.pid!), [], `processes outlived the build killed ${moment} ms in`);
    await build({ articles: MIXED, out, cacheDir, cwd: ROOT });
    assert.ok((await stat(path.join(out, OUTPUT_MARKER))).isFile(), `no complete output after a kill ${moment} ms in`);
    assert.match(await readFile(path.join(out, "en/index.html"), "utf8"), /Tech Fair Opens Downtown/);
    assert.equal((await readdir(path.dirname(out))).filter((n) => n.startsWith(".duet-tmp-")), [], `left beside the output after a kill ${moment} ms in`);
  }
  assert.ok(interrupted >= MOMENTS.length / 2, `only ${interrupted} of ${MOMENTS.length} kills landed before the build ended`);
  assert.ok(leftBehind >= 1, "no kill left a staging folder for the next build to clean up");
  assert.ok(withChildren >= 1, "no kill landed while the build had a child process (esbuild, Pagefind) running");
});

test("the command line's background emptying of the replaced output finishes after the build has exited, leaving its folders as the next build's skeleton", async () => {
  const out = path.join(await scratch("trash"), "dist");
  const cacheDir = path.join(path.dirname(out), "cache");
  const args = ["--import", "tsx", "scripts/build.ts", "--articles", MIXED, "--out", out, "--cache", cacheDir];
  for (let i = 0; i < 2; i++) {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    assert.is(await new Promise((resolve) => child.once("exit", resolve)), 0);
  }
  const trash = path.join(cacheDir, "trash");
  const deadline = Date.now() + 10_000;
  while ((await readdir(trash).catch(() => [])).join() !== "skeleton,skeleton.json" && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(await readdir(trash).catch(() => []), ["skeleton", "skeleton.json"], "the replaced output was not made a skeleton with its list of folders");
  const left = await readdir(path.join(trash, "skeleton"), { recursive: true, withFileTypes: true });
  assert.equal(left.filter((e) => !e.isDirectory()).map((e) => e.name), [], "a skeleton holds no file");
  assert.ok(left.some((e) => e.name === "en"), "a skeleton keeps the output's folders");
});

test.run();
