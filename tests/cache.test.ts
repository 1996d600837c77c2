import { createHash } from "node:crypto";
import { appendFile, cp, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, type BuildResult } from "../src/build.ts";
import { hashOf, hashOfAll } from "../src/shared/hash.ts";
import { BuildError } from "../src/diagnostics.ts";
import { pinBuildTime } from "./helpers/epoch.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = path.join(ROOT, "tests/fixtures/build/mixed");
const SOURCE_DATE_EPOCH = "1767225600";

/** A copy of the mixed fixture to edit, an output directory and a cache directory. */
async function workspace(): Promise<{ articles: string; out: string; cacheDir: string }> {
  const articles = await scratch("cache-src");
  await cp(MIXED, articles, { recursive: true });
  return { articles, out: await scratch("cache-out"), cacheDir: await scratch("cache-dir") };
}

/** Modification times of the cache's memo shard files, by name. */
async function shardTimes(cacheDir: string): Promise<Record<string, number>> {
  const files = (await readdir(cacheDir)).filter((f) => /^[a-z]+-[0-9a-f]\.v8$/.test(f));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await stat(path.join(cacheDir, f))).mtimeMs] as const)));
}

/** What a clean build of `articles` writes, without any cache. */
async function cleanTree(articles: string, searchShardSize?: number): Promise<Record<string, string>> {
  const out = await scratch("cache-clean");
  await build({ articles, out, cwd: ROOT, searchShardSize });
  return hashTree(out);
}

// Clean and cached builds of one test must share a notion of now (feeds print it).
pinBuildTime(test, SOURCE_DATE_EPOCH);

test("a content hash takes as many parts as a 100,000-story site has records", () => {
  assert.is(hashOfAll(["a", "b"]), hashOf("a", "b"));
  assert.is.not(hashOfAll(["ab"]), hashOf("a", "b"), "parts are delimited");
  const parts = Array.from({ length: 1_200_000 }, (_, i) => `record ${i}`);
  assert.match(hashOfAll(parts), /^[0-9a-f]{64}$/);
  assert.throws(() => hashOf(...parts), "a spread call cannot take this many arguments");
});

test("a content hash is the SHA-256 of each part's UTF-8 bytes and a zero byte, short or long, text or binary", () => {
  const expected = (parts: (string | Uint8Array)[]) => createHash("sha256").update(Buffer.concat(parts.flatMap((p) => [typeof p === "string" ? Buffer.from(p, "utf8") : p, Buffer.from([0])]))).digest("hex");
  const cases: (string | Uint8Array)[][] = [
    [],
    [""],
    ["港口今天开通", "New route 🚢", "\u00e9"],
    // Lone surrogates at the parts' ends, which a join without the zero byte would pair into one character.
    ["a\ud83d", "\udea2b"],
    ["text", new Uint8Array([0, 1, 255]), "more"],
    ["x".repeat(700_000), "y".repeat(700_000)],
    ["长".repeat(1_100_000)],
  ];
  for (const parts of cases) assert.is(hashOfAll(parts), expected(parts), `parts of lengths ${parts.map((p) => p.length).join(", ")}`);
  assert.is(hashOfAll(new Set(["a", "b"])), expected(["a", "b"]), "any iterable");
});

test("a cached rebuild renders only what an edit changed and writes the bytes a clean build writes", async () => {
  const { articles, out, cacheDir } = await workspace();
  const cached = (): Promise<BuildResult> => build({ articles, out, cacheDir, cwd: ROOT });

  const first = await cached();
  assert.is(first.cache?.pagesReused, 0, "an empty cache reuses nothing");
  assert.ok(first.cache!.pagesRendered > 10);
  assert.equal([first.cache?.searchShards, first.cache?.searchShardsReused], [1, 0]);

  const shardsAfterFirst = await shardTimes(cacheDir);
  assert.ok(Object.keys(shardsAfterFirst).length >= 4, "the memos are kept in shard files");
  const again = await cached();
  assert.equal(again.cache, { parsed: 0, readAgain: 0, pagesReused: first.cache!.pagesRendered, pagesRendered: 0, searchShards: 1, searchShardsReused: 1 });
  assert.equal(await hashTree(out), await cleanTree(articles));
  assert.equal(await shardTimes(cacheDir), shardsAfterFirst, "a rebuild without changes rewrites no memo shard");

  // A paragraph added at the end: the article and the lists showing it change, its lead (and so the search index) does not.
  await appendFile(path.join(articles, "2024/tech-fair.en.md"), "\nVisitors can register online.\n");
  const bodyEdit = await cached();
  assert.is(bodyEdit.cache?.parsed, 1, "only the edited file is parsed again");
  assert.ok(bodyEdit.cache!.pagesRendered >= 1 && bodyEdit.cache!.pagesRendered < first.cache!.pagesRendered / 2, `rendered ${bodyEdit.cache!.pagesRendered}`);
  assert.is(bodyEdit.cache?.searchShardsReused, 1);
  const rewritten = Object.entries(await shardTimes(cacheDir)).filter(([file, time]) => shardsAfterFirst[file] !== time);
  assert.ok(rewritten.length >= 1 && rewritten.length <= 4, `one changed source rewrites a few shards, not all: ${rewritten.map(([f]) => f)}`);
  const afterBody = await hashTree(out);
  assert.match(await readFile(path.join(out, "en/tech-fair/index.html"), "utf8"), /Visitors can register online\./);
  assert.equal(afterBody, await cleanTree(articles));

  // A new headline changes the search records: the index is built again.
  const file = path.join(articles, "2024/tech-fair.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Opens Downtown", "Science Fair Opens Downtown"));
  const titleEdit = await cached();
  assert.is(titleEdit.cache?.searchShardsReused, 0);
  assert.equal(await hashTree(out), await cleanTree(articles));
});

