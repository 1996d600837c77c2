// Long names: a story whose slug or keyword is too long for a file name is still built, never an ENAMETOOLONG.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { scratch } from "./helpers/tree.ts";

test("a 100-character Chinese slug and a 95-character Chinese keyword build, with file names under 255 bytes", async () => {
  const dir = await scratch("long-names");
  try {
    const articles = path.join(dir, "articles");
    await mkdir(articles);
    const slug = "长".repeat(100);
    const keyword = "词".repeat(95);
    await writeFile(path.join(articles, "long.zh.md"), `---\ntitle: 很长的网址\ndate: 2024-04-02\nkeywords: [${keyword}, 夜市]\nslug: ${slug}\n---\n正文。\n`);
    await writeFile(path.join(articles, "long.en.md"), `---\ntitle: A Long URL\ndate: 2024-04-02\nkeywords: [${keyword}]\nslug: ${slug}\n---\nBody.\n`);
    const result = await build({ articles, out: path.join(dir, "out"), cwd: dir });
    assert.equal(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`), [
      "articles/long.en.md:5 warning article/long-slug",
      "articles/long.zh.md:5 warning article/long-slug",
    ]);
    assert.is(result.stories.length, 1);
    const names = await readdir(path.join(dir, "out"), { recursive: true });
    for (const name of names) for (const part of name.split(path.sep)) assert.ok(Buffer.byteLength(part) <= 255, part);
    const zh = names.filter((n) => n.startsWith(`zh${path.sep}长`));
    assert.ok(zh.length > 0, "the zh article page is written");
    assert.ok(names.some((n) => n.startsWith(path.join("zh", "keywords", "词"))), "its keyword page is written");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
