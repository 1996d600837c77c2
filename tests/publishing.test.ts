// Publishing into a cached site: a new story writes only the files it must (the newest search shard, the first
// pages of its lists), an edit re-indexes only its period's shard.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, type BuildResult } from "../src/build.ts";
import { renderLanes } from "../src/render/parallel.ts";
import { decodeCacheFile, encodeCacheFile } from "../src/cache/file.ts";
import { CONVERSION_FILE, planIndex, processesFor, type SearchStamp, type ShardJob } from "../src/search/index.ts";
import { pinBuildTime } from "./helpers/epoch.ts";
import { runFrontHalf } from "./helpers/front-half.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Most stories per shard in these builds: with 300 stories over 24 months, about five shards. */
const SHARD_SIZE = 60;

pinBuildTime(test);

/** Writes an English story dated `date` (in the news time zone) as `<slug>.en.md`. */
async function writeStory(dir: string, slug: string, title: string, date: string): Promise<void> {
  const body = `---\ntitle: ${title}\ndate: ${date}\nkeywords: [city news]\n---\nThe council met on the ${slug} plan and said more would follow.\n`;
  await writeFile(path.join(dir, `${slug}.en.md`), body);
}

/** 300 stories, 12 or 13 a month through 2023 and 2024, written in no date order. */
async function corpus(): Promise<string> {
  const dir = await scratch("shards-src");
  for (let i = 0; i < 300; i++) {
    const n = (i * 7) % 300;
    const month = Math.floor(n / 12.5);
    const date = `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-${String((n % 12) + 1).padStart(2, "0")}T09:00:00+08:00`;
    await writeStory(dir, `story-${n}`, `Story ${n} of the harbour district`, date);
  }
  return dir;
}

/** The 300-story corpus with an output and a cache of its own (named after `name`), and its cached build. */
async function cachedSite(name: string) {
  const articles = await corpus();
  const out = await scratch(`${name}-out`);
  const cacheDir = await scratch(`${name}-cache`);
  const cached = (): Promise<BuildResult> => build({ articles, out, cacheDir, cwd: ROOT, searchShardSize: SHARD_SIZE });
  return { articles, out, cacheDir, cached };
}

/** Each shard folder's files (the first's without the other shards' folders) as `path → sha256`. */
async function shardTrees(out: string): Promise<Map<string, Record<string, string>>> {
  const all = await hashTree(path.join(out, "pagefind"));
  const dirs = (await readdir(path.join(out, "pagefind"))).filter((name) => /^p\d{4}-\d{2}/.test(name)).map((name) => `${name}/`);
  const shards = new Map<string, Record<string, string>>([["", {}], ...dirs.map((dir): [string, Record<string, string>] => [dir, {}])]);
  for (const [file, hash] of Object.entries(all)) {
    // The bundle's own files beside the first shard's: the conversion table and the offline list of search files.
    if (file === CONVERSION_FILE || file === "duet-files.json") continue;
    const dir = dirs.find((d) => file.startsWith(d)) ?? "";
    shards.get(dir)![file] = hash;
  }
  return shards;
}

/** The shard folders whose files differ between two builds. */
function changedShards(before: Map<string, Record<string, string>>, after: Map<string, Record<string, string>>): string[] {
  const dirs = new Set([...before.keys(), ...after.keys()]);
  return [...dirs].filter((dir) => JSON.stringify(before.get(dir)) !== JSON.stringify(after.get(dir))).sort();
}

