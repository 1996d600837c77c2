import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createStaging, emptyTrashInBackground, publishStaging } from "../src/publish/index.ts";
import { scratch } from "./helpers/tree.ts";

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

test("with a trash folder the old output moves into it at once, leaving nothing beside the output, and is removed there soon after", async () => {
  const { out, staging } = await outputAndStaging();
  const trashDir = path.join(await scratch("publish-trash"), "trash");
  await publishStaging(staging, out, { trashDir, removeInBackground: true });
  assert.is(await readFile(path.join(out, "new.html"), "utf8"), "new");
  assert.equal(await readdir(out), ["new.html"]);
  assert.equal(await leftovers(out), [], "nothing is left beside the output when publishing returns");
  const deadline = Date.now() + 10_000;
  while ((await readdir(trashDir)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(await readdir(trashDir), [], "the retired output was not removed");
});

test("emptying the trash in the background returns before the removal, renames each output it hands over, and removes them all", async () => {
  const trashDir = path.join(await scratch("publish-trash-bg"), "trash");
  for (const name of ["a-old", `b-old~${process.pid + 1}`]) {
    await mkdir(path.join(trashDir, name, "zh", "story"), { recursive: true });
    await writeFile(path.join(trashDir, name, "zh", "story", "index.html"), "old");
  }
  await emptyTrashInBackground(trashDir);
  // Still there when it returns (a detached Node process takes tens of milliseconds to start), and renamed
  // for this process, so a removal still running on the old name cannot collide with the new one.
  assert.equal((await readdir(trashDir)).sort(), [`a-old~${process.pid}`, `b-old~${process.pid}`]);
  const deadline = Date.now() + 10_000;
  while ((await readdir(trashDir)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(await readdir(trashDir), [], "the trash was not emptied");
  await emptyTrashInBackground(path.join(trashDir, "missing"));
});

test.run();
