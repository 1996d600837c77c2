// The dev server (`npm start`) in a browser: an edit reloads the open article and the open search.
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { startDevServer, type DevServer } from "../../src/dev/server.ts";
import { freePort } from "../helpers/port.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, settledStatus } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let browser: Browser;
let dev: DevServer;
let articles: string;

test.before(async () => {
  articles = await scratch("dev-browser-src");
  await cp(path.join(ROOT, "tests/fixtures/build/mixed"), articles, { recursive: true });
  const port = await freePort();
  dev = await startDevServer({
    articles,
    out: await scratch("dev-browser-out"),
    cacheDir: await scratch("dev-browser-cache"),
    templates: path.join(ROOT, "templates"),
    port,
    baseUrl: `http://127.0.0.1:${port}/`,
    // Two stories per shard: an edit indexes one shard of several.
    searchShardSize: 2,
  });
  browser = await launchBrowser();
});

test.after(async () => {
  await browser?.close();
  await dev?.close();
});

/** The result titles once the search status settles. */
async function resultTitles(page: Page): Promise<string[]> {
  await settledStatus(page);
  return page.$$eval(".search-results a.result-title", (as) => as.map((a) => a.textContent ?? ""));
}

/** Marks the page's document, so a reload (a new document) shows as the mark gone. */
const mark = (page: Page) => page.evaluate(() => void ((window as unknown as { kept?: boolean }).kept = true));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);

test("an edited headline reloads the open article; the open search takes the new index in place", async () => {
  const article = await browser.newPage();
  await article.goto(`${dev.server.url}en/tech-fair/`);
  assert.is(await article.textContent("h1"), "Tech Fair Opens Downtown");
  const other = await browser.newPage();
  await other.goto(`${dev.server.url}en/`);
  await mark(other);
  const untouched = await browser.newPage();
  await untouched.goto(`${dev.server.url}en/budget/`);
  await mark(untouched);
  const search = await browser.newPage();
  await search.goto(`${dev.server.url}en/search/?q=${encodeURIComponent("record crowds")}`);
  assert.not.ok((await resultTitles(search)).includes("Tech Fair Draws Record Crowds"));
  await mark(search);

  const file = path.join(articles, "2024/tech-fair.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Opens Downtown", "Tech Fair Draws Record Crowds"));
  // Live reload: both pages load again on their own.
  await article.waitForFunction(() => document.querySelector("h1")?.textContent === "Tech Fair Draws Record Crowds", undefined, { timeout: 30_000 });
  await search.waitForFunction(() => [...document.querySelectorAll(".search-results a.result-title")].some((a) => a.textContent === "Tech Fair Draws Record Crowds"), undefined, { timeout: 30_000 });
  assert.is((await resultTitles(search))[0], "Tech Fair Draws Record Crowds");
  assert.ok(await marked(search), "the search page searched again without loading again");
  assert.is(await search.inputValue("#site-search"), "record crowds");
  // The home list shows the headline too, so it reloaded; a page the edit left alone does not.
  await other.waitForFunction(() => document.body.textContent?.includes("Tech Fair Draws Record Crowds"), undefined, { timeout: 30_000 });
  assert.not.ok(await marked(other), "the home page loaded again");
  assert.ok(await marked(untouched), "an article the edit left alone did not load again");
  // The lead still says "downtown": the story is found by it, under its new headline only.
  await search.goto(`${dev.server.url}en/search/?q=downtown`);
  const titles = await resultTitles(search);
  assert.ok(titles.includes("Tech Fair Draws Record Crowds"));
  assert.not.ok(titles.includes("Tech Fair Opens Downtown"));
  // A second edit, on the site the first update left.
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Draws Record Crowds", "Tech Fair Closes After Record Week"));
  await article.waitForFunction(() => document.querySelector("h1")?.textContent === "Tech Fair Closes After Record Week", undefined, { timeout: 30_000 });
  for (const page of [article, other, untouched, search]) await page.close();
});

test("new stories, one adding a search shard, reach an open search without it loading again", async () => {
  const search = await browser.newPage();
  await search.goto(`${dev.server.url}en/search/?q=harbour`);
  assert.equal(await resultTitles(search), []);
  await mark(search);
  const shards = async () => ((await search.getAttribute("#search", "data-shards")) ?? "").length;
  const before = await shards();
  // Two stories, one edit each: with two stories a shard, the second of them starts a new shard.
  for (const [slug, title] of [["harbour-opens", "Harbour Opens to Ferries"], ["harbour-closes", "Harbour Closes for Storm"]] as const) {
    const story = `---\ntitle: ${title}\ndate: 2024-06-0${slug.endsWith("opens") ? 1 : 2}\nkeywords: harbour\n---\nThe harbour news of the day.\n`;
    await writeFile(path.join(articles, `2024/${slug}.en.md`), story);
    await search.waitForFunction((t) => [...document.querySelectorAll(".search-results a.result-title")].some((a) => a.textContent === t), title, { timeout: 30_000 });
  }
  const both = ["Harbour Closes for Storm", "Harbour Opens to Ferries"];
  assert.equal((await resultTitles(search)).sort(), both, "the stories of the kept shard and of the new one");
  assert.ok(await marked(search), "the search page took the new shard without loading again");
  assert.is(await shards(), before, "the page still holds the layout it loaded with");
  // A page loaded once the update is done names the new shard, and finds the same.
  await dev.settled();
  await search.reload();
  assert.ok((await shards()) > before);
  assert.equal((await resultTitles(search)).sort(), both);
  await search.close();
});

test("a broken edit shows its errors over open pages, as text, until it is fixed", async () => {
  const file = path.join(articles, "2024/budget.en.md");
  const good = await readFile(file, "utf8");
  const article = await browser.newPage();
  await article.goto(`${dev.server.url}en/budget/`);
  const home = await browser.newPage();
  await home.goto(`${dev.server.url}en/`);
  // File names and messages come from the sources: markup in them must show as text, never run.
  const HOSTILE = "<img src=x onerror=window.pwned=1>";
  const hostileFile = path.join(articles, `2024/${HOSTILE}.en.md`);
  await writeFile(hostileFile, `---\ntitle: Hostile\ndate: "${HOSTILE}"\n---\nText.\n`);
  await writeFile(file, good.replace(/^date: .*$/m, "date: 2024-13-45"));
  const overlay = "#duet-diagnostics";
  for (const page of [article, home]) await page.waitForSelector(overlay, { timeout: 30_000 });
  const text = await article.textContent(overlay);
  assert.match(text ?? "", /2024\/budget\.en\.md:\d+: error: date "2024-13-45" is not a real date/);
  assert.ok(text?.includes(`2024/${HOSTILE}.en.md:`), "the hostile file name, as text");
  assert.ok(text?.includes(`date "${HOSTILE}"`), "the hostile message, as text");
  assert.is(await article.$$eval(`${overlay} *`, (all) => all.filter((e) => !["P", "PRE"].includes(e.tagName)).length), 0, "no element but the overlay's own");
  assert.is(await article.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  // A page opened while the errors stand shows them too.
  const late = await browser.newPage();
  await late.goto(`${dev.server.url}en/tech-fair/`);
  await late.waitForSelector(overlay, { timeout: 30_000 });

  await rm(hostileFile);
  await writeFile(file, good);
  for (const page of [article, home, late]) await page.waitForSelector(overlay, { state: "detached", timeout: 30_000 });
  assert.is(await article.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  for (const page of [article, home, late]) await page.close();
});

test.run();
