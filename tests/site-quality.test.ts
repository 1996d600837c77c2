// Whole-site checks of the sample site: valid HTML, no broken internal links, feeds and sitemaps that parse.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import Parser from "rss-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { exists, extractLinks, linkTarget, listFiles, servedPath } from "./helpers/site.ts";
import { readOut, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
// 2024-06-03 12:00 in Shanghai: the panda story (2024-06-02) is inside the news sitemap's two days.
const BUILD_TIME = "1717387200";
const sites: { name: string; out: string; prefix: string; origin: string }[] = [];

test.before(async () => {
  process.env.SOURCE_DATE_EPOCH = BUILD_TIME;
  for (const [name, baseUrl] of [["root", "https://news.example.org/"], ["sub-path", "https://example.org/news/"]] as const) {
    const out = await scratch(`quality-${name}`);
    // Dated after 2024-06-03, the newer sample stories would be held back: --future keeps the whole sample in.
    await build({ articles: "articles", out, cwd: ROOT, baseUrl, future: true });
    const url = new URL(baseUrl);
    sites.push({ name, out, prefix: url.pathname, origin: url.origin });
  }
});

test.after(() => {
  delete process.env.SOURCE_DATE_EPOCH;
});

test("every page of the sample site is valid HTML (html-validate, recommended rules)", async () => {
  const { out } = sites[0]!;
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
  const pages = await listFiles(out, ".html");
  assert.ok(pages.length > 30, `${pages.length} pages`);
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(await readOut(out, page), page);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }
  }
  assert.equal(problems, []);
});

for (const which of ["root", "sub-path"]) {
  test(`no broken internal links or assets (${which})`, async () => {
    const site = sites.find((s) => s.name === which)!;
    const broken: string[] = [];
    let checked = 0;
    for (const page of await listFiles(site.out, ".html")) {
      const html = await readOut(site.out, page);
      const pagePath = page === "404.html" ? "/" : servedPath(page);
      for (const link of extractLinks(html)) {
        const target = linkTarget(link, pagePath, site.prefix, site.origin);
        if (target === null) continue;
        checked++;
        if (!(await exists(site.out, target))) broken.push(`${page}: ${link}`);
      }
    }
    assert.ok(checked > 300, `only ${checked} links checked`);
    assert.equal(broken, []);
  });
}

test("Atom feeds parse with a feed parser and list the language's newest stories with absolute URLs", async () => {
  const { out } = sites[1]!;
  const parser = new Parser();
  for (const lang of ["zh", "en"]) {
    const feed = await parser.parseString(await readOut(out, `${lang}/feed.xml`));
    // The shipped site.yaml is the sample newsroom's: its name titles the feeds.
    assert.is(feed.title, lang === "zh" ? "江城日报" : "Jiangcheng Daily");
    assert.ok(feed.items.length >= 3);
    for (const item of feed.items) {
      assert.match(item.link ?? "", new RegExp(`^https://example\\.org/news/${lang}/`));
      assert.ok(item.title && item.isoDate, JSON.stringify(item));
    }
    const dates = feed.items.map((i) => i.isoDate!);
    assert.equal(dates, [...dates].sort().reverse(), "newest first");
  }
});

test("JSON feeds are JSON Feed 1.1 with a language", async () => {
  const { out } = sites[1]!;
  const feed = JSON.parse(await readOut(out, "en/feed.json")) as Record<string, unknown> & { items: Record<string, unknown>[] };
  assert.is(feed.version, "https://jsonfeed.org/version/1.1");
  assert.is(feed.language, "en");
  assert.is(feed.feed_url, "https://example.org/news/en/feed.json");
  assert.ok(feed.items.length >= 3);
  for (const item of feed.items) assert.ok(typeof item.id === "string" && typeof item.content_html === "string" && typeof item.date_published === "string");
});