test("a new story writes only its own page, the first pages of its lists, feeds, sitemap and newest shard; an edit to an old story indexes only its period's shard", async () => {
  const { articles, out, cached } = await cachedSite("shards");

  const first = await cached();
  const shards = first.cache!.searchShards;
  assert.ok(shards >= 4, `shards: ${shards}`);
  const before = await shardTrees(out);
  const siteBefore = await hashTree(out);
  assert.equal([...before.keys()].sort(), ["", "p2023-05/", "p2023-09/", "p2024-01/", "p2024-05/", "p2024-09/"], "shards named after their first month");

  // Published today: the newest story of the newest month.
  await writeStory(articles, "late-news", "Late news from the harbour district", "2024-12-28T18:00:00+08:00");
  const added = await cached();
  assert.equal([added.cache?.searchShards, added.cache?.searchShardsReused], [shards, shards - 1]);
  const afterAdd = await shardTrees(out);
  assert.equal(changedShards(before, afterAdd), ["p2024-09/"], "only the newest shard was written again");
  const siteAfter = await hashTree(out);
  const written = Object.keys(siteAfter).filter((file) => siteAfter[file] !== siteBefore[file] && !file.startsWith("pagefind/p2024-09/"));
  // Everything else of the 300-story site is left as it was: 417 of the 426 pages were reused, and no older
  // page of any list changed (they are cut from the oldest story, see render/pagination.ts).
  assert.equal(written, [
    // The first page of each list the story is in (its keyword's, its year's and month's), and the indexes' counts;
    // the Chinese archive lists English-only stories too, marked.
    "en/archive/2024/12/index.html",
    "en/archive/2024/index.html",
    "en/archive/index.html",
    // The feeds, the front pages and the root page, which show the newest stories.
    "en/feed.json",
    "en/feed.xml",
    "en/index.html",
    "en/keywords/city-news/index.html",
    "en/keywords/index.html",
    // The story itself.
    "en/late-news/index.html",
    // The offline page lists the stories saved for reading offline; the search pages name the shards.
    "en/offline/index.html",
    "en/search/index.html",
    "index.html",
    "pagefind/duet-files.json",
    "sitemap.xml",
    "sw.js",
    "zh/archive/2024/12/index.html",
    "zh/archive/2024/index.html",
    "zh/archive/index.html",
    "zh/index.html",
    "zh/search/index.html",
  ]);
  assert.equal([added.cache?.pagesRendered, added.cache?.pagesReused], [9, 417]);

  // A headline edit to a story of March 2023 (the first shard's period).
  const file = path.join(articles, "story-30.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Story 30 of the harbour district", "Story 30 of the old harbour"));
  const edited = await cached();
  assert.equal([edited.cache?.searchShards, edited.cache?.searchShardsReused], [shards, shards - 1]);
  assert.equal(changedShards(afterAdd, await shardTrees(out)), [""]);

  // The cached output is the clean build's, file for file.
  const clean = await scratch("shards-clean");
  await build({ articles, out: clean, cwd: ROOT, searchShardSize: SHARD_SIZE });
  assert.equal(await hashTree(path.join(out, "pagefind")), await hashTree(path.join(clean, "pagefind")));
});

/** Every folder under `dir`, as sorted relative paths. */
async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

test("a replaced output becomes the next staging folder's skeleton: its folders are reused, and the output holds the files and folders of a clean build", async () => {
  const articles = await corpus();
  const out = path.join(await scratch("skeleton-out"), "dist");
  const cacheDir = await scratch("skeleton-cache");
  const trash = path.join(cacheDir, "trash");
  const cached = (): Promise<BuildResult> => build({ articles, out, cacheDir, cwd: ROOT, searchShardSize: SHARD_SIZE });
  await cached();
  const firstFolders = await folders(out);
  assert.ok(firstFolders.includes(path.join("en", "story-5")));

  // Story 5 is withdrawn: the second build replaces the first output, which is emptied into the skeleton.
  await rm(path.join(articles, "story-5.en.md"));
  await writeStory(articles, "late-news", "Late news", "2024-12-28T18:00:00+08:00");
  await cached();
  assert.equal(await readdir(trash), ["skeleton", "skeleton.json"]);
  assert.equal(await hashTree(path.join(trash, "skeleton")), {}, "a skeleton holds no file");
  assert.equal(await folders(path.join(trash, "skeleton")), firstFolders, "a skeleton keeps every folder of the output it was");
  const recycled = (await stat(path.join(trash, "skeleton", "en"))).ino;

  // The third build starts from that skeleton, which still has story 5's folder, and story 6 is withdrawn too.
  await rm(path.join(articles, "story-6.en.md"));
  const third = await cached();
  assert.is((await stat(path.join(out, "en"))).ino, recycled, "the output's folders are the skeleton's");
  // The sizes of the files it stamped for the cache are taken from the stamps: the total is still the output's.
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(path.join(e.parentPath, e.name))).size));
  assert.equal([third.output.files, third.output.bytes], [sizes.length, sizes.reduce((a, b) => a + b, 0)]);
  const clean = await scratch("skeleton-clean");
  await build({ articles, out: clean, cwd: ROOT, searchShardSize: SHARD_SIZE });
  const outFolders = await folders(out);
  assert.not.ok(outFolders.includes(path.join("en", "story-5")), "the folder of a withdrawn story is removed");
  assert.equal(outFolders, await folders(clean));
  assert.equal(await hashTree(out), await hashTree(clean));
});