test("an earlier story's new headline is rendered again in the related stories of the page after it", async () => {
  const { articles, out, cacheDir } = await workspace();
  const story = (slug: string, date: string, title: string) => `---\ntitle: ${title}\ndate: ${date}\nkeywords: [harbour, ferries]\n---\nThe harbour story ${slug}.\n`;
  await writeFile(path.join(articles, "2024/harbour-old.en.md"), story("old", "2024-05-01", "Harbour Ferries Resume"));
  await writeFile(path.join(articles, "2024/harbour-new.en.md"), story("new", "2024-05-02", "Harbour Ferries Add Night Trips"));
  const cached = (): Promise<BuildResult> => build({ articles, out, cacheDir, cwd: ROOT });
  await cached();
  assert.match(await readFile(path.join(out, "en/harbour-new/index.html"), "utf8"), /class="related"[\s\S]*Harbour Ferries Resume/);
  const old = path.join(articles, "2024/harbour-old.en.md");
  await writeFile(old, (await readFile(old, "utf8")).replace("Harbour Ferries Resume", "Harbour Ferries Back in Service"));
  await cached();
  assert.match(await readFile(path.join(out, "en/harbour-new/index.html"), "utf8"), /class="related"[\s\S]*Harbour Ferries Back in Service/);
  assert.equal(await hashTree(out), await cleanTree(articles));
});

