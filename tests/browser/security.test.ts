// Under the site's Content-Security-Policy, hostile article text never runs and nothing is fetched from elsewhere.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, serveStatic, type StaticServer } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let browser: Browser;
let server: StaticServer;

test.before(async () => {
  const out = await scratch("security");
  await build({ articles: "tests/fixtures/build/hostile", out, cwd: ROOT });
  server = await serveStatic(out);
  browser = await launchBrowser();
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and records dialogs, requests to other hosts, CSP violations and script errors. */
async function watch(url: string, act?: (page: Page) => Promise<void>) {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("request", (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== "127.0.0.1" && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  if (act) await act(page);
  await page.waitForTimeout(300);
  const hovered = await page.$$eval(".keyword", (els) => els.map((el) => el.getAttributeNames().join(" ")));
  await page.close();
  return { dialogs, foreign, errors, hovered };
}

for (const lang of ["en", "zh"]) {
  test(`the hostile ${lang} article shows its text and runs nothing`, async () => {
    const seen = await watch(`${server.url}${lang}/script-title/`, async (page) => {
      const title = await page.textContent("h1");
      assert.match(title ?? "", /<\/script><script>alert/);
      for (const link of await page.$$("a.keyword")) await link.hover();
      for (const link of await page.$$(".body a")) assert.not.match((await link.getAttribute("href")) ?? "", /^(javascript|data|vbscript):/i);
    });
    assert.equal(seen.dialogs, []);
    assert.equal(seen.foreign, []);
    assert.equal(seen.errors, []);
    for (const attributes of seen.hovered) assert.equal(attributes.split(" ").sort(), ["class", "href"]);
  });
}

test("the home page and search under the CSP: search works and finds the hostile story as text", async () => {
  const home = await watch(`${server.url}en/`);
  assert.equal(home.dialogs, []);
  const search = await watch(`${server.url}en/search/?q=breaking`, async (page) => {
    await page.waitForSelector(".search-results a.result-title", { timeout: 10_000 });
    assert.match((await page.textContent(".search-results a.result-title")) ?? "", /<\/script><script>alert/);
  });
  assert.equal(search.dialogs, []);
  assert.equal(search.foreign, []);
  assert.equal(search.errors, []);
});

test.run();
