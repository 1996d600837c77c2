// Accessibility (axe-core, 0 violations) and screenshots of the main page types in both languages.
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build.ts";
import { scratch } from "../helpers/tree.ts";
import { launchBrowser, serveStatic, type StaticServer } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Screenshots for people to look at; CI keeps this folder as an artifact. */
export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots");
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const PAGES: Record<string, Record<"zh" | "en", string>> = {
  home: { zh: "zh/", en: "en/" },
  article: { zh: "zh/shanghai-metro-night/", en: "en/shanghai-metro-night/" },
  keyword: { zh: "zh/keywords/大熊猫/", en: "en/keywords/giant-panda/" },
  archive: { zh: "zh/archive/2024/", en: "en/archive/2024/" },
  search: { zh: "zh/search/?q=地铁", en: "en/search/?q=metro" },
  "404": { zh: "404.html", en: "404.html" },
  // A page the newsroom wrote (pages/<lang>/about.md), in the site's layout.
  page: { zh: "zh/about/", en: "en/about/" },
};

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

for (const [kind, byLang] of Object.entries(PAGES)) {
  for (const lang of ["zh", "en"] as const) {
    test(`${kind} (${lang}): no axe-core violations, light and dark`, async () => {
      for (const scheme of ["light", "dark"] as const) {
        // bypassCSP only so axe itself can be injected; the CSP is tested on its own elsewhere.
        const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${server.url}${byLang[lang]}`);
        if (kind === "search") await page.waitForSelector(".search-results a.result-title");
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
}

test("screenshots of every page type in both languages at 375 and 1280 px", async () => {
  let taken = 0;
  for (const [kind, byLang] of Object.entries(PAGES)) {
    for (const lang of ["zh", "en"] as const) {
      for (const width of [375, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${server.url}${byLang[lang]}`);
        if (kind === "search") await page.waitForSelector(".search-results a.result-title");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${kind} ${lang} at ${width}px scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${kind}-${lang}-${width}.png`), fullPage: true });
        await page.close();
        taken++;
      }
    }
  }
  assert.is(taken, Object.keys(PAGES).length * 4);
});

test.run();
