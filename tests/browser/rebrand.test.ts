// The rebranded site in a browser: the newsroom's logo loads, its colour is the accent, and a screenshot
// of its home page is left in artifacts/rebrand-home.png (the chooser at / in artifacts/rebrand-chooser.png).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, serveStatic, type StaticServer } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ARTIFACTS = path.join(ROOT, "artifacts");
let browser: Browser;
let server: StaticServer;

test.before(async () => {
  const out = await scratch("browser-rebrand");
  // The fixture's site.yaml says the site lives under /news/: it is served there.
  await build({ articles: "tests/fixtures/build/mixed", out, cwd: ROOT, siteConfig: "tests/fixtures/site/rebrand" });
  server = await serveStatic(out, "/news/");
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

test("the home page shows the newsroom's name, logo, colour, links and footer", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}zh/`);
  assert.is((await page.textContent(".brand"))?.trim(), "海港晚报");
  const logoWidth = await page.$eval(".brand-logo", (img) => (img as HTMLImageElement).naturalWidth);
  assert.ok(logoWidth > 0, "the logo loaded");
  const accent = await page.$eval(".search-form button", (b) => getComputedStyle(b).backgroundColor);
  assert.is(accent, "rgb(15, 107, 58)");
  assert.ok(await page.isVisible('.site-nav a[href="https://shop.harbour.example.net/"]'));
  assert.ok(await page.isVisible('.site-nav a[href="/news/zh/contact/"]'));
  assert.match((await page.textContent(".site-footer-text")) ?? "", /海港晚报 编辑部/);
  await page.screenshot({ path: path.join(ARTIFACTS, "rebrand-home.png"), fullPage: true });
  await page.goto(server.url);
  assert.match((await page.textContent("h1")) ?? "", /海港晚报.*Harbour Evening Post/s);
  await page.screenshot({ path: path.join(ARTIFACTS, "rebrand-chooser.png") });
  await page.close();
});

test.run();
