// The dev site (`npm start`): updates in place write what changed and leave the site a clean build would make.
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { DevSite, planChanges, sameData, type DevEvent } from "../src/dev/index.ts";
import { BuildError } from "../src/diagnostics.ts";
import { serveSite } from "../src/serve/index.ts";
import { runFrontHalf } from "./helpers/front-half.ts";
import { pinBuildTime } from "./helpers/epoch.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = path.join(ROOT, "tests/fixtures/build/mixed");
const BASE_URL = "http://localhost:8080/";
/** Stories per search shard: the fixture's six stories make three shards. */
const SHARD_SIZE = 2;

// A whole hour, so the dev site's notion of now (the clock to the hour) is the clean build's.
pinBuildTime(test);

/** A dev site over a copy of the mixed fixture, built once. */
async function devSite(): Promise<{ site: DevSite; articles: string; out: string }> {
  const articles = await scratch("dev-src");
  await cp(MIXED, articles, { recursive: true });
  const out = await scratch("dev-out");
  const site = new DevSite({ articles, out, baseUrl: BASE_URL, cacheDir: await scratch("dev-cache"), cwd: ROOT, searchShardSize: SHARD_SIZE });
  assert.is((await site.build()).kind, "build");
  return { site, articles, out };
}

/**
 * Asserts that `out` holds exactly the files a clean build of `articles` writes, byte for byte, but for
 * the Traditional → Simplified table: the dev site keeps its first build's (see dev/index.ts).
 */
async function assertLikeCleanBuild(articles: string, out: string): Promise<void> {
  const clean = await scratch("dev-clean");
  await build({ articles, out: clean, cwd: ROOT, baseUrl: BASE_URL, killServiceWorker: true, searchShardSize: SHARD_SIZE });
  const { [TABLE]: _, ...have } = await hashTree(out);
  const { [TABLE]: __, ...want } = await hashTree(clean);
  assert.equal(have, want);
}

const TABLE = "pagefind/duet-t2s.json";

test("with nothing changed, an update writes nothing", async () => {
  const { site, out } = await devSite();
  const before = await hashTree(out);
  const result = await site.update();
  assert.equal([result.kind, result.written, result.removed, result.indexed, result.shards], ["update", 0, 0, 0, 3]);
  assert.equal(await hashTree(out), before);
});

test("a changed headline rewrites its pages and one search shard, and the site is what a clean build makes", async () => {
  const { site, articles, out } = await devSite();
  const file = path.join(articles, "2024/tech-fair.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Opens Downtown", "Tech Fair Draws Record Crowds"));
  const events: DevEvent[] = [];
  const result = await site.update(undefined, (event) => events.push(structuredClone(event)));
  assert.is(result.indexed, 1);
  // Open pages are told as soon as each can show the edit: the article first (written before the lists
  // are planned), then the one shard indexed again, then the lists that show its headline.
  assert.equal(events.map((e) => e.kind), ["pages", "search", "pages"]);
  assert.equal(events[0], { kind: "pages", files: ["en/tech-fair/index.html"] });
  const lists = (events[2] as Extract<DevEvent, { kind: "pages" }>).files;
  assert.ok(lists.includes("en/index.html") && !lists.includes("en/tech-fair/index.html"), lists.join(", "));
  const search = events[1] as Extract<DevEvent, { kind: "search" }>;
  assert.is(search.shards.length, 1);
  assert.equal(search.layout.map((shard) => shard.dir), ["", "p2024-02/", "p2024-03/"]);
  // The article, and the lists, feeds and sitemap entries that show its headline; not the other stories.
  assert.ok(result.written > 1 && result.written < 20, `${result.written} pages written`);
  assert.match(await readFile(path.join(out, "en/tech-fair/index.html"), "utf8"), /<h1>Tech Fair Draws Record Crowds<\/h1>/);
  await assertLikeCleanBuild(articles, out);
});

test("a paragraph added past the lead rewrites the article and indexes no shard again", async () => {
  const { site, articles, out } = await devSite();
  const file = path.join(articles, "2024/tech-fair.en.md");
  await writeFile(file, `${await readFile(file, "utf8")}\nVisitors queued for an hour at the robotics stand.\n`);
  const result = await site.update();
  assert.is(result.indexed, 0);
  assert.match(await readFile(path.join(out, "en/tech-fair/index.html"), "utf8"), /robotics stand/);
  await assertLikeCleanBuild(articles, out);
});

