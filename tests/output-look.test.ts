// The last output's files looked at and linked from a worker thread (src/shared/output-look.ts): the stamps
// it takes are the ones the build's own thread would, and its links behave as `linkFiles` does.
import { lstat, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { stampOf } from "../src/shared/files.ts";
import { lookAtOutput } from "../src/shared/output-look.ts";
import { scratch } from "./helpers/tree.ts";

/** A small last output: two pages, a folder where a page was, a symbolic link. */
async function lastOutput(): Promise<string> {
  const dir = await scratch("output-look");
  await mkdir(path.join(dir, "zh/a"), { recursive: true });
  await mkdir(path.join(dir, "en/b/index.html"), { recursive: true });
  await writeFile(path.join(dir, "zh/a/index.html"), "<p>甲</p>");
  await writeFile(path.join(dir, "en/a.html"), "<p>a</p>");
  await symlink(path.join(dir, "en/a.html"), path.join(dir, "en/link.html"));
  return dir;
}

test("the worker's stamps are the ones stampOf takes here; a missing file, a folder and a link have none", async () => {
  const dir = await lastOutput();
  const files = ["zh/a/index.html", "en/a.html", "en/b/index.html", "en/link.html", "gone/index.html"];
  const look = lookAtOutput(dir, files);
  try {
    const stamps = await look.stamps();
    assert.equal([...stamps.keys()], files);
    for (const file of files) assert.equal(stamps.get(file), stampOf(path.join(dir, file)), file);
    assert.ok(stamps.get("zh/a/index.html"), "a page has a stamp");
    assert.is(stamps.get("en/b/index.html"), undefined);
    assert.is(stamps.get("en/link.html"), undefined);
    assert.is(stamps.get("gone/index.html"), undefined);
  } finally {
    await look.close();
  }
});

test("the worker links files into missing folders, the same inodes; it never overwrites, and says why it failed", async () => {
  const dir = await lastOutput();
  const to = await scratch("output-look-to");
  const look = lookAtOutput(dir, []);
  try {
    await look.link(dir, to, ["zh/a/index.html", "en/a.html"]);
    assert.is((await stat(path.join(to, "zh/a/index.html"))).ino, (await stat(path.join(dir, "zh/a/index.html"))).ino);
    assert.is((await stat(path.join(to, "en/a.html"))).ino, (await stat(path.join(dir, "en/a.html"))).ino);
    await writeFile(path.join(to, "en/new.html"), "written here");
    await writeFile(path.join(dir, "en/new.html"), "last output's");
    const clash = await look.link(dir, to, ["en/new.html"]).then(() => undefined, (e: NodeJS.ErrnoException) => e);
    assert.is(clash?.code, "EEXIST");
    assert.is(await readFile(path.join(to, "en/new.html"), "utf8"), "written here");
    const missing = await look.link(dir, to, ["nowhere/index.html"]).then(() => undefined, (e: NodeJS.ErrnoException) => e);
    assert.is(missing?.code, "ENOENT");
    assert.match(missing?.message ?? "", /nowhere/);
  } finally {
    await look.close();
  }
});

test("a closed worker refuses work rather than leave it waiting", async () => {
  const dir = await lastOutput();
  const look = lookAtOutput(dir, ["en/a.html"]);
  await look.stamps();
  await look.close();
  const refused = await look.link(dir, await scratch("output-look-closed"), ["en/a.html"]).then(() => undefined, (e: Error) => e);
  assert.match(refused?.message ?? "", /closed/);
  assert.ok((await lstat(path.join(dir, "en/a.html"))).isFile());
});

test.run();
