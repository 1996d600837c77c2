// A damaged, unreadable or unwritable build cache costs time, never a wrong or a failed site.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { decodeCacheFile, encodeCacheFile, ReadBuffer } from "../src/cache/file.ts";
import { formatDiagnostic } from "../src/diagnostics.ts";
import { pinBuildTime } from "./helpers/epoch.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = path.join(ROOT, "tests/fixtures/build/mixed");

pinBuildTime(test);

/** A copy of the mixed fixture, built once with a cache; with what a clean build writes. */
async function cachedSite(): Promise<{ articles: string; out: string; cacheDir: string; clean: Record<string, string> }> {
  const articles = await scratch("damage-src");
  await cp(MIXED, articles, { recursive: true });
  const clean = await scratch("damage-clean");
  await build({ articles, out: clean, cwd: ROOT });
  const out = await scratch("damage-out");
  const cacheDir = await scratch("damage-cache");
  await build({ articles, out, cacheDir, cwd: ROOT });
  return { articles, out, cacheDir, clean: await hashTree(clean) };
}

/** The cache's diagnostics of a result, printed, with the cache folder's path shortened to `CACHE`. */
function cacheLines(diagnostics: { code: string }[], cacheDir: string): string[] {
  const shown = path.relative(ROOT, cacheDir).split(path.sep).join("/");
  return diagnostics.filter((d) => d.code.startsWith("cache/")).map((d) => formatDiagnostic(d as never).replace(shown, "CACHE"));
}

test("a cache file with changed bytes is seen by its checksum, ignored with a warning, and the site is what a clean build makes", async () => {
  const { articles, out, cacheDir, clean } = await cachedSite();
  // Change text inside the parse results (a field name every draft holds) and the bodies' leads (files every
  // cached build reads), keeping lengths, so each file still deserialises.
  const shards = (await readdir(cacheDir)).filter((f) => /^(parsed|leads)-[0-9a-f]\.v8$/.test(f));
  let changed = 0;
  for (const shard of shards) {
    const text = (await readFile(path.join(cacheDir, shard))).toString("latin1");
    if (!/the |value/.test(text)) continue;
    await writeFile(path.join(cacheDir, shard), Buffer.from(text.replace(/the |value/g, (word) => word.toUpperCase()), "latin1"));
    changed++;
  }
  assert.ok(changed > 1, `${changed} shards changed`);
  const result = await build({ articles, out, cacheDir, cwd: ROOT });
  const lines = cacheLines(result.diagnostics, cacheDir);
  assert.ok(lines.length === changed && lines.every((l) => /^CACHE\/(parsed|leads)-[0-9a-f]\.v8:1: warning: cache file is damaged: its checksum does not match its content; it is ignored and rebuilt \[cache\/damaged\]$/.test(l)), lines.join("\n"));
  assert.equal(await hashTree(out), clean);
  const again = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal(cacheLines(again.diagnostics, cacheDir), [], "the next build finds a sound cache");
  assert.is(again.cache?.pagesRendered, 0);
});

test("a cache file that cannot be read is ignored with a warning, and the next build saves a sound one", async () => {
  const { articles, out, cacheDir, clean } = await cachedSite();
  await rm(path.join(cacheDir, "state.v8"));
  await mkdir(path.join(cacheDir, "state.v8"));
  const result = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal(cacheLines(result.diagnostics, cacheDir), ["CACHE/state.v8:1: warning: cache file cannot be read (EISDIR); it is ignored and rebuilt [cache/unreadable]"]);
  assert.equal(await hashTree(out), clean);
  const again = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal(cacheLines(again.diagnostics, cacheDir), []);
  assert.is(again.cache?.pagesRendered, 0);
});

test("a cache that cannot be saved is a warning: the new site is published and the build succeeds", async () => {
  const { articles, out, clean } = await cachedSite();
  const blocked = path.join(await scratch("damage-blocked"), "a-file");
  await writeFile(blocked, "");
  const cacheDir = path.join(blocked, "cache");
  await writeFile(path.join(articles, "2024/tech-fair.en.md"), (await readFile(path.join(articles, "2024/tech-fair.en.md"), "utf8")).replace("Tech Fair Opens", "Tech Fair Opens Today"));
  const result = await build({ articles, out, cacheDir, cwd: ROOT, strict: true });
  assert.equal(cacheLines(result.diagnostics, cacheDir), [
    "CACHE:1: warning: the build cache could not be saved (ENOTDIR); the site was built, and the next build renders everything again [cache/unwritable]",
  ]);
  assert.match(await readFile(path.join(out, "en/tech-fair/index.html"), "utf8"), /Tech Fair Opens Today/);
  assert.not.equal(await hashTree(out), clean);
});

test("cache files read through one buffer decode to their own values, whatever was read before or after", async () => {
  const dir = await scratch("read-buffer");
  // A small file, a large one (the buffer grows), a small one again (the buffer is reused, longer than the file).
  const values = [{ version: "a", text: "短" }, { version: "b", text: "长".repeat(300_000), list: [1, 2, 3] }, { version: "c", text: "x" }];
  for (const [i, value] of values.entries()) await writeFile(path.join(dir, `${i}.v8`), encodeCacheFile(value));
  const buffer = new ReadBuffer();
  const decoded = values.map((_, i) => decodeCacheFile(buffer.read(path.join(dir, `${i}.v8`))));
  // Read again in another order: values decoded earlier must not change with the buffer's bytes.
  buffer.read(path.join(dir, "1.v8"));
  buffer.read(path.join(dir, "0.v8"));
  assert.equal(decoded, values.map((value) => ({ value })));
  assert.throws(() => buffer.read(path.join(dir, "missing.v8")), (e: NodeJS.ErrnoException) => e.code === "ENOENT");
});

test("a search shard's records are read from the cache only when the shard is indexed again: a damaged records file is no warning until then", async () => {
  const { articles, out, cacheDir, clean } = await cachedSite();
  const files = await readdir(cacheDir);
  assert.equal(files.filter((f) => f.startsWith("records-")), ["records-first.v8"], "one file for the fixture's one search shard");
  const bytes = await readFile(path.join(cacheDir, "records-first.v8"));
  bytes[bytes.length - 3]! ^= 0xff;
  await writeFile(path.join(cacheDir, "records-first.v8"), bytes);
  // Nothing changed: the shard is linked as it was, and its records are never read.
  const unchanged = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal(cacheLines(unchanged.diagnostics, cacheDir), []);
  assert.is(unchanged.cache?.searchShardsReused, 1);
  assert.equal(await hashTree(out), clean);
  // A new headline indexes the shard again: now the file is read, found damaged, and every record made again.
  const file = path.join(articles, "2024/tech-fair.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Opens", "Tech Fair Opens Today"));
  const edited = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal(cacheLines(edited.diagnostics, cacheDir), ["CACHE/records-first.v8:1: warning: cache file is damaged: its checksum does not match its content; it is ignored and rebuilt [cache/damaged]"]);
  const fresh = await scratch("damage-fresh");
  await build({ articles, out: fresh, cwd: ROOT });
  assert.equal(await hashTree(out), await hashTree(fresh));
  const again = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal(cacheLines(again.diagnostics, cacheDir), []);
});

test.run();
