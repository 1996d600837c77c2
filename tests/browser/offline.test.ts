// Offline in Chromium: the service worker precaches, serves what was read, searches offline, and updates cleanly.
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build.ts";
import { SEARCH_CACHE } from "../../src/offline/files.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, serveStatic, type StaticServer, settledStatus } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let browser: Browser;

test.before(async () => {
  browser = await launchBrowser();
});

test.after(async () => {
  await browser?.close();
});

/** A copy of the sample articles, so a test can add a story to it. */
async function sampleArticles(): Promise<string> {
  const dir = await scratch("offline-articles");
  await cp(path.join(ROOT, "articles"), dir, { recursive: true });
  return dir;
}

/** Opens `url` and waits until the service worker controls the page (the first load installs it). */
async function controlledPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

/** Runs a search on the page's search UI and returns the result paths. */
async function search(page: Page, base: string, lang: string, query: string): Promise<string[]> {
  await page.goto(`${base}${lang}/search/?q=${encodeURIComponent(query)}`);
  await settledStatus(page);
  return page.$$eval(".search-results a.result-title", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/**
 * Resolves once `check` returns true in the page, evaluated every 50 ms. Playwright's `waitForFunction`
 * cannot wait on an async check: it takes the promise the check returns for a truthy value and resolves
 * at once (which made this file's wait for the search cache wait for nothing; see `searchCached`).
 */
async function until(page: Page, what: string, check: (arg: string[]) => Promise<boolean>, arg: string[] = [], timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(check, arg))) {
    assert.ok(Date.now() < deadline, `still waiting after ${timeout} ms: ${what}`);
    await page.waitForTimeout(50);
  }
}

/**
 * Waits until every file of the search bundle is in one of the service worker's caches. When the bundle is
 * not precached, the worker fetches it in the background after the first online search; going offline
 * before it is done leaves the files not yet fetched out of reach, and the offline search fails.
 */
async function searchCached(page: Page, base: string): Promise<void> {
  const files = (await (await fetch(`${base}pagefind/duet-files.json`)).json()) as string[];
  const urls = files.map((f) => new URL(`pagefind/${f}`, base).pathname);
  const cached = async (wanted: string[]) => {
    for (const url of wanted) if (!(await caches.match(url, { ignoreSearch: true }))) return false;
    return true;
  };
  await until(page, "every file of the search bundle cached", cached, urls);
}

async function offlineScenario(prefix: string, searchShardSize?: number): Promise<void> {
  const articles = await sampleArticles();
  const out = await scratch("offline-site");
  // One story per language precached, so some stories are left for "read online" and "never read".
  const built = await build({ articles, out, cwd: ROOT, offlineStories: 1, baseUrl: `https://example.org${prefix}`, searchShardSize });
  const newest = built.stories.find((s) => s.versions.zh)!.versions.zh!;
  const server: StaticServer = await serveStatic(out, prefix);
  const context = await browser.newContext();
  try {
    const page = await controlledPage(context, `${server.url}zh/`);
    await page.goto(`${server.url}zh/panda-cubs/`); // read once online
    // A section's and an author's list, read once online: lists are kept like the home list.
    const lists: Record<string, string | null> = {};
    for (const list of ["zh/sections/city/", "zh/authors/li-wei/"]) {
      await page.goto(`${server.url}${list}`);
      lists[list] = await page.textContent("h1");
    }
    assert.equal(await search(page, server.url, "zh", "地铁"), [`${prefix}zh/shanghai-metro-night/`]);
    await searchCached(page, server.url);

    await context.setOffline(true);
    await page.goto(`${server.url}zh/`);
    assert.is(await page.textContent("h1"), "最新报道");
    await page.goto(`${server.url}zh/${newest.slug}/`); // the newest story: precached
    assert.is(await page.textContent("h1"), newest.title);
    await page.waitForSelector(".offline-mark:not([hidden])");
    await page.goto(`${server.url}zh/panda-cubs/`); // read earlier
    assert.is(await page.textContent("h1"), "成都大熊猫基地迎来双胞胎幼崽");
    for (const [list, heading] of Object.entries(lists)) {
      await page.goto(`${server.url}${list}`);
      assert.is(await page.textContent("h1"), heading, `${list} offline`);
    }
    assert.equal(await search(page, server.url, "zh", "熊猫"), [`${prefix}zh/panda-cubs/`]);
    assert.equal(await search(page, server.url, "en", "panda"), [`${prefix}en/chengdu-panda-twins/`]);
    await page.goto(`${server.url}en/shanghai-metro-night/`); // never read, not precached
    assert.is(await page.textContent("h1"), "Offline");
    assert.ok((await page.$$eval(".story-list a", (as) => as.length)) >= 1, "the offline page lists stories available offline");
  } finally {
    await context.close();
    await server.close();
  }
}

test("offline: home, precached and read stories, search in both languages; the offline page for the rest", async () => {
  await offlineScenario("/");
});