test("a new story and a removed one: pages appear and go, shards are cut again, and the site is what a clean build makes", async () => {
  const { site, articles, out } = await devSite();
  await writeFile(path.join(articles, "2024/harbour.en.md"), "---\ntitle: Harbour Ferry Resumes\ndate: 2024-05-02\nkeywords: ferry, harbour\n---\nThe harbour ferry resumed on May 2.\n");
  await rm(path.join(articles, "2024/lantern.zh.md"));
  const result = await site.update();
  assert.ok(result.removed >= 1, "the removed story's page is removed");
  assert.match(await readFile(path.join(out, "en/harbour/index.html"), "utf8"), /Harbour Ferry Resumes/);
  // The sitemap lists every page: it is written after the update returns, and a request for it waits.
  assert.ok(result.deferred >= 1);
  assert.ok(site.pending("sitemap.xml"));
  assert.is(site.pending("en/harbour/index.html"), undefined);
  await site.settled();
  assert.is(site.pending("sitemap.xml"), undefined);
  await assertLikeCleanBuild(articles, out);
});

test("given the paths a watcher reported, an update looks at those files and at files in those folders only", async () => {
  const { site, articles, out } = await devSite();
  const file = path.join(articles, "2024/tech-fair.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Opens Downtown", "Tech Fair Watched"));
  assert.is((await site.update(new Set([path.join(articles, "2024/budget.en.md")]))).written, 0, "an unreported file is not looked at");
  await site.update(new Set([path.join(articles, "2024")]));
  assert.match(await readFile(path.join(out, "en/tech-fair/index.html"), "utf8"), /<h1>Tech Fair Watched<\/h1>/);
  await assertLikeCleanBuild(articles, out);
});

test("an update with an error writes nothing, and the next one after the fix goes ahead", async () => {
  const { site, articles, out } = await devSite();
  const before = await hashTree(out);
  const file = path.join(articles, "2024/tech-fair.en.md");
  const good = await readFile(file, "utf8");
  await writeFile(file, good.replace("date: 2024-04-01", "date: 2024-13-45").replace("Tech Fair Opens Downtown", "Tech Fair Half Edited"));
  try {
    await site.update();
    assert.unreachable("the update should have failed");
  } catch (caught) {
    assert.instance(caught, BuildError);
    assert.ok((caught as BuildError).diagnostics.some((d) => d.code === "article/bad-date" && d.line === 3));
  }
  assert.equal(await hashTree(out), before);
  await writeFile(file, good.replace("Tech Fair Opens Downtown", "Tech Fair Fixed"));
  assert.is((await site.update()).indexed, 1);
  await assertLikeCleanBuild(articles, out);
});

