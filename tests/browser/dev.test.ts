// The dev server (`npm start`) in a browser: an edit reloads the open article and the open search.
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { startDevServer, type DevServer } from "../../src/dev/server.ts";
import { freePort } from "../helpers/port.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser } from "./harness.ts";

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
  await page.waitForFunction(() => {
    const status = document.querySelector(".search-status")?.textContent ?? "";
    return status !== "" && !status.endsWith("…");
  });
  return page.$$eval(".search-results a.result-title", (as) => as.map((a) => a.textContent ?? ""));
}

test("an edited headline reloads the open article and the open search, which finds the new words", async () => {
  const article = await browser.newPage();
  await article.goto(`${dev.server.url}en/tech-fair/`);
  assert.is(await article.textContent("h1"), "Tech Fair Opens Downtown");
  const search = await browser.newPage();
  await search.goto(`${dev.server.url}en/search/?q=${encodeURIComponent("record crowds")}`);
  assert.not.ok((await resultTitles(search)).includes("Tech Fair Draws Record Crowds"));

  const file = path.join(articles, "2024/tech-fair.en.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Opens Downtown", "Tech Fair Draws Record Crowds"));
  // Live reload: both pages load again on their own.
  await article.waitForFunction(() => document.querySelector("h1")?.textContent === "Tech Fair Draws Record Crowds", undefined, { timeout: 30_000 });
  await search.waitForFunction(() => [...document.querySelectorAll(".search-results a.result-title")].some((a) => a.textContent === "Tech Fair Draws Record Crowds"), undefined, { timeout: 30_000 });
  assert.is((await resultTitles(search))[0], "Tech Fair Draws Record Crowds");
  // The lead still says "downtown": the story is found by it, under its new headline only.
  await search.goto(`${dev.server.url}en/search/?q=downtown`);
  const titles = await resultTitles(search);
  assert.ok(titles.includes("Tech Fair Draws Record Crowds"));
  assert.not.ok(titles.includes("Tech Fair Opens Downtown"));
  // A second edit, on the site the first update left.
  await writeFile(file, (await readFile(file, "utf8")).replace("Tech Fair Draws Record Crowds", "Tech Fair Closes After Record Week"));
  await article.waitForFunction(() => document.querySelector("h1")?.textContent === "Tech Fair Closes After Record Week", undefined, { timeout: 30_000 });
  await article.close();
  await search.close();
});

test.run();