test("with the search index in shards, a headline edit indexes only the edited story's shard again", async () => {
  const { articles, out, cacheDir } = await workspace();
  const cached = (): Promise<BuildResult> => build({ articles, out, cacheDir, cwd: ROOT, searchShardSize: 2 });
  const first = await cached();
  assert.equal([first.cache?.searchShards, first.cache?.searchShardsReused], [3, 0], "five stories, two per shard");
  assert.equal(await hashTree(out), await cleanTree(articles, 2));

  // The oldest story (1 February) is in the first shard, which also holds Pagefind's script and WebAssembly.
  const file = path.join(articles, "2024/budget.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("City Publishes Draft Annual Budget", "City Publishes Its Draft Budget"));
  const edit = await cached();
  assert.equal([edit.cache?.searchShards, edit.cache?.searchShardsReused], [3, 2]);
  assert.equal(await hashTree(out), await cleanTree(articles, 2));
  // Each shard's search records are kept in a file of their own; a layout without a shard drops its file.
  const recordFiles = async () => (await readdir(cacheDir)).filter((f) => f.startsWith("records-")).sort();
  const dirs = (await readdir(path.join(out, "pagefind"))).filter((f) => /^p\d{4}-\d{2}/.test(f)).sort();
  assert.equal(await recordFiles(), ["records-first.v8", ...dirs.map((dir) => `records-${dir}.v8`)].sort());
  const whole = await build({ articles, out, cacheDir, cwd: ROOT, searchShardSize: 10 });
  assert.equal([whole.cache?.searchShards, whole.cache?.searchShardsReused], [1, 0]);
  assert.equal(await recordFiles(), ["records-first.v8"]);
  assert.equal(await hashTree(out), await cleanTree(articles, 10));
});

test("an unchanged source is not parsed again; a source rewritten with the same size and time is", async () => {
  const { articles, out, cacheDir } = await workspace();
  const cached = (): Promise<BuildResult> => build({ articles, out, cacheDir, cwd: ROOT });
  const file = path.join(articles, "2024/tech-fair.en.md");
  const stamp = 1_700_000_000; // a whole second, so setting it again gives the very same time
  await utimes(file, stamp, stamp);
  const first = await cached();
  assert.ok(first.cache!.parsed > 5);
  assert.is((await cached()).cache?.parsed, 0);
  // Same inode, length and modification time: only the change time tells the file was written.
  const before = await stat(file);
  const text = await readFile(file, "utf8");
  assert.match(text, /Tech Fair Opens Downtown/);
  await writeFile(file, text.replace("Tech Fair Opens Downtown", "Tech Fair Opens Uptown!!"));
  await utimes(file, stamp, stamp);
  const after = await stat(file);
  assert.equal([after.ino, after.size, after.mtimeMs], [before.ino, before.size, before.mtimeMs]);
  const rebuilt = await cached();
  assert.is(rebuilt.cache?.parsed, 1);
  assert.match(await readFile(path.join(out, "en/tech-fair/index.html"), "utf8"), /Tech Fair Opens Uptown!!/);
  assert.equal(await hashTree(out), await cleanTree(articles));
});

test("a site rendered in many short Eleventy runs is the same site, with and without the cache", async () => {
  const { articles, out, cacheDir } = await workspace();
  const clean = await cleanTree(articles);
  await build({ articles, out, cwd: ROOT, renderChunk: 3 });
  assert.equal(await hashTree(out), clean);
  await build({ articles, out, cacheDir, cwd: ROOT, renderChunk: 3 });
  await appendFile(path.join(articles, "2024/tech-fair.en.md"), "\nVisitors can register online.\n");
  const rebuilt = await build({ articles, out, cacheDir, cwd: ROOT, renderChunk: 3 });
  assert.ok(rebuilt.cache!.pagesRendered > 0);
  assert.equal(await hashTree(out), await cleanTree(articles));
});

test("a site rendered in many Eleventy runs keeps its news sitemap", async () => {
  const { articles, out } = await workspace();
  // A day after the newest story, so the news sitemap lists it.
  process.env.SOURCE_DATE_EPOCH = String(Date.parse("2024-04-02T00:00:00Z") / 1000);
  try {
    const clean = await cleanTree(articles);
    await build({ articles, out, cwd: ROOT, renderChunk: 3 });
    assert.match(await readFile(path.join(out, "news-sitemap.xml"), "utf8"), /<loc>[^<]*\/en\/tech-fair\/<\/loc>/);
    assert.equal(await hashTree(out), clean);
  } finally {
    process.env.SOURCE_DATE_EPOCH = SOURCE_DATE_EPOCH;
  }
});

test("a published file changed after the build is rendered again, never reused", async () => {
  const { articles, out, cacheDir } = await workspace();
  await build({ articles, out, cacheDir, cwd: ROOT });
  const clean = await hashTree(out);
  await writeFile(path.join(out, "en/tech-fair/index.html"), "tampered");
  const rebuilt = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.is(rebuilt.cache?.pagesRendered, 1);
  assert.equal(await hashTree(out), clean);
});

test("an output and cache restored as copies, as CI restores them between deploys, are reused by content; a copy that differs is not", async () => {
  const { articles, out, cacheDir } = await workspace();
  const first = await build({ articles, out, cacheDir, cwd: ROOT });
  const clean = await hashTree(out);
  // A restore on a fresh machine: every file a copy (another inode) with its time kept, at the same paths.
  const restore = async (dir: string) => {
    const copy = `${dir}-copy`;
    await cp(dir, copy, { recursive: true, preserveTimestamps: true });
    await rm(dir, { recursive: true });
    await rename(copy, dir);
  };
  await restore(out);
  await restore(cacheDir);
  // One page's copy differs from what was published, though its size and time are the same.
  const page = path.join(out, "en/tech-fair/index.html");
  const { mtime } = await stat(page);
  await writeFile(page, (await readFile(page, "utf8")).replace("Tech Fair", "Tech Fain"));
  await utimes(page, mtime, mtime);
  const restored = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.is(restored.cache?.pagesRendered, 1, "only the page whose copy differs is rendered again");
  assert.is(restored.cache?.pagesReused, first.cache!.pagesRendered - 1);
  assert.is(restored.cache?.searchShardsReused, 1, "the search index's copy is reused");
  assert.equal(await hashTree(out), clean);
  // The next build reuses them too (its stamps now name the copies).
  const again = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal([again.cache?.pagesRendered, again.cache?.searchShardsReused], [0, 1]);
  assert.equal(await hashTree(out), clean);
});

test("a failed build with a cache leaves the output as it was, and the next build still reuses it", async () => {
  const { articles, out, cacheDir } = await workspace();
  await build({ articles, out, cacheDir, cwd: ROOT });
  const before = await hashTree(out);
  const file = path.join(articles, "2024/tech-fair.en.md");
  const good = await readFile(file, "utf8");
  await writeFile(file, good.replace("date: 2024-04-01", "date: 2024-13-45"));
  try {
    await build({ articles, out, cacheDir, cwd: ROOT });
    assert.unreachable("the build should have failed");
  } catch (caught) {
    assert.instance(caught, BuildError);
  }
  assert.equal(await hashTree(out), before);
  await writeFile(file, good);
  const after = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.is(after.cache?.pagesRendered, 0);
  assert.equal(await hashTree(out), before);
});

test.run();