test("the server holds a request for a file still being written until it is written", async () => {
  const root = await scratch("dev-hold");
  await writeFile(path.join(root, "page.html"), "old");
  let release = () => undefined as void;
  const written = new Promise<void>((resolve) => (release = resolve));
  const held = new Set(["page.html", "list/page/2/index.html"]);
  const server = await serveSite(root, { hold: (file) => (held.has(file) ? written : undefined) });
  try {
    const response = fetch(`${server.url}page.html`).then((r) => r.text());
    // A page whose folder does not exist yet, asked for by its folder.
    const listed = fetch(`${server.url}list/page/2/`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(path.join(root, "page.html"), "new");
    await mkdir(path.join(root, "list/page/2"), { recursive: true });
    await writeFile(path.join(root, "list/page/2/index.html"), "page two");
    release();
    assert.is(await response, "new");
    assert.is(await listed, "page two");
  } finally {
    await server.close();
  }
});

test("the server is quiet once no request has been open for a while, and at once when no page listens", async () => {
  const root = await scratch("dev-quiet");
  await writeFile(path.join(root, "page.html"), "page");
  let release = () => undefined as void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  const server = await serveSite(root, { liveReload: true, hold: (file) => (holding && file === "page.html" ? slow : undefined) });
  const elapsed = async (quiet: Promise<void>) => {
    const started = performance.now();
    await quiet;
    return performance.now() - started;
  };
  try {
    assert.ok((await elapsed(server.quiet(500))) < 100, "no page listens: no wait");
    const events = await fetch(`${server.url}__duet/events`);
    const reader = events.body!.getReader();
    await reader.read();
    // A page listens: the server waits out `ms` with no request open, the live-reload stream aside.
    const waited = await elapsed(server.quiet(300));
    assert.ok(waited >= 290 && waited < 1000, `${waited} ms`);
    // A request held for a file being written ends the wait at once: the writing waits on it.
    holding = true;
    const page = fetch(`${server.url}page.html`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok((await elapsed(server.quiet(300))) < 100, "a held request ends the wait");
    release();
    assert.match(await page, /^page/);
    // And `max` bounds it.
    assert.ok((await elapsed(server.quiet(5000, 200))) < 500, "max bounds the wait");
    await reader.cancel();
  } finally {
    await server.close();
  }
});

test("the dev server never lets a page be cached, revalidates other files, and caches Pagefind's hashed files", async () => {
  const root = await scratch("dev-cache-headers");
  await writeFile(path.join(root, "page.html"), "<p>page</p>");
  await writeFile(path.join(root, "app.js"), "1");
  await writeFile(path.join(root, "en_0123abcd.pf_index"), "index");
  const server = await serveSite(root, { liveReload: true });
  try {
    assert.is((await fetch(`${server.url}page.html`)).headers.get("cache-control"), "no-store");
    assert.match((await fetch(`${server.url}en_0123abcd.pf_index`)).headers.get("cache-control") ?? "", /immutable/);
    const first = await fetch(`${server.url}app.js`);
    assert.is(first.headers.get("cache-control"), "no-cache");
    const tag = first.headers.get("etag")!;
    assert.is((await fetch(`${server.url}app.js`, { headers: { "if-none-match": tag } })).status, 304);
    await writeFile(path.join(root, "app.js"), "22");
    const changed = await fetch(`${server.url}app.js`, { headers: { "if-none-match": tag } });
    assert.equal([changed.status, await changed.text()], [200, "22"]);
  } finally {
    await server.close();
  }
});

test("plan data compares by value, dates by instant and zone", () => {
  const at = DateTime.fromISO("2024-04-01T00:00:00+08:00", { setZone: true });
  assert.ok(sameData({ a: [1, { b: "x" }], d: at }, { a: [1, { b: "x" }], d: DateTime.fromMillis(at.toMillis(), { zone: at.zone }) }));
  assert.not.ok(sameData({ d: at }, { d: at.setZone("UTC") }));
  assert.not.ok(sameData({ a: [1, 2] }, { a: [1, 2, 3] }));
  assert.not.ok(sameData({ a: 1 }, { a: 1, b: undefined }));
  assert.ok(sameData({ a: 1, head: 1 }, { a: 1, head: 2 }, "head"));
});

test("npm start shows a draft, with its banner, and an update keeps it shown; a build to deploy leaves it out", async () => {
  const { site, articles, out } = await devSite();
  const draft = path.join(articles, "2024/draft-plan.en.md");
  await writeFile(draft, "---\ntitle: Harbour Plan Draft\ndate: 2024-04-03\ndraft: true\n---\nNot yet published.\n");
  await site.update();
  const page = await readFile(path.join(out, "en/draft-plan/index.html"), "utf8");
  assert.match(page, /class="draft-banner"/);
  assert.match(page, /<h1>Harbour Plan Draft<\/h1>/);
  const deployed = await scratch("dev-draft-deploy");
  const result = await build({ articles, out: deployed, cwd: ROOT, baseUrl: BASE_URL });
  assert.equal(result.drafts.map((a) => a.file), [path.relative(ROOT, draft)]);
  assert.not.ok(existsSync(path.join(deployed, "en/draft-plan/index.html")), "a build to deploy publishes no draft");
});

test("planChanges lists the changed pages and the files no page makes any more", async () => {
  const articles = await scratch("dev-plan-src");
  await cp(MIXED, articles, { recursive: true });
  const plan = async () => (await runFrontHalf(articles, ROOT, DateTime.fromSeconds(1767225600))).plan;
  const before = await plan();
  await rm(path.join(articles, "2024/lantern.zh.md"));
  const after = await plan();
  const changes = planChanges(before, after);
  assert.ok(changes.removed.includes("zh/lantern/index.html"));
  assert.equal(changes.pages.articles, [], "the other stories' pages are unchanged");
  assert.ok(changes.pages.fronts.some((front) => front.url === "/zh/"), "the Chinese front page lost a story");
});

test.run();
