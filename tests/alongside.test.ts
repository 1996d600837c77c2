// A build with few pages to render indexes the search alongside: Pagefind's process works while this one
// renders. What it writes is what the stages write one after the other, and a failure still loses nothing.
import type { ChildProcess } from "node:child_process";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { cp, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, type BuildOptions, type ProgressStep } from "../src/build.ts";
import { pinBuildTime } from "./helpers/epoch.ts";
import { trashDirOf } from "../src/publish/index.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = path.join(ROOT, "tests/fixtures/build/mixed");
const NEW_STORY = "---\ntitle: Ferry Timetable Changes\ndate: 2025-12-30T09:00:00+08:00\nkeywords: harbour, ferry\n---\nThe ferries run every twenty minutes from Monday.\n";

pinBuildTime(test);

/** A copy of the mixed fixture (Markdown and a raw scrape), an output and a cache. */
async function workspace(name: string): Promise<{ articles: string; out: string; cacheDir: string }> {
  const articles = await scratch(`${name}-src`);
  await cp(MIXED, articles, { recursive: true });
  return { articles, out: await scratch(`${name}-out`), cacheDir: await scratch(`${name}-cache`) };
}

/** A build, with when Pagefind's process started and when the render stage ended, and the index stage's progress line. */
async function timedBuild(options: BuildOptions): Promise<{ pagefindStarted: number[]; renderEnded: number; index: ProgressStep }> {
  const started: { child: ChildProcess; at: number }[] = [];
  const note = (message: unknown) => void started.push({ child: (message as { process: ChildProcess }).process, at: performance.now() });
  let renderEnded = Number.NaN;
  let index: ProgressStep | undefined;
  subscribe("child_process", note);
  try {
    await build({ ...options, cwd: ROOT, onProgress: (step) => void (step.stage === "render" ? (renderEnded = performance.now()) : step.stage === "index" && (index = step)) });
  } finally {
    unsubscribe("child_process", note);
  }
  // A process is announced before it is started: its executable is known afterwards.
  const pagefindStarted = started.filter(({ child }) => /pagefind/i.test(child.spawnfile)).map(({ at }) => at);
  return { pagefindStarted, renderEnded, index: index! };
}

test("a cached build with few pages to render indexes while it renders, and writes the bytes of the stages one after the other", async () => {
  const along = await workspace("along");
  const serial = await workspace("serial");
  for (const at of [along, serial]) {
    const first = await timedBuild({ ...at, indexAlongside: at === along });
    assert.is(first.pagefindStarted.length, 1, "one Pagefind process indexes the fixture's one shard");
    if (at === along) {
      assert.ok(first.pagefindStarted[0]! < first.renderEnded, "Pagefind started before the render ended");
      assert.match(first.index.unit, /alongside render$/);
    } else {
      assert.ok(first.pagefindStarted[0]! > first.renderEnded, "Pagefind started once the render had ended");
      assert.not.match(first.index.unit, /alongside/);
    }
  }
  assert.equal(await hashTree(along.out), await hashTree(serial.out));
  // Publishing a story into the cached site: the same again.
  for (const at of [along, serial]) await writeFile(path.join(at.articles, "2024/ferry.en.md"), NEW_STORY);
  const published = await timedBuild({ ...along });
  assert.ok(published.pagefindStarted[0]! < published.renderEnded, "the new story's shard was indexed while the pages were rendered");
  await timedBuild({ ...serial, indexAlongside: false });
  assert.equal(await hashTree(along.out), await hashTree(serial.out));
});

test("a render that fails while the index is being written leaves the output as it was, and no Pagefind process outlives the build", async () => {
  const { articles, out, cacheDir } = await workspace("along-fail");
  await build({ articles, out, cacheDir, cwd: ROOT });
  await writeFile(path.join(articles, "2024/ferry.en.md"), NEW_STORY);
  // The output this build replaces becomes the next build's staging folder, emptied of its files (publish/skeleton.ts).
  await build({ articles, out, cacheDir, cwd: ROOT });
  const before = await hashTree(out);
  const beside = await readdir(path.dirname(out));
  // A file where the next new story's page folder goes: Eleventy cannot write that page.
  await writeFile(path.join(articles, "2024/ferry-two.en.md"), NEW_STORY.replace("Ferry Timetable Changes", "Second Ferry Timetable"));
  await writeFile(path.join(trashDirOf(cacheDir), "skeleton/en/ferry-two"), "in the way\n");
  const pagefind: ChildProcess[] = [];
  const note = (message: unknown) => void pagefind.push((message as { process: ChildProcess }).process);
  subscribe("child_process", note);
  let failure: Error | undefined;
  try {
    await build({ articles, out, cacheDir, cwd: ROOT });
  } catch (caught) {
    failure = caught as Error;
  } finally {
    unsubscribe("child_process", note);
  }
  assert.match(failure?.message ?? "", /^build failed: render: .*en\/ferry-two/);
  const started = pagefind.filter((child) => /pagefind/i.test(child.spawnfile));
  assert.is(started.length, 1, "the new story's shard was being indexed when the render failed");
  assert.ok(
    started.every((child) => child.exitCode !== null || child.signalCode !== null),
    "Pagefind's process had ended when the build returned",
  );
  assert.equal(await hashTree(out), before);
  assert.equal(await readdir(path.dirname(out)), beside, "no staging folder is left beside the output");
});

test.run();
