import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createStaging, emptyTrashInBackground, leafFolders, openStaging, publishStaging, walkOutput } from "../src/publish/index.ts";
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
  await eventually(async () => (await readdir(trashDir)).join() === "skeleton,skeleton.json");
  assert.equal(await readdir(trashDir), ["skeleton", "skeleton.json"], "the retired output was not made a skeleton with its list of folders");
  assert.equal(await hashTree(path.join(trashDir, "skeleton")), {});
  assert.equal(await readdir(path.join(trashDir, "skeleton", "zh")), ["story"]);
  assert.equal(JSON.parse(await readFile(path.join(trashDir, "skeleton.json"), "utf8")).folders.sort(), ["zh", "zh/story"]);

  // The next staging folder starts from it, and knows its folders from the list, which is used up.
  const { dir: next, startFolders } = await openStaging(out, path.join(trashDir, "skeleton"));
  assert.equal(await readdir(next), ["zh"]);
  assert.equal([...startFolders!].sort(), ["zh", "zh/story"]);
  assert.equal(await readdir(trashDir), []);
  // A skeleton already waiting means the next retired output is removed.
  await writeFile(path.join(next, "newer.html"), "newer");
  await mkdir(path.join(trashDir, "skeleton", "en"), { recursive: true });
  await publishStaging(next, out, { trashDir });
  assert.equal(await readdir(trashDir), ["skeleton"], "neither the retired output nor a list of its folders is left");
  assert.equal(await readdir(path.join(trashDir, "skeleton")), ["en"], "the waiting skeleton is kept");
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


test("the output is counted without opening the folders known to hold one page, and the empty folders a skeleton left are removed, however deep", async () => {
  const out = await scratch("measure");
  const write = async (file: string, text: string) => (await mkdir(path.dirname(path.join(out, file)), { recursive: true }), writeFile(path.join(out, file), text));
  await write("zh/a/index.html", "aaaa");
  await write("zh/k/index.html", "kk");
  await write("zh/feed.xml", "feed");
  await write("pagefind/p.js", "p");
  for (const folder of ["zh/k/page/2", "zh/old/page/3", "zh/b"]) await mkdir(path.join(out, folder), { recursive: true });
  const pages = ["zh/a/index.html", "zh/k/index.html", "zh/b/index.html"];
  // The skeleton had zh/k/page/2 (a list that has since lost its second page): zh/k is no leaf, and zh/b is one only once written.
  const leaves = leafFolders(pages, [...pages, "zh/feed.xml"], ["zh", "zh/k", "zh/k/page", "zh/k/page/2", "zh/old", "zh/old/page", "zh/old/page/3", "zh/b"]);
  assert.equal([...leaves].sort(), ["zh/a", "zh/b"]);
  await write("zh/b/index.html", "bbb");
  // A leaf is taken at its word: a file its stamp does not know of is not seen (builds never write one there).
  await write("zh/a/stray.txt", "stray");
  const known = new Map([["zh/a/index.html", 4]]);
  const counted = walkOutput(out, { prune: true, known, leaves });
  assert.equal(counted, { files: 5, bytes: 4 + 2 + 4 + 1 + 3, searchFiles: 1 });
  assert.not.ok(existsSync(path.join(out, "zh/k/page")), "a skeleton's leftover inside a page's folder is removed");
  assert.not.ok(existsSync(path.join(out, "zh/old")), "a folder holding only empty folders is removed");
  // With no leaves, every folder is opened.
  assert.equal(walkOutput(out).files, 6);
  assert.equal(leafFolders(pages, pages, undefined).size, 0, "folders the staging folder started with unknown: no leaf");
});

test("a skeleton's list is used once, and only for the folder it lists", async () => {
  const out = path.join(await scratch("list"), "dist");
  const trashDir = path.join(await scratch("list-trash"), "trash");
  const skeleton = path.join(trashDir, "skeleton");
  await mkdir(path.join(skeleton, "zh", "story"), { recursive: true });
  const ino = (await stat(skeleton)).ino;
  await writeFile(`${skeleton}.json`, JSON.stringify({ ino: ino + 1, folders: ["zh", "zh/story"] }));
  const other = await openStaging(out, skeleton);
  assert.is(other.startFolders, undefined, "a list naming another folder is not believed");
  assert.equal(await readdir(trashDir), [], "the list is used up with its skeleton");
  assert.equal((await openStaging(out)).startFolders, [], "an empty staging folder starts with no folder");
  // A damaged list is not believed either, and is removed all the same.
  for (const damaged of ["{not json", JSON.stringify({ ino, folders: ["zh", 7] })]) {
    await mkdir(path.join(skeleton, "zh"), { recursive: true });
    await writeFile(`${skeleton}.json`, damaged);
    assert.is((await openStaging(out, skeleton)).startFolders, undefined, damaged);
    assert.equal(await readdir(trashDir), []);
  }
});

test.run();
