// A newsroom's build end to end: photos processed and shown, bylines and sections with their pages, drafts
// kept out of every output, embargoed stories held back until their time (or --future), bad photos refused.
import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { BuildError } from "../src/diagnostics.ts";
import type { BuildReport } from "../src/report.ts";
import { pinBuildTime } from "./helpers/epoch.ts";
import { exists, listFiles, linkTarget, servedPath } from "./helpers/site.ts";
import { readOut, scratch } from "./helpers/tree.ts";

const test = suite("news build");
pinBuildTime(test);

const SITE = `name: { zh: 江城日报, en: Jiangcheng Daily }
sections:
  city: { zh: 本地, en: City }
  business: { zh: 财经, en: Business }
authors:
  li-wei:
    name: { zh: 李伟, en: Li Wei }
    bio: { zh: 李伟是本报城市版记者。, en: Li Wei reports on the city. }
`;

const story = (lines: string[], body: string) => ["---", ...lines, "---", body, ""].join("\n");

/** The sources: a pier story with a lead photo and an inline one, a draft, an embargoed story, a plain business story. */
const SOURCES: Record<string, string> = {
  "2024/pier.zh.md": story(["title: 码头重新开放", "date: 2024-03-01", "keywords: [码头, 夜景]", "author: 李伟", "section: city", "image: images/pier.png", "image_alt: 夜色中的码头", "image_caption: 码头灯火", "image_credit: 李伟"], "码头周五重新开放。\n\n![码头旧照](images/old.png)\n"),
  "2024/pier.en.md": story(["title: Pier Reopens", "date: 2024-03-01", "keywords: [pier, night]", "author: li-wei", "section: city", "image: images/pier.png", "image_alt: The pier at night", "featured: true"], "The pier reopened on Friday.\n"),
  "2024/market.en.md": story(["title: Night Market Grows", "date: 2024-03-02", "keywords: [night, market]", "author: [Li Wei, Ada Osei]", "section: business"], "The night market added forty stalls.\n"),
  "2024/wip.en.md": story(["title: Secret Plans Zebracorn", "date: 2024-03-03", "draft: true"], "Zebracorn draft text.\n"),
  "2024/later.en.md": story(["title: Cable Car Quagga Opens", "date: 2031-01-01T09:00:00+08:00"], "Quagga embargoed text.\n"),
};

/** Writes the project (site.yaml, articles, two photos) into a fresh folder; returns it. */
async function project(extra: Record<string, string> = {}): Promise<string> {
  const dir = await scratch("news-build");
  await writeFile(path.join(dir, "site.yaml"), SITE);
  for (const [name, text] of Object.entries({ ...SOURCES, ...extra })) {
    await mkdir(path.dirname(path.join(dir, "articles", name)), { recursive: true });
    await writeFile(path.join(dir, "articles", name), text);
  }
  await mkdir(path.join(dir, "articles/2024/images"), { recursive: true });
  const photo = (width: number, height: number, colour: string) => sharp({ create: { width, height, channels: 3, background: colour } }).png().toFile(path.join(dir, "articles/2024/images", colour === "#246" ? "pier.png" : "old.png"));
  await photo(1200, 800, "#246");
  await photo(640, 480, "#963");
  return dir;
}

let dir = "";
let out = "";
let report: BuildReport;
let heldBack: string[] = [];

test.before(async () => {
  dir = await project();
  out = path.join(dir, "dist");
  const result = await build({ articles: "articles", out: "dist", cwd: dir, siteConfig: "site.yaml", report: "report.json", root: path.resolve(import.meta.dirname, "..") });
  heldBack = result.heldBack.map((a) => a.file);
  report = JSON.parse(await readFile(path.join(dir, "report.json"), "utf8")) as BuildReport;
});

