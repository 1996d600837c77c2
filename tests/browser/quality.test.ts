// Accessibility (axe-core, 0 violations, light and dark), layout from 320 px up, and photos that cannot shift the layout.
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, serveStatic, type StaticServer } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Screenshots for people to look at; CI keeps this folder as an artifact (scripts/screenshots.ts makes the design set). */
export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots");
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Each page type of the sample site; a page with one address for both languages is checked once. */
const PAGES: Record<string, Record<"zh" | "en", string>> = {
  root: { zh: "", en: "" },
  // The front page: lead story with its photo, latest stories, section blocks.
  front: { zh: "zh/", en: "en/" },
  // A story with a lead photo, caption and credit, bylines, a section and related stories.
  article: { zh: "zh/shanghai-metro-night/", en: "en/shanghai-metro-night/" },
  section: { zh: "zh/sections/city/", en: "en/sections/city/" },
  // An author with a bio.
  author: { zh: "zh/authors/li-wei/", en: "en/authors/li-wei/" },
  keyword: { zh: "zh/keywords/大熊猫/", en: "en/keywords/giant-panda/" },
  archive: { zh: "zh/archive/2024/", en: "en/archive/2024/" },
  search: { zh: "zh/search/?q=地铁", en: "en/search/?q=metro" },
  "404": { zh: "404.html", en: "404.html" },
  // A page the newsroom wrote (pages/<lang>/about.md), in the site's layout.
  page: { zh: "zh/about/", en: "en/about/" },
};
const VISITS = Object.entries(PAGES).flatMap(([kind, byLang]) => (byLang.zh === byLang.en ? [{ kind, lang: "zh" as const, url: byLang.zh }] : (["zh", "en"] as const).map((lang) => ({ kind, lang, url: byLang[lang] }))));

let browser: Browser;
let server: StaticServer;

test.before(async () => {
  const out = await scratch("quality-browser");
  await build({ articles: "articles", out, cwd: ROOT });
  server = await serveStatic(out);
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, kind: string, url: string): Promise<void> {
  await page.goto(`${server.url}${url}`);
  if (kind === "search") await page.waitForSelector(".search-results a.result-title");
}

for (const { kind, lang, url } of VISITS) {
  test(`${kind} (${lang}): no axe-core violations, light and dark`, async () => {
    for (const scheme of ["light", "dark"] as const) {
      // bypassCSP only so axe itself can be injected; the CSP is tested on its own elsewhere.
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await open(page, kind, url);
      await page.addScriptTag({ content: await AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run();
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.equal(violations, [], `${scheme} scheme`);
      await context.close();
    }
  });
}

test("the front page and a story show their photos: sized, the lead one loaded first, the rest lazily", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const url of ["zh/", "en/", "en/shanghai-metro-night/"]) {
    await page.goto(`${server.url}${url}`);
    const photos = await page.$$eval("picture img", (imgs) => imgs.map((img) => ({ width: img.getAttribute("width"), height: img.getAttribute("height"), loading: img.getAttribute("loading"), priority: img.getAttribute("fetchpriority"), alt: img.getAttribute("alt") })));
    assert.ok(photos.length >= 1, `${url} shows a photo`);
    for (const photo of photos) assert.ok(Number(photo.width) > 0 && Number(photo.height) > 0, `${url}: every photo has width and height`);
    const [lead, ...rest] = photos;
    assert.ok(lead!.loading === null && lead!.priority === "high", `${url}: the lead photo loads eagerly, first`);
    assert.ok(lead!.alt, `${url}: the lead photo says what it shows`);
    assert.ok(rest.every((p) => p.loading === "lazy" && p.priority === null), `${url}: every other photo is lazy`);
    const loaded = await page.$eval("picture img", (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
    assert.ok(loaded, `${url}: the lead photo loads`);
  }
  await page.close();
});

test("every page type fits 320 px without sideways scrolling; screenshots at 375 and 1280 px", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  for (const { kind, lang, url } of VISITS) {
    await open(page, kind, url);
    for (const width of [320, 375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${kind} ${lang} at ${width}px scrolls sideways by ${overflow}px`);
      if (width !== 320) await page.screenshot({ path: path.join(SCREENSHOTS, `${kind}-${lang}-${width}.png`) });
    }
  }
  await page.close();
});

test.run();
