// The search page in Chromium: typing, both languages, Traditional input, facets, keyboard, URL state, no-JS form.
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, serveStatic, type StaticServer, settledStatus } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let browser: Browser;
let server: StaticServer;

test.before(async () => {
  const out = await scratch("search");
  await build({ articles: "articles", out, cwd: ROOT });
  server = await serveStatic(out);
  browser = await launchBrowser();
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the search status settles and returns the result titles' paths. */
async function results(page: Page): Promise<string[]> {
  await settledStatus(page);
  return page.$$eval(".search-results a.result-title", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${url}`);
  return page;
}

const CHINESE_QUERIES: [string, string][] = [
  ["限制", "/zh/us-cloud-ai-restrictions/"],
  ["云服", "/zh/us-cloud-ai-restrictions/"],
  ["外交部", "/zh/us-cloud-ai-restrictions/"],
  ["人工智慧", "/zh/us-cloud-ai-restrictions/"],
  ["雲服務", "/zh/us-cloud-ai-restrictions/"],
  ["地鐵", "/zh/shanghai-metro-night/"],
  ["通宵", "/zh/shanghai-metro-night/"],
  ["大熊猫", "/zh/panda-cubs/"],
  ["熊猫", "/zh/panda-cubs/"],
  ["隧道", "/zh/high-speed-rail-tibet/"],
  ["川藏", "/zh/high-speed-rail-tibet/"],
];

test("a fixed set of Chinese queries (words, fragments, Traditional) each finds its story first", async () => {
  const page = await browser.newPage();
  for (const [query, expected] of CHINESE_QUERIES) {
    await page.goto(`${server.url}zh/search/?q=${encodeURIComponent(query)}`);
    const found = await results(page);
    assert.is(found[0], expected, query);
  }
  await page.close();
});

test("a query typed with ASCII or full-width marks finds the same story, shown with full-width marks", async () => {
  const page = await browser.newPage();
  for (const [ascii, wide] of [["人工智能(AI)", "人工智能（AI）"], ["记者会上,就有关", "记者会上，就有关"]]) {
    const found: string[][] = [];
    for (const query of [ascii!, wide!]) {
      await page.goto(`${server.url}zh/search/?q=${encodeURIComponent(query)}`);
      found.push(await results(page));
    }
    assert.is(found[0]![0], "/zh/us-cloud-ai-restrictions/", ascii);
    assert.equal(found[1], found[0], wide);
  }
  const lead = await page.$eval(".search-results .result-lead", (p) => p.textContent ?? "");
  assert.match(lead, /^1月29日，中国外交部发言人汪文斌在例行记者会上，就有关/);
  assert.not.match(lead, /\p{Script=Han}[,:;?!()]|[,:;?!()]\p{Script=Han}/u);
  await page.close();
});

test("typing updates the results and the URL; the back button restores the earlier search", async () => {
  const page = await open("en/search/");
  await page.fill("#site-search", "panda");
  assert.equal(await results(page), ["/en/chengdu-panda-twins/"]);
  assert.match(page.url(), /\?q=panda$/);
  await page.fill("#site-search", "metro");
  await page.waitForFunction(() => location.search === "?q=metro");
  assert.equal(await results(page), ["/en/shanghai-metro-night/"]);
  await page.goBack();
  await page.waitForFunction(() => location.search === "?q=panda");
  assert.is(await page.inputValue("#site-search"), "panda");
  assert.equal(await results(page), ["/en/chengdu-panda-twins/"]);
  const marks = await page.$$eval(".search-results mark", (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes("Panda"), marks.join());
  await page.close();
});

test("one box for both languages: a Chinese query on the English page finds the story, shown in English first", async () => {
  const page = await open(`en/search/?q=${encodeURIComponent("熊猫")}`);
  assert.equal(await results(page), ["/en/chengdu-panda-twins/"]);
  const other = await page.getAttribute(".result-meta a[hreflang]", "href");
  assert.is(other, "/zh/panda-cubs/");
  await page.goto(`${server.url}en/search/?q=${encodeURIComponent("隧道")}`);
  assert.equal(await results(page), ["/zh/high-speed-rail-tibet/"]);
  assert.is(await page.getAttribute(".search-results li", "lang"), "zh-CN");
  assert.match((await page.textContent(".search-results li .only-mark")) ?? "", /仅中文/);
  await page.close();
});

test("a result whose story has a photo shows its thumbnail, loaded from the site and sized before it arrives", async () => {
  const page = await open(`zh/search/?q=${encodeURIComponent("地铁")}`);
  assert.equal(await results(page), ["/zh/shanghai-metro-night/"]);
  const img = await page.waitForSelector(".search-results li picture.thumb img");
  await page.waitForFunction((el) => (el as HTMLImageElement).complete, img);
  const shown = await img.evaluate((el) => ({ loaded: (el as HTMLImageElement).naturalWidth, width: el.getAttribute("width"), alt: el.getAttribute("alt"), src: (el as HTMLImageElement).currentSrc }));
  assert.ok(shown.loaded > 0, "the thumbnail loaded");
  assert.ok(Number(shown.width) > 0);
  assert.is(shown.alt, "");
  assert.match(shown.src, /\/media\/[0-9a-f]{20}-\d+\.(avif|webp|png|jpeg)$/);
  await page.close();
});

test("the language filter narrows results, and keyword facets filter with counts", async () => {
  const page = await open(`zh/search/?q=2024`);
  await page.goto(`${server.url}zh/search/?kw=${encodeURIComponent("大熊猫")}`);
  assert.equal(await results(page), ["/zh/panda-cubs/"]);
  await page.goto(`${server.url}en/search/?q=shanghai`);
  assert.equal(await results(page), ["/en/shanghai-metro-night/"]);
  await page.waitForSelector(".search-facets .facet"); // facet counts arrive after the first results
  const facets = await page.$$eval(".search-facets .facet", (bs) => bs.map((b) => b.textContent));
  assert.ok(facets.includes("Shanghai Metro (1)"), facets.join());
  await page.selectOption("#search-lang", "zh");
  await page.waitForFunction(() => location.search.includes("lang=zh"));
  assert.equal(await results(page), ["/en/shanghai-metro-night/"], "a story in both languages passes a zh filter");
  await page.goto(`${server.url}en/search/?q=${encodeURIComponent("隧道")}&lang=en`);
  assert.equal(await results(page), []);
  await page.close();
});

test("an empty result suggests the nearest keywords", async () => {
  // 猫熊 is the Taiwanese word for the giant panda: no bigram of it occurs in the sample site.
  const page = await open(`zh/search/?q=${encodeURIComponent("猫熊")}`);
  assert.equal(await results(page), []);
  await page.waitForSelector(".suggestions .facet");
  const suggestions = await page.$$eval(".suggestions .facet", (bs) => bs.map((b) => b.textContent));
  assert.ok(suggestions.includes("大熊猫"), suggestions.join());
  await page.click(".suggestions .facet");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "大熊猫");
  assert.equal(await results(page), ["/zh/panda-cubs/"]);
  await page.close();
});

test("arrow keys move from the box through the results and Enter opens one", async () => {
  const page = await open(`en/search/`);
  await page.fill("#site-search", "cloud");
  await page.waitForFunction(() => location.search === "?q=cloud");
  const found = await results(page);
  await page.waitForSelector(".search-facets .facet"); // facets arrive later and must not take focus away
  assert.ok(found.length >= 1);
  await page.focus("#site-search");
  await page.keyboard.press("ArrowDown");
  assert.is(await page.evaluate(() => document.activeElement?.className), "result-title");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`${found[0]}$`));
  await page.close();
});

test("without JavaScript the header box is a form that opens the search page with ?q=", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}zh/panda-cubs/`);
  await page.fill("#site-search", "熊猫");
  await page.press("#site-search", "Enter");
  await page.waitForURL(/\/zh\/search\/\?q=%E7%86%8A%E7%8C%AB$/);
  assert.match((await page.textContent("noscript")) ?? "", /JavaScript/);
  await context.close();
});

test("keyword chips on an article open the search filtered to that keyword", async () => {
  const page = await open("en/chengdu-panda-twins/");
  await page.click("a.keyword >> text=giant panda");
  await page.waitForURL(/\/en\/search\/\?kw=giant%20panda$/);
  assert.equal(await results(page), ["/en/chengdu-panda-twins/"]);
  await page.close();
});

test("with packed results (under a sub-path), results come from the packed files and no fragment is fetched", async () => {
  const out = await scratch("search-packed");
  await build({ articles: "articles", out, cwd: ROOT, baseUrl: "/news/", packSearch: true });
  const packed = await serveStatic(out, "/news/");
  const page = await browser.newPage();
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  try {
    await page.goto(`${packed.url}zh/search/?q=${encodeURIComponent("熊猫")}`);
    assert.equal(await results(page), ["/news/zh/panda-cubs/"]);
    assert.match(await page.textContent(".search-results") ?? "", /大熊猫/);
    await page.fill("#site-search", "metro");
    await page.waitForFunction(() => location.search === "?q=metro");
    assert.equal(await results(page), ["/news/zh/shanghai-metro-night/"], "an English query on the Chinese page");
    const bundle = fetched.filter((p) => p.startsWith("/news/pagefind/"));
    assert.ok(bundle.some((p) => p.startsWith("/news/pagefind/duet-results/")), bundle.join("\n"));
    assert.not.ok(bundle.some((p) => p.includes("/fragment/")), bundle.join("\n"));
  } finally {
    await page.close();
    await packed.close();
  }
});

test("with the index in shards (under a sub-path), results, order and counts match one index, and Pagefind loads once", async () => {
  const out = await scratch("search-shards");
  await build({ articles: "articles", out, cwd: ROOT, baseUrl: "/news/", searchShardSize: 1 });
  const sharded = await serveStatic(out, "/news/");
  const page = await browser.newPage();
  const single = await browser.newPage();
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  try {
    // One story per shard: every query below draws on more than one shard.
    // The two years together hold every story, so every shard must answer.
    for (const query of ["?year=2024&sort=newest", "?year=2025&sort=newest", "?q=panda&sort=newest", "?q=%E7%86%8A%E7%8C%AB", "?q=metro", "?year=2024&lang=en&sort=newest"]) {
      await page.goto(`${sharded.url}en/search/${query}`);
      await single.goto(`${server.url}en/search/${query}`);
      const mine = (await results(page)).map((p) => p.replace(/^\/news/, ""));
      const theirs = await results(single);
      assert.ok(theirs.length > 0, query);
      if (query.includes("newest")) assert.equal(mine, theirs, `${query}: newest first across shards`);
      else assert.equal([...mine].sort(), [...theirs].sort(), query);
      assert.is(await page.textContent(".search-status"), await single.textContent(".search-status"), query);
    }
    await page.goto(`${sharded.url}en/search/?year=2024`);
    await results(page);
    await page.waitForFunction(() => document.querySelectorAll(".search-facets a, .search-facets button").length > 0);
    await single.goto(`${server.url}en/search/?year=2024`);
    await results(single);
    await single.waitForFunction(() => document.querySelectorAll(".search-facets a, .search-facets button").length > 0);
    assert.is(await page.textContent(".search-facets"), await single.textContent(".search-facets"), "facet counts add up across shards");
    const wasm = fetched.filter((p) => p.endsWith(".pagefind"));
    assert.ok(wasm.length >= 1 && wasm.every((p) => p === "/news/pagefind/wasm.en.pagefind"), wasm.join("\n"));
    // Shards are named after their first month: the newest is the last folder in date order.
    const newest = (await readdir(path.join(out, "pagefind"))).filter((name) => /^p\d{4}-\d{2}/.test(name)).sort().at(-1);
    assert.ok(newest && fetched.some((p) => p.startsWith(`/news/pagefind/${newest}/`)), `the newest shard (${newest}) is searched`);
  } finally {
    await page.close();
    await single.close();
    await sharded.close();
  }
});

test("a headline with the reader's word in another inflection ranks above one with only a related word", async () => {
  const articles = await scratch("search-forms-src");
  const story = (slug: string, title: string, date: string) =>
    writeFile(path.join(articles, `${slug}.en.md`), `---\ntitle: ${title}\ndate: ${date}\nkeywords: [city news]\n---\nThe city said more details would follow.\n`);
  // Same length, so Pagefind scores them alike, and the newer one would win the tie.
  await story("bike-lanes", "Harbin Approves New Bike Lanes Plan", "2024-01-10");
  await story("canal-belt", "Baoji Begins Approval of Canal Belt", "2024-02-10");
  const out = await scratch("search-forms");
  await build({ articles, out, cwd: ROOT });
  const site = await serveStatic(out);
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}en/search/?q=approved`);
    assert.equal(await results(page), ["/en/bike-lanes/", "/en/canal-belt/"], "approves before approval");
    await page.goto(`${site.url}en/search/?q=approval`);
    assert.equal(await results(page), ["/en/canal-belt/", "/en/bike-lanes/"], "and the other way round");
  } finally {
    await page.close();
    await site.close();
  }
});

test.run();