test("a draft is in no page, list, feed, sitemap, search index or the report's published list", async () => {
  const files = await listFiles(out, "");
  for (const file of files) {
    const bytes = await readFile(path.join(out, file));
    // Pagefind's index files are gzipped: look inside them too.
    const text = file.startsWith("pagefind/") && bytes[0] === 0x1f ? gunzipSync(bytes).toString("latin1") : bytes.toString("utf8");
    assert.not.ok(/Zebracorn|Quagga/.test(text), `${file} mentions a story that is not published`);
  }
  assert.ok(files.some((f) => f.startsWith("pagefind/fragment/")), "the search index was looked at");
  assert.equal(report.stories.map((s) => s.id).sort(), ["market", "pier"]);
  assert.equal(report.drafts.map((d) => d.file), ["articles/2024/wip.en.md"]);
});

test("an embargoed story is held back with its release time, and --future publishes it", async () => {
  assert.equal(heldBack, ["articles/2024/later.en.md"]);
  assert.equal(report.heldBack.map((v) => [v.file, v.releases]), [["articles/2024/later.en.md", "2031-01-01T09:00:00+08:00"]]);
  const future = path.join(dir, "future");
  await build({ articles: "articles", out: "future", cwd: dir, siteConfig: "site.yaml", future: true, root: path.resolve(import.meta.dirname, "..") });
  assert.ok(await exists(future, "en/later/index.html"));
  assert.not.ok(await exists(future, "en/wip/index.html"), "--future never publishes a draft");
});

test("the lead photo is a <picture> in AVIF, WebP and a fallback, sized, not lazy, with caption and credit", async () => {
  const html = await readOut(out, "zh/pier/index.html");
  const figure = /<figure[^>]*>[\s\S]*?<\/figure>/.exec(html)?.[0] ?? "";
  assert.match(figure, /<source[^>]+type="image\/avif"/);
  assert.match(figure, /<source[^>]+type="image\/webp"/);
  assert.match(figure, /<img[^>]+width="960"[^>]+height="640"/, "the largest rendition's size: the aspect ratio is kept");
  assert.match(figure, /fetchpriority="high"/);
  assert.not.match(figure, /loading="lazy"/);
  assert.match(figure, /码头灯火/);
  assert.match(figure, /李伟/);
  const widths = [...figure.matchAll(/-(\d+)\.avif (\d+)w/g)].map((m) => Number(m[2]));
  // A 1200-px original: 1600 would be an upscale, and 1200 too close to 960 to be worth its bytes (eleventy-img's 1.25 threshold).
  assert.equal(widths, [480, 960], "never upscaled past the original");
});