test("the sitemap lists every page, with hreflang alternates (and x-default) for translated stories only", async () => {
  const { out } = sites[0]!;
  const xml = await readOut(out, "sitemap.xml");
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const pages = (await listFiles(out, ".html")).filter((p) => p !== "404.html" && !p.includes("/search/") && !p.includes("/offline/"));
  assert.is(locs.length, pages.length);
  const translated = xml.match(/<url>\s*<loc>https:\/\/news\.example\.org\/zh\/shanghai-metro-night\/<\/loc>[\s\S]*?<\/url>/)![0];
  assert.match(translated, /hreflang="zh-CN" href="https:\/\/news\.example\.org\/zh\/shanghai-metro-night\/"/);
  assert.match(translated, /hreflang="en" href="https:\/\/news\.example\.org\/en\/shanghai-metro-night\/"/);
  assert.match(translated, /hreflang="x-default"/);
  const single = xml.match(/<url>\s*<loc>https:\/\/news\.example\.org\/zh\/high-speed-rail-tibet\/<\/loc>[\s\S]*?<\/url>/)![0];
  assert.not.match(single, /xhtml:link/);
  const robots = await readOut(out, "robots.txt");
  assert.match(robots, /Sitemap: https:\/\/news\.example\.org\/sitemap\.xml/);
});

test("the Google News sitemap holds exactly the stories of the two days before the build time", async () => {
  const { out } = sites[0]!;
  const xml = await readOut(out, "news-sitemap.xml");
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  assert.equal(locs, ["https://news.example.org/zh/panda-cubs/", "https://news.example.org/en/chengdu-panda-twins/"]);
  assert.match(xml, /<news:language>zh-cn<\/news:language>/);
  assert.match(xml, /<news:publication_date>2024-06-02T00:00:00\+08:00<\/news:publication_date>/);
});

test("article pages carry canonical, Open Graph and NewsArticle JSON-LD linking the translation", async () => {
  const { out } = sites[1]!;
  const zh = await readOut(out, "zh/panda-cubs/index.html");
  assert.match(zh, /<link rel="canonical" href="https:\/\/example\.org\/news\/zh\/panda-cubs\/">/);
  assert.match(zh, /<meta property="og:locale" content="zh_CN">/);
  assert.match(zh, /<meta property="og:locale:alternate" content="en_US">/);
  assert.match(zh, /<meta property="article:published_time" content="2024-06-02T00:00:00\+08:00">/);
  assert.match(zh, /<meta property="article:tag" content="大熊猫">/);
  const ld = JSON.parse(zh.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)![1]!) as Record<string, unknown>;
  assert.is(ld["@type"], "NewsArticle");
  assert.is(ld.inLanguage, "zh-CN");
  assert.is(ld.datePublished, "2024-06-02T00:00:00+08:00");
  assert.is(ld.isBasedOn, "https://example.com/news/panda-twins");
  assert.equal(ld.keywords, ["大熊猫", "成都", "野生动物保护"]);
  assert.is((ld.workTranslation as { url: string }).url, "https://example.org/news/en/chengdu-panda-twins/");
  const en = await readOut(out, "en/chengdu-panda-twins/index.html");
  const enLd = JSON.parse(en.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)![1]!) as Record<string, unknown>;
  assert.is((enLd.translationOfWork as { url: string }).url, "https://example.org/news/zh/panda-cubs/");
  const single = await readOut(out, "zh/high-speed-rail-tibet/index.html");
  assert.not.match(single, /og:locale:alternate|hreflang="x-default"|workTranslation/);
});

test("keyword index is sorted by count and archives group stories by year and month", async () => {
  const { out } = sites[0]!;
  const index = await readOut(out, "en/keywords/index.html");
  const counts = [...index.matchAll(/<span class="count">(\d+) stor/g)].map((m) => Number(m[1]));
  assert.equal(counts, [...counts].sort((a, b) => b - a));
  const months = await readOut(out, "zh/archive/index.html");
  assert.match(months, /href="\/zh\/archive\/2024\/01\/">2024年1月<\/a>/);
  const january = await readOut(out, "en/archive/2024/01/index.html");
  assert.match(january, /us-cloud-ai-restrictions/);
  const readFirst = await readFile(path.join(out, "404.html"), "utf8");
  assert.match(readFirst, /action="\/zh\/search\/"[\s\S]*action="\/en\/search\/"/);
});

test.run();