test("offline works the same under a sub-path", async () => {
  await offlineScenario("/news/");
});

test("offline search works the same with the search index in shards (one story each)", async () => {
  await offlineScenario("/news/", 1);
});

test("offline search when the search bundle is not precached: cached after the first online search, 20 times over", async () => {
  const out = await scratch("offline-search-later");
  const built = await build({ articles: "articles", out, cwd: ROOT, searchPrecacheMax: 1 });
  assert.is(built.offline.searchPrecached, false, "the bundle is left out of the precache");
  const server = await serveStatic(out);
  const context = await browser.newContext();
  try {
    const page = await controlledPage(context, `${server.url}zh/`);
    for (let pass = 1; pass <= 20; pass++) {
      // Each pass starts where a reader's first search does: the worker holds no file of the bundle.
      await context.setOffline(false);
      await page.evaluate((name) => caches.delete(name), SEARCH_CACHE);
      assert.equal(await search(page, server.url, "zh", "地铁"), ["/zh/shanghai-metro-night/"], `pass ${pass}: online`);
      await searchCached(page, server.url);
      await context.setOffline(true);
      assert.equal(await search(page, server.url, "zh", "熊猫"), ["/zh/panda-cubs/"], `pass ${pass}: offline, zh`);
      assert.equal(await search(page, server.url, "en", "panda"), ["/en/chengdu-panda-twins/"], `pass ${pass}: offline, en`);
    }
  } finally {
    await context.close();
    await server.close();
  }
});

test("a new deploy waits, the page offers a reload, and after it the new story shows and old caches are gone", async () => {
  const articles = await sampleArticles();
  const out = await scratch("offline-deploy");
  await build({ articles, out, cwd: ROOT });
  const server = await serveStatic(out);
  const context = await browser.newContext();
  try {
    const page = await controlledPage(context, `${server.url}en/`);
    const before = await page.evaluate(async () => (await caches.keys()).sort());

    await mkdir(path.join(articles, "2025"), { recursive: true });
    await writeFile(
      path.join(articles, "2025", "harbour-bridge.en.md"),
      "---\ntitle: Harbour Bridge Reopens After Repairs\ndate: 2025-03-01\nkeywords: bridge, transport\n---\nThe harbour bridge reopened on March 1.\n",
    );
    await build({ articles, out, cwd: ROOT }); // v2, into the folder being served

    await page.reload();
    await page.waitForSelector("#update-prompt button", { timeout: 20_000 });
    assert.not.match((await page.textContent("main")) ?? "", /Harbour Bridge/, "v1 is still shown until the reader accepts");
    await Promise.all([page.waitForEvent("load"), page.click("#update-prompt button")]);
    await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("Harbour Bridge Reopens"));

    const after = await page.evaluate(async () => (await caches.keys()).sort());
    assert.equal(after.filter((name) => !before.includes(name)), [], "no second set of caches");
    const stale = await page.evaluate(async () => {
      const names = await caches.keys();
      const precache = await caches.open(names.find((n) => n.includes("precache"))!);
      const homes = (await precache.keys()).filter((r) => new URL(r.url).pathname === "/en/index.html");
      return { homes: homes.length, text: await (await precache.match(homes[0]!))!.text() };
    });
    assert.is(stale.homes, 1, "one copy of the home page in the precache");
    assert.match(stale.text, /Harbour Bridge Reopens/);
  } finally {
    await context.close();
    await server.close();
  }
});

test("the kill switch removes the caches and the worker after one visit", async () => {
  const out = await scratch("offline-kill");
  await build({ articles: "articles", out, cwd: ROOT });
  const server = await serveStatic(out);
  const context = await browser.newContext();
  try {
    const page = await controlledPage(context, `${server.url}zh/`);
    assert.ok((await page.evaluate(async () => (await caches.keys()).length)) > 0);
    await build({ articles: "articles", out, cwd: ROOT, killServiceWorker: true });
    // The old worker keeps answering until the browser checks for a new sw.js (as it does after a
    // navigation, at its own pace); the kill switch then takes over and reloads the page.
    for (let i = 0; i < 20 && (await page.getAttribute("html", "data-sw").catch(() => null)) !== "off"; i++) {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update()).catch(() => undefined);
      await page.waitForTimeout(500);
      if ((await page.getAttribute("html", "data-sw").catch(() => null)) !== "off") await page.reload().catch(() => undefined);
    }
    assert.is(await page.getAttribute("html", "data-sw"), "off", "the new deploy's page is shown");
    await until(page, "no worker registered", async () => (await navigator.serviceWorker.getRegistrations()).length === 0);
    await until(page, "no cache left", async () => (await caches.keys()).length === 0);
    await page.reload();
    assert.is(await page.textContent("h1"), "最新报道", "the site still works, from the network");
    await page.reload();
    await page.waitForTimeout(500);
    assert.is(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, "pages of this deploy install no worker again");
  } finally {
    await context.close();
    await server.close();
  }
});

test.run();