test("a list that loses its older page leaves no folder behind when the next staging folder starts from a skeleton that had it", async () => {
  const { articles, out, cacheDir, cached } = await cachedSite("shrink");
  // 40 stories on ferries: the list has a first page and one older page (page/1/).
  const ferries = Array.from({ length: 40 }, (_, i) => path.join(articles, `story-${i}.en.md`));
  const retag = async (file: string, keywords: string) => writeFile(file, (await readFile(file, "utf8")).replace(/^keywords: .*$/m, `keywords: [${keywords}]`));
  for (const file of ferries) await retag(file, "city news, ferries");
  // The first cached build starts from an empty folder (no skeleton yet) and counts its pages' folders unopened too.
  const first = await cached();
  assert.is(first.output.files, await fileCount(out), "a build from an empty staging folder counts every file");
  const older = path.join("en", "keywords", "ferries", "page");
  assert.ok((await folders(out)).includes(older));
  // One story less on ferries: the list is one page. The second build's output has no page/ folder; the first output becomes the skeleton.
  await retag(ferries[0]!, "city news");
  await cached();
  assert.ok((await readdir(path.join(cacheDir, "trash"))).includes("skeleton.json"));
  // The third build starts from the first output's folders, page/1/ among them, inside the list's own folder.
  await writeStory(articles, "late-news", "Late news", "2024-12-28T18:00:00+08:00");
  const third = await cached();
  const clean = await scratch("shrink-clean");
  await build({ articles, out: clean, cwd: ROOT, searchShardSize: SHARD_SIZE });
  assert.not.ok((await folders(out)).includes(older), "the older page's folder is removed");
  assert.equal(await folders(out), await folders(clean));
  assert.equal(await hashTree(out), await hashTree(clean));
  assert.is(third.output.files, await fileCount(out));
});

/** The files under `dir`, counted by a walk. */
async function fileCount(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
}

test("a new story that grows the conversion table indexes again the older shard whose texts the new entry converts, and no other", async () => {
  const { articles, out, cached } = await cachedSite("table");
  // A September 2023 headline written with 龍, whose Simplified form 龙 no story holds yet: the table has no entry for it.
  const file = path.join(articles, "story-100.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Story 100 of the harbour district", "Story 100 and the 龍 boat race"));
  await cached();
  const before = await shardTrees(out);
  assert.not.ok(JSON.parse(await readFile(path.join(out, "pagefind", CONVERSION_FILE), "utf8")).chars["龍"]);

  // Today's story brings 龙: the table grows by 龍 → 龙, and the September 2023 record converts it now.
  await writeStory(articles, "dragon-boats", "龙 boats on the harbour", "2024-12-28T18:00:00+08:00");
  const added = await cached();
  assert.is(JSON.parse(await readFile(path.join(out, "pagefind", CONVERSION_FILE), "utf8")).chars["龍"], "龙");
  assert.equal(changedShards(before, await shardTrees(out)), ["p2023-09/", "p2024-09/"]);
  assert.is(added.cache?.searchShardsReused, added.cache!.searchShards - 2);
  const clean = await scratch("table-clean");
  await build({ articles, out: clean, cwd: ROOT, searchShardSize: SHARD_SIZE });
  assert.equal(await hashTree(path.join(out, "pagefind")), await hashTree(path.join(clean, "pagefind")));
});