test("an inline photo becomes a lazy <picture>; every src and srcset on every page resolves to a file", async () => {
  const html = await readOut(out, "zh/pier/index.html");
  const body = /<div class="body">[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
  const inline = /<picture>[\s\S]*?<\/picture>/.exec(body)?.[0] ?? "";
  assert.match(inline, /alt="码头旧照"/);
  assert.match(inline, /loading="lazy"/);
  assert.not.match(body, /src="images\//);
  for (const file of await listFiles(out, ".html")) {
    const page = await readOut(out, file);
    const srcsets = [...page.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) => m[1]!.split(",").map((part) => part.trim().split(" ")[0]!));
    const links = [...page.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    for (const link of [...links, ...srcsets]) {
      const target = linkTarget(link, servedPath(file), "/", "http://localhost:8080");
      if (target) assert.ok(await exists(out, target), `${file} links ${link}, which is not in the output`);
    }
  }
});

test("bylines and sections: linked pages per language, a bio, section feeds, JSON-LD and a large card", async () => {
  const html = await readOut(out, "en/pier/index.html");
  assert.match(html, /href="\/en\/authors\/li-wei\/"[^>]*>Li Wei</);
  assert.match(html, /href="\/en\/sections\/city\/"/);
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
  assert.equal(jsonLd.author, [{ "@type": "Person", name: "Li Wei", url: "http://localhost:8080/en/authors/li-wei/" }]);
  assert.is(jsonLd.articleSection, "City");
  assert.match(String((jsonLd.image as string[])[0]), /^http:\/\/localhost:8080\/media\/.+\.(png|jpeg)$/);
  assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
  const author = await readOut(out, "zh/authors/li-wei/index.html");
  assert.match(author, /李伟是本报城市版记者。/);
  assert.match(author, /码头重新开放/);
  assert.ok(await exists(out, "en/authors/ada-osei/index.html"), "an author site.yaml does not list still gets a page");
  assert.ok(await exists(out, "en/sections/business/feed.xml"));
  const cityFeed = await readOut(out, "en/sections/city/feed.xml");
  assert.match(cityFeed, /<title>Jiangcheng Daily · City<\/title>/);
  assert.match(cityFeed, /<author><name>Li Wei<\/name><\/author>/);
  assert.match(cityFeed, /<link rel="enclosure" href="http:\/\/localhost:8080\/media\//);
});

test("related stories: the earlier pier story (keyword 'night') ends the market story's page, not the other way round", async () => {
  const after = (html: string) => html.slice(html.indexOf('class="body"'));
  assert.match(after(await readOut(out, "en/market/index.html")), /class="related"[\s\S]*href="\/en\/pier\/"/);
  assert.not.match(after(await readOut(out, "en/pier/index.html")), /class="related"/, "publishing the market story did not change the pier story's page");
});

test("hostile bylines, captions, credits and alt text are escaped on every page, feed and JSON-LD", async () => {
  const evil = "</script><script>alert(1)</script>";
  const hostile = await project({
    "2024/evil.en.md": story([`title: Evil`, "date: 2024-03-05", `author: "${evil}"`, "image: images/pier.png", `image_alt: '" onerror="alert(1)'`, "image_caption: <img src=x onerror=alert(1)>", `image_credit: "${evil}"`], "Text.\n"),
  });
  const site = path.join(hostile, "dist");
  await build({ articles: "articles", out: "dist", cwd: hostile, siteConfig: "site.yaml", root: path.resolve(import.meta.dirname, "..") });
  // JSON feeds carry the name as data (a JSON string), which is what they are for; markup is what must never get through.
  const files = (await listFiles(site, "")).filter((f) => /\.(html|xml)$/.test(f));
  for (const file of files) {
    const text = await readOut(site, file);
    assert.not.match(text, /<script>alert|<img src=x|" onerror="/, `${file} carries hostile markup unescaped`);
  }
  const feed = JSON.parse(await readOut(site, "en/feed.json")) as { items: { title: string; authors?: { name: string }[] }[] };
  assert.equal(feed.items.find((item) => item.title === "Evil")?.authors, [{ name: evil }]);
  assert.ok(files.some((f) => f.startsWith("en/authors/") && f.includes("alert")), "the author still gets a page");
});

test("a missing photo, one outside the articles folder and one that is not an image are errors on their lines, and dist/ stays as it was", async () => {
  const bad = await project({
    "2024/gone.en.md": story(["title: Gone", "date: 2024-03-04", "image: images/nope.jpg", "image_alt: Nothing"], "Text.\n"),
    "2024/escape.en.md": story(["title: Escape", "date: 2024-03-04", "image: ../../site.yaml", "image_alt: Nothing"], "Text.\n"),
    "2024/text.en.md": story(["title: Text", "date: 2024-03-04", "image: images/fake.jpg", "image_alt: Nothing"], "Text.\n"),
  });
  await writeFile(path.join(bad, "articles/2024/images/fake.jpg"), "this is not a photo");
  const photoFolders = async () => (await readdir(tmpdir())).filter((name) => name.startsWith("duet-images-")).sort();
  const before = await photoFolders();
  try {
    await build({ articles: "articles", out: "dist", cwd: bad, siteConfig: "site.yaml", root: path.resolve(import.meta.dirname, "..") });
    assert.unreachable("the build must fail");
  } catch (caught) {
    assert.instance(caught, BuildError);
    const lines = (caught as BuildError).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}: ${d.code}`);
    assert.equal(lines, ["articles/2024/escape.en.md:4: image/outside-articles", "articles/2024/gone.en.md:4: image/not-found", "articles/2024/text.en.md:4: image/undecodable"]);
    const gone = (caught as BuildError).diagnostics.find((d) => d.code === "image/not-found")!;
    assert.match(gone.message, /^image "images\/nope\.jpg" not found/);
  }
  assert.equal(await readdir(bad).then((names) => names.includes("dist")), false, "nothing was published");
  assert.equal(await photoFolders(), before, "the good photos' renditions, made in a temp folder without a cache, are gone");
});

test.run();
