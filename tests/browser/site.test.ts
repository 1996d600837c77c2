import path from "node:path";
import type { Browser } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, serveStatic, type StaticServer } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let browser: Browser;
let server: StaticServer;
let subServer: StaticServer;

test.before(async () => {
  const out = await scratch("browser");
  const subOut = await scratch("browser-sub");
  await build({ articles: "tests/fixtures/build/mixed", out, cwd: ROOT });
  await build({ articles: "tests/fixtures/build/mixed", out: subOut, cwd: ROOT, baseUrl: "https://example.org/news/" });
  server = await serveStatic(out);
  subServer = await serveStatic(subOut, "/news/");
  browser = await launchBrowser();
});

test.after(async () => {
  await browser?.close();
  await server?.close();
  await subServer?.close();
});

test("the language switch moves between the two versions of a story", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}zh/budget/`);
  assert.is(await page.getAttribute("html", "lang"), "zh-CN");
  await page.click("a.lang-switch");
  await page.waitForURL(/\/en\/budget\/$/);
  assert.is(await page.getAttribute("html", "lang"), "en");
  assert.is(await page.textContent("h1"), "City Publishes Draft Annual Budget");
  await page.click("a.lang-switch");
  await page.waitForURL(/\/zh\/budget\/$/);
  await page.close();
});

test("a one-language story switches to the other language's home", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}en/tech-fair/`);
  await page.click("a.lang-switch");
  await page.waitForURL(/\/zh\/$/);
  assert.is(await page.getAttribute("html", "lang"), "zh-CN");
  await page.close();
});

test("without script, the root page's headlines and language choice lead to the stories and front pages", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  for (const lang of ["zh", "en"]) {
    const headlines = await page.$$eval(`#edition-${lang} ~ .headlines a`, (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(headlines.length > 0 && headlines.every((url) => url.startsWith(`/${lang}/`)), `${lang}: ${headlines.join(" ")}`);
  }
  await page.click('.language-choice a[hreflang="en"]');
  await page.waitForURL(/\/en\/$/);
  assert.is(await page.getAttribute("html", "lang"), "en");
  const lead = (await page.textContent(".lead-title a"))?.trim();
  await page.click(".lead-title a");
  await page.waitForURL(/\/en\/[^/]+\/$/);
  assert.is(await page.textContent("h1"), lead);
  await context.close();
});

/** Types `query` into the header box of a page and returns the result links once they appear. */
async function searchFrom(base: string, lang: string, query: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${base}${lang}/`);
  await page.fill("#site-search", query);
  await page.press("#site-search", "Enter");
  await page.waitForURL(/\/search\/\?q=/);
  await page.waitForSelector(".search-results a.result-title", { timeout: 10_000 });
  const links = await page.$$eval(".search-results a.result-title", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await page.close();
  return links;
}

test("searching a word of the seed in English finds the English page", async () => {
  const links = await searchFrom(server.url, "en", "cloud");
  assert.equal(links, ["/en/cloud-ai/"]);
});

test("searching a word of the seed in Chinese finds the Chinese page", async () => {
  const links = await searchFrom(server.url, "zh", "外交部");
  assert.equal(links, ["/zh/cloud-ai/"]);
});

test("search works under a sub-path base URL", async () => {
  const links = await searchFrom(subServer.url, "en", "budget");
  assert.equal(links, ["/news/en/budget/"]);
  assert.ok(subServer.requests.some((r) => r.startsWith("/news/pagefind/")));
  assert.not.ok(subServer.requests.some((r) => !r.startsWith("/news/")), subServer.requests.join(" "));
});

test.run();
