import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createStaging, emptyTrashInBackground, publishStaging } from "../src/publish/index.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

/** An output directory holding `old.html`, and a staging directory beside it holding `new.html`. */
async function outputAndStaging(): Promise<{ out: string; staging: string }> {
  const out = path.join(await scratch("publish"), "dist");
  await mkdir(out);
  await writeFile(path.join(out, "old.html"), "old");
  const staging = await createStaging(out);
  await writeFile(path.join(staging, "new.html"), "new");
  return { out, staging };
}

/** Names beside `out` left by a publish (the staging directory, or the retired output). */
async function leftovers(out: string): Promise<string[]> {
  return (await readdir(path.dirname(out))).filter((name) => name.startsWith(".duet-tmp-"));
}

test("publishing swaps the staged output in and removes the old one", async () => {
  const { out, staging } = await outputAndStaging();
  await publishStaging(staging, out);
  assert.equal(await readdir(out), ["new.html"]);
  assert.equal(await leftovers(out), []);
});

/** Waits (up to 10 s) until `done` holds. */
async function eventually(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

test("with a trash folder the old output moves into it at once, leaving nothing beside the output, and becomes a skeleton there soon after: its folders without its files", async () => {
  const { out, staging } = await outputAndStaging();
  await mkdir(path.join(out, "zh", "story"), { recursive: true });
  await writeFile(path.join(out, "zh", "story", "index.html"), "old");
  const trashDir = path.join(await scratch("publish-trash"), "trash");
  await publishStaging(staging, out, { trashDir, removeInBackground: true });
  assert.is(await readFile(path.join(out, "new.html"), "utf8"), "new");
  assert.equal(await readdir(out), ["new.html"]);
  assert.equal(await leftovers(out), [], "nothing is left beside the output when publishing returns");
  await eventually(async () => (await readdir(trashDir)).join() === "skeleton");
  assert.equal(await readdir(trashDir), ["skeleton"], "the retired output was not made a skeleton");
  assert.equal(await hashTree(path.join(trashDir, "skeleton")), {});
  assert.equal(await readdir(path.join(trashDir, "skeleton", "zh")), ["story"]);

  // The next staging folder starts from it; a skeleton already waiting means the next retired output is removed.
  const next = await createStaging(out, path.join(trashDir, "skeleton"));
  assert.equal(await readdir(next), ["zh"]);
  await writeFile(path.join(next, "newer.html"), "newer");
  await mkdir(path.join(trashDir, "skeleton"));
  await publishStaging(next, out, { trashDir });
  assert.equal(await readdir(trashDir), ["skeleton"]);
  assert.equal(await readdir(path.join(trashDir, "skeleton")), []);
});

test("emptying the trash in the background renames each output it hands over, removes them all, and keeps the skeleton", async () => {
  const trashDir = path.join(await scratch("publish-trash-bg"), "trash");
  // A skeleton a process still running is making (this one), and one whose maker died (no process has id 2^22 + 1).
  for (const name of ["a-old", `b-old~${process.pid + 1}`, "skeleton", `skeleton.${process.pid}`, `skeleton.${2 ** 22 + 1}`]) {
    await mkdir(path.join(trashDir, name, "zh", "story"), { recursive: true });
    await writeFile(path.join(trashDir, name, "zh", "story", "index.html"), "old");
  }
  await emptyTrashInBackground(trashDir);
  // When it returns, each output handed over is renamed for this process (so a removal still running on
  // the old name cannot collide with the new one), or already removed by the detached process.
  const kept = ["skeleton", `skeleton.${process.pid}`];
  const handedOver = [`a-old~${process.pid}`, `b-old~${process.pid}`, `skeleton.${2 ** 22 + 1}~${process.pid}`];
  const seen = await readdir(trashDir);
  assert.ok(kept.every((name) => seen.includes(name)), `the skeletons stay: ${seen.join(", ")}`);
  assert.ok(seen.every((name) => kept.includes(name) || handedOver.includes(name)), `no output keeps its old name: ${seen.join(", ")}`);
  await eventually(async () => (await readdir(trashDir)).length === kept.length);
  assert.equal((await readdir(trashDir)).sort(), kept, "the trash was not emptied");
  await emptyTrashInBackground(path.join(trashDir, "missing"));
});

test.run();
