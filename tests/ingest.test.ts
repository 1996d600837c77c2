import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeSource, MAX_SOURCE_BYTES } from "../src/ingest/decode.ts";
import { ingestArticles } from "../src/ingest/index.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const decode = (b: Uint8Array) => decodeSource(b, "a.txt", "a.txt", "raw");
const codeOf = (r: ReturnType<typeof decode>) => ("diagnostic" in r ? [r.diagnostic.code, r.diagnostic.line] : ["ok", 0]);

test("UTF-8 with a BOM and CRLF line ends decodes to clean text", () => {
  const result = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("标题\r\n正文\r\n")]));
  assert.ok("source" in result);
  if ("source" in result) assert.is(result.source.text, "标题\n正文\n");
});

test("GBK bytes are refused on the line they are on, with a hint", () => {
  const gbk = new Uint8Array([...bytes("ok\n"), 0xd6, 0xd0, 0xce, 0xc4, 0x0a]);
  const result = decode(gbk);
  assert.equal(codeOf(result), ["ingest/not-utf8", 2]);
  if ("diagnostic" in result) assert.match(result.diagnostic.message, /GB18030/);
});

test("UTF-16, NUL bytes, control characters, empty and oversize files are refused", () => {
  assert.equal(codeOf(decode(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))), ["ingest/utf16", 1]);
  assert.equal(codeOf(decode(new Uint8Array([0x41, 0x0a, 0x00, 0x42]))), ["ingest/binary", 2]);
  assert.equal(codeOf(decode(bytes("a\nb\u0007c"))), ["ingest/control-char", 2]);
  assert.equal(codeOf(decode(bytes(" \n\t\n"))), ["ingest/empty", 1]);
  assert.equal(codeOf(decode(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x41))), ["ingest/too-large", 1]);
});

test("ingest finds .md and .txt files, sorted, with display paths relative to cwd, and skips symlinks", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "duet-ingest-"));
  await mkdir(path.join(root, "articles/2024"), { recursive: true });
  await writeFile(path.join(root, "articles/2024/b.en.md"), "---\ntitle: B\n---\n");
  await writeFile(path.join(root, "articles/a.txt"), "正文\n");
  await writeFile(path.join(root, "articles/notes.json"), "{}");
  await writeFile(path.join(root, "outside.txt"), "secret\n");
  await symlink(path.join(root, "outside.txt"), path.join(root, "articles/link.txt"));
  const result = await ingestArticles(path.join(root, "articles"), root);
  assert.equal(
    result.sources.map((s) => [s.path, s.relPath, s.kind]),
    [
      ["articles/2024/b.en.md", "2024/b.en.md", "markdown"],
      ["articles/a.txt", "a.txt", "raw"],
    ],
  );
  assert.equal(result.diagnostics.map((d) => [d.file, d.code]), [["articles/link.txt", "ingest/symlink"]]);
});

test("a 3 GiB file is refused by its size before a byte of it is read", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "duet-ingest-huge-"));
  try {
    await mkdir(path.join(root, "articles"));
    const huge = path.join(root, "articles/huge.txt");
    await writeFile(huge, "");
    await truncate(huge, 3 * 1024 ** 3); // sparse: takes no disk
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const result = await ingestArticles(path.join(root, "articles"), root);
    const millis = performance.now() - started;
    assert.equal(result.diagnostics.map((d) => [d.file, d.line, d.code]), [["articles/huge.txt", 1, "ingest/too-large"]]);
    assert.match(result.diagnostics[0]!.message, /3221225472 bytes/);
    assert.ok(millis < 2000, `took ${millis.toFixed(0)} ms`);
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 ** 2, "nothing was read");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("a symbolic link given as the articles folder is followed; links inside it are still not", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "duet-ingest-link-"));
  try {
    await mkdir(path.join(root, "real/2024"), { recursive: true });
    await writeFile(path.join(root, "real/2024/a.txt"), "正文\n");
    await writeFile(path.join(root, "outside.txt"), "secret\n");
    await symlink(path.join(root, "outside.txt"), path.join(root, "real/link.txt"));
    await symlink(path.join(root, "real"), path.join(root, "articles"));
    const result = await ingestArticles(path.join(root, "articles"), root);
    assert.equal(result.sources.map((s) => [s.path, s.relPath]), [["articles/2024/a.txt", "2024/a.txt"]]);
    assert.equal(result.diagnostics.map((d) => [d.file, d.code]), [["articles/link.txt", "ingest/symlink"]]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("an articles folder that is a dangling link, a file or missing says which", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "duet-ingest-nodir-"));
  try {
    await symlink(path.join(root, "gone"), path.join(root, "dangling"));
    await writeFile(path.join(root, "file"), "x");
    const messageOf = async (name: string) => {
      const result = await ingestArticles(path.join(root, name), root);
      assert.equal(result.diagnostics.map((d) => [d.file, d.line, d.code]), [[name, 1, "ingest/no-articles"]]);
      return result.diagnostics[0]!.message;
    };
    assert.match(await messageOf("dangling"), /symbolic link to .*gone.*which does not exist/);
    assert.match(await messageOf("file"), /is a file, not a folder/);
    assert.match(await messageOf("missing"), /does not exist/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test.run();
