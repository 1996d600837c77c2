// `tsx scripts/screenshots.ts [--site DIR] [--out DIR]`: PNGs of the main page types in both languages at 375 and 1280 px.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { build } from "../src/build.ts";
import { launchBrowser, serveStatic } from "../tests/browser/harness.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const WIDTHS = [375, 1280] as const;
/** Viewport heights: a phone screen, and a laptop's first screen (viewport shots keep each PNG small). */
const HEIGHTS: Record<(typeof WIDTHS)[number], number> = { 375: 812, 1280: 900 };

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    out: { type: "string", default: path.join(ROOT, "artifacts", "design") },
  },
});

/** Builds the sample site (articles/, site.yaml) into a temporary folder, unless `--site` names a built one. */
async function siteFolder(): Promise<{ dir: string; temporary: boolean }> {
  if (values.site) return { dir: path.resolve(values.site), temporary: false };
  const dir = await mkdtemp(path.join(os.tmpdir(), "duet-screenshots-"));
  await build({ articles: "articles", out: path.join(dir, "site"), cwd: ROOT });
  return { dir: path.join(dir, "site"), temporary: true };
}

/**
 * The pages to photograph in one language, found by following the front page's links (so no URL scheme is assumed):
 * the root, the front, the first story with a lead photo, the first section page and the first author page.
 */
async function pagesOf(browser: Browser, base: string, lang: "zh" | "en"): Promise<Record<string, string>> {
  const page = await browser.newPage();
  await page.goto(`${base}${lang}/`);
  const hrefs = (selector: string) => page.$$eval(selector, (links) => links.map((a) => (a as HTMLAnchorElement).href));
  const stories = [...(await hrefs(".lead-title a")), ...(await hrefs(".card-title a"))];
  const sections = await hrefs(".lead-story a.kicker, .section-block .block-title a, .entry-meta a.kicker");
  let article: string | undefined;
  let author: string | undefined;
  for (const story of stories) {
    await page.goto(story);
    author ??= (await hrefs(".byline a"))[0];
    if (await page.$(".lead-figure img")) article = story;
    if (article && author) break;
  }
  await page.close();
  const found: Record<string, string | undefined> = { root: base, home: `${base}${lang}/`, article, section: sections[0], author };
  return Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Waits until the images in the viewport have loaded (lazy ones below it never start). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.images].filter((img) => img.getBoundingClientRect().top < innerHeight).every((img) => img.complete));
}

async function main(): Promise<void> {
  const site = await siteFolder();
  const server = await serveStatic(site.dir);
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    await mkdir(values.out!, { recursive: true });
    for (const lang of ["zh", "en"] as const) {
      for (const [kind, url] of Object.entries(await pagesOf(browser, server.url, lang))) {
        if (kind === "root" && lang === "en") continue;
        for (const width of WIDTHS) {
          const page = await browser.newPage({ viewport: { width, height: HEIGHTS[width] } });
          await page.goto(url);
          await settle(page);
          const file = path.join(values.out!, kind === "root" ? `root-${width}.png` : `${kind}-${lang}-${width}.png`);
          await page.screenshot({ path: file });
          written.push(path.relative(ROOT, file));
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    if (site.temporary) await rm(path.dirname(site.dir), { recursive: true, force: true });
  }
  console.log(written.join("\n"));
}

await main();