test("a shard's part of the conversion table is taken from the cache while its texts and the table are as they were", async () => {
  const { out, cacheDir, cached } = await cachedSite("part");
  await cached();
  const unchanged = await cached();
  assert.is(unchanged.cache?.searchShardsReused, unchanged.cache?.searchShards, "nothing changed: every shard is linked");
  // The part a stamp remembers for the shard of September 2023 is changed: it keys that shard, so the shard is indexed again.
  const stateFile = path.join(cacheDir, "state.v8");
  const decoded = decodeCacheFile(await readFile(stateFile));
  if (!("value" in decoded)) throw new Error("the cache's state cannot be read");
  const state = decoded.value as { search: SearchStamp[] };
  const stamp = state.search.find((s) => s.dir === "p2023-09/");
  assert.ok(stamp?.part, "a shard's stamp remembers its part of the table");
  stamp.part.hash = "0".repeat(64);
  await writeFile(stateFile, encodeCacheFile(state));
  const before = await shardTrees(out);
  const again = await cached();
  assert.is(again.cache?.searchShardsReused, again.cache!.searchShards - 1);
  // Indexed again from the same records, the shard's files are as they were.
  assert.equal(changedShards(before, await shardTrees(out)), []);
});

test("the index is planned before anything is written: it tells how many stories Pagefind must index", async () => {
  const { plan } = await runFrontHalf(await corpus());
  const out = await scratch("planned-out");
  const index = await planIndex(plan.articles, out, undefined, { shards: plan.searches[0]?.shards });
  assert.is(index.stories, 300);
  assert.not.ok(existsSync(path.join(out, "pagefind")), "planning writes nothing");
  const written = await index.write();
  assert.equal([written.records, existsSync(path.join(out, "pagefind", "pagefind-entry.json"))], [300, true]);
});

test("a small index is made beside the render, a large one after it, and the site is byte for byte the same", async () => {
  const articles = await corpus();
  // What happened, in order: the progress lines, and processes starting (whose arguments are known once started).
  const events: (string | ChildProcess)[] = [];
  const note = (message: unknown) => void events.push((message as { process: ChildProcess }).process);
  const run = async (out: string, indexBesideRender?: number, cacheDir?: string) => {
    events.length = 0;
    subscribe("child_process", note);
    await build({ articles, out, cacheDir, cwd: ROOT, searchShardSize: SHARD_SIZE, indexBesideRender, onProgress: (step) => void events.push(step.stage) });
    unsubscribe("child_process", note);
    const named = events.map((e) => (typeof e === "string" ? e : e.spawnargs.some((arg) => /pagefind/.test(arg)) ? "pagefind started" : "other"));
    // Pagefind's first process against the end of the render (Pagefind may start more than one).
    assert.ok(named.includes("pagefind started") && named.includes("render"));
    return named.indexOf("pagefind started") < named.indexOf("render") ? "beside" : "after";
  };
  const after = await scratch("after-out");
  const beside = await scratch("beside-out");
  // 300 stories: more than 0, the large index; fewer than 2,500, the small one.
  assert.is(await run(after, 0), "after");
  assert.is(await run(beside), "beside");
  assert.equal(await hashTree(beside), await hashTree(after));
  // With a cache, the index is planned before the render to see what changed: an empty cache changes all of it.
  const cached = await scratch("cached-after-out");
  assert.is(await run(cached, 0, await scratch("cached-after-cache")), "after");
  assert.equal(await hashTree(cached), await hashTree(after));
});

