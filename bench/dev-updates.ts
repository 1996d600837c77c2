// The dev server (`npm start`), timed as an editor meets it: a first start fills its cache; a second
// start serves the site and watches the sources, and after each edit the benchmark times the update
// and, in Chromium, how long until the open article (or home page) and an open search page show it.
// Run by bench/build.ts in processes of their own (`--build-only` for the first start); prints one
// JSON line per step on stdout.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { DevSite, type DevResult } from "../src/dev/index.ts";
import { startDevServer } from "../src/dev/server.ts";
import { launchBrowser, settledStatus } from "../tests/browser/harness.ts";
import { freePort } from "../tests/helpers/port.ts";
import { editOneStory, firstEnglishArticle } from "./baseline/rebuilds.ts";

const { values } = parseArgs({ options: { articles: { type: "string" }, out: { type: "string" }, cache: { type: "string" }, "build-only": { type: "boolean", default: false } } });
if (!values.articles || !values.out || !values.cache) throw new Error("usage: tsx bench/dev-updates.ts --articles DIR --out DIR --cache DIR [--build-only]");
const { articles, out, cache } = values;
const ROOT = path.resolve(import.meta.dirname, "..");

/** One line of the report. */
function print(what: string, result: DevResult, page?: number, search?: number): void {
  const { millis, written, deferred, indexed, shards } = result;
  console.log(JSON.stringify({ what, millis, written, deferred, indexed, shards, ...(page === undefined ? {} : { page }), ...(search === undefined ? {} : { search }) }));
}

if (values["build-only"]) {
  const site = new DevSite({ articles, out, cacheDir: cache, baseUrl: "http://localhost:8080/" });
  print("first start (dev cache empty)", await site.build());
  process.exit(0);
}

const port = await freePort();
const results: DevResult[] = [];
const dev = await startDevServer({
  articles,
  out,
  cacheDir: cache,
  templates: path.join(ROOT, "templates"),
  port,
  baseUrl: `http://127.0.0.1:${port}/`,
  report: (outcome) => {
    if (outcome instanceof Error) throw outcome;
    results.push(outcome);
  },
});
print("a start with the dev cache", results.at(-1)!);
// No change, before the browser starts: as the watcher reports it (nothing), and with every source
// looked at by its stamps (as after a watcher report without a file name).
await dev.site.update(new Set()).then((r) => print("no change", r));
await dev.site.update().then((r) => print("no change, every source looked at", r));
const browser = await launchBrowser();
const shown = await browser.newPage();
const search = await browser.newPage();
const site = dev.server.url;

/** Waits for the search page to settle and tells whether a result title holds `word` (lower case). */
async function found(page: Page, word: string): Promise<boolean> {
  await settledStatus(page);
  return page.$$eval(".search-results a.result-title", (as, w) => as.some((a) => a.textContent?.toLowerCase().includes(w)), word);
}

/**
 * Opens `url` and a search for `word`, makes the edit, and times from the end of the write to the page
 * showing `text` and (when `word` is searchable) to the search showing the story, both after live reload.
 */
async function timed(what: string, url: string, word: string | undefined, text: string, edit: () => Promise<void>): Promise<void> {
  const before = results.length;
  await shown.goto(`${site}${url}`);
  if (word) {
    await search.goto(`${site}en/search/?q=${word}`);
    if (await found(search, word)) throw new Error(`"${word}" is found before the edit`);
  }
  // The edit comes once both pages are idle (the search page loads every shard's facets after its results).
  await Promise.all([shown.waitForLoadState("networkidle"), search.waitForLoadState("networkidle")]);
  await dev.settled();
  await edit();
  const saved = performance.now();
  const pageShown = shown.waitForFunction((t) => document.body.textContent?.includes(t), text, { timeout: 60_000 }).then(() => performance.now() - saved);
  const searchShown = word
    ? search.waitForFunction((w) => [...document.querySelectorAll(".search-results a.result-title")].some((a) => a.textContent?.toLowerCase().includes(w)), word, { timeout: 60_000 }).then(() => performance.now() - saved)
    : undefined;
  const [page, searched] = await Promise.all([pageShown, searchShown]).catch(async (cause: Error) => {
    const status = await search.textContent(".search-status").catch(() => "?");
    throw new Error(`${what}: ${cause.message}; the search page says "${status}" at ${search.url()}, the page is at ${shown.url()}`);
  });
  await dev.settled();
  if (results.length !== before + 1) throw new Error(`${what}: expected one update, saw ${results.length - before}`);
  print(what, results.at(-1)!, page, searched);
}


const target = await firstEnglishArticle(articles);
const slug = path.basename(target, ".en.md");
await timed(`a paragraph added to ${path.relative(articles, target)}`, `en/${slug}/`, undefined, "The editors added this paragraph after publication.", async () => void (await editOneStory(articles, "body")));
const headline = "Zebrafish Survey Finds Record Numbers";
await timed(`the headline of ${path.relative(articles, target)} changed`, `en/${slug}/`, "zebrafish", headline, async () => {
  const text = await readFile(target, "utf8");
  await writeFile(target, text.replace(/^title: .*$/m, `title: ${headline}`));
});
// A new story, dated after every other story of the corpus: it heads the home page.
const added = "Ferry Returns to the Quokka Island Route";
await timed("a new story added", "en/", "quokka", added, async () => {
  const text = (await readFile(target, "utf8")).replace(/^date: .*$/m, "date: 2025-12-31T23:00:00+08:00").replace(/^title: .*$/m, `title: ${added}`);
  await writeFile(path.join(path.dirname(target), "zz-added-while-serving.en.md"), text);
});
await browser.close();
await dev.close();