test("a cached build reads the bodies of the months it renders pages of, no other: a damaged old month is no warning until one of its pages changes", async () => {
  const { articles, out, cacheDir, cached } = await cachedSite("bodies");
  await cached();
  const months = (await readdir(cacheDir)).filter((f) => f.startsWith("bodies-"));
  assert.is(months.length, 24, "one file per month of stories");
  const damage = async () => {
    const bytes = await readFile(path.join(cacheDir, "bodies-2023-03.v8"));
    bytes[bytes.length - 3]! ^= 0xff;
    await writeFile(path.join(cacheDir, "bodies-2023-03.v8"), bytes);
  };
  const cacheWarnings = (result: BuildResult) => result.diagnostics.filter((d) => d.code.startsWith("cache/")).map((d) => `${path.basename(d.file)}: ${d.code}`);
  await damage();
  // A new story renders pages of its own month and the feeds' newest stories: March 2023 is not read.
  await writeStory(articles, "late-news", "Late news from the harbour district", "2024-12-28T18:00:00+08:00");
  const added = await cached();
  assert.equal(cacheWarnings(added), []);
  // A paragraph added to a story of March 2023: its page is rendered, its month's bodies read and found damaged.
  const file = path.join(articles, "story-30.en.md");
  await writeFile(file, `${await readFile(file, "utf8")}\nThe harbour master spoke last.\n`);
  const edited = await cached();
  assert.equal(cacheWarnings(edited), ["bodies-2023-03.v8: cache/damaged"]);
  assert.match(await readFile(path.join(out, "en/story-30/index.html"), "utf8"), /The harbour master spoke last\./);
  const clean = await scratch("bodies-clean");
  await build({ articles, out: clean, cwd: ROOT, searchShardSize: SHARD_SIZE });
  assert.equal(await hashTree(out), await hashTree(clean));
});

test("pages rendered on several processes are byte for byte those rendered on one", async () => {
  const articles = await corpus();
  const serial = await scratch("serial-out");
  const parallel = await scratch("parallel-out");
  // 300 stories make about 430 pages; runs of 40 and a worker per 50 pages put them on three processes.
  await build({ articles, out: serial, cwd: ROOT, jobs: 1 });
  // Every process the build starts, announced as it is created (its arguments are known once it has started).
  const started: ChildProcess[] = [];
  const note = (message: unknown) => void started.push((message as { process: ChildProcess }).process);
  subscribe("child_process", note);
  const spread = await build({ articles, out: parallel, cwd: ROOT, jobs: 3, pagesPerWorker: 50, renderChunk: 40 });
  unsubscribe("child_process", note);
  const workers = started.filter((child) => child.spawnargs.some((arg) => arg.endsWith("render/worker.ts")));
  assert.ok(spread.pages > 400, `pages: ${spread.pages}`);
  assert.is(workers.length, 2, "two render workers beside the build's own process");
  assert.equal(await hashTree(parallel), await hashTree(serial));
});

test("render processes: one per 1,500 pages, at most the jobs allowed, never none", () => {
  assert.is(renderLanes(10, 8), 1);
  assert.is(renderLanes(3_100, 8), 2);
  assert.is(renderLanes(40_000, 2), 2);
  assert.is(renderLanes(40_000, 1), 1);
});

test("shards are indexed by at most two Pagefind processes, fewer when the largest shards would not fit in memory together", () => {
  const jobs = (...sizes: number[]): ShardJob[] => sizes.map((n) => ({ records: Array.from({ length: n }, () => ({ url: "/", content: "" })), dir: "", shard: { dir: "", stories: n, packed: 0 } }));
  assert.is(processesFor(jobs(10), 8), 1, "one shard, one process");
  assert.is(processesFor(jobs(2500, 2500, 2500), 8), 2);
  assert.is(processesFor(jobs(2500, 2500), 1), 1, "one core");
  assert.is(processesFor(jobs(10_000, 10), 8), 1, "a shard of 10,000 stories takes the whole budget");
});

test.run();
