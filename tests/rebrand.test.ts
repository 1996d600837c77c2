// The rebrand: a site.yaml of another newsroom, and nothing else changed, leaves no trace of Duet's
// names in any output file; its name, logo, colour, links, footer, zone and pages are where they belong.
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { BuildError } from "../src/diagnostics.ts";
import { parseBaseUrl } from "../src/render/index.ts";
import type { BuildReport } from "../src/report.ts";
import { hashTree, readOut, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const ARTICLES = "tests/fixtures/build/mixed";
const BRAND = "tests/fixtures/site/rebrand";
const DEFAULT_NAMES = ["Duet 双语新闻", "Duet Bilingual News"];
const TEXT_RE = /\.(html|xml|json|webmanifest|js|txt|css|svg)$|^_headers$/;

let out = "";
let report: BuildReport;

test.before(async () => {
  out = await scratch("rebrand");
  const reportFile = path.join(out, "..", `${path.basename(out)}.json`);
  await build({ articles: ARTICLES, out, cwd: ROOT, siteConfig: BRAND, report: reportFile, production: true });
  report = JSON.parse(await readFile(reportFile, "utf8")) as BuildReport;
});

test("no output file holds Duet's default names", async () => {
  const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(out, path.join(e.parentPath, e.name)));
  const scanned = files.filter((f) => TEXT_RE.test(path.basename(f)));
  assert.ok(scanned.length > 50, `only ${scanned.length} files scanned`);
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(out, file), "utf8");
    for (const name of DEFAULT_NAMES) if (text.includes(name)) found.push(`${file}: ${name}`);
  }
  assert.equal(found, []);
});

test("every page carries the new name, logo, colour, links and footer", async () => {
  for (const [file, name] of [["zh/index.html", "海港晚报"], ["en/budget/index.html", "Harbour Evening Post"], ["en/search/index.html", "Harbour Evening Post"], ["zh/offline/index.html", "海港晚报"]] as const) {
    const html = await readOut(out, file);
    assert.match(html, new RegExp(`<a class="brand" href="/news/(zh|en)/"><img class="brand-logo" src="/news/assets/logo\\.[0-9a-f]{10}\\.svg" alt="" height="32">${name}</a>`), file);
    assert.match(html, /<meta name="theme-color" content="#0f6b3a">/, file);
    assert.match(html, /<link rel="icon" href="\/news\/assets\/logo\.[0-9a-f]{10}\.svg" type="image\/svg\+xml">/, file);
    assert.match(html, new RegExp(`<meta property="og:site_name" content="${name}">`), file);
    assert.match(html, /<a href="https:\/\/shop\.harbour\.example\.net\/">/, file);
    assert.match(html, /<p class="site-footer-text">© (海港晚报 编辑部|Harbour Evening Post newsroom)<\/p>/, file);
  }
  const home = await readOut(out, "index.html");
  assert.match(home, /<title>海港晚报 · Harbour Evening Post<\/title>/);
  assert.match(home, /<meta name="theme-color" content="#0f6b3a">/);
  const notFound = await readOut(out, "404.html");
  assert.match(notFound, /content="#0f6b3a"/);
});

test("the stylesheet takes the theme colour, and the logo is copied under a fingerprinted name", async () => {
  const assets = await readdir(path.join(out, "assets"));
  const css = assets.find((f) => /^style\.[0-9a-f]{10}\.css$/.test(f))!;
  assert.match(await readOut(out, `assets/${css}`), /--accent: #0f6b3a;/);
  const logo = assets.find((f) => /^logo\.[0-9a-f]{10}\.svg$/.test(f))!;
  assert.is(await readOut(out, `assets/${logo}`), await readFile(path.join(ROOT, BRAND, "brand/mark.svg"), "utf8"));
});

test("both manifests name the newsroom and use its logo and colour", async () => {
  for (const lang of ["zh", "en"]) {
    const manifest = JSON.parse(await readOut(out, `${lang}/manifest.webmanifest`)) as Record<string, unknown> & { icons: { src: string; type: string }[] };
    assert.is(manifest.name, lang === "zh" ? "海港晚报" : "Harbour Evening Post");
    assert.is(manifest.short_name, lang === "zh" ? "海港" : "Harbour");
    assert.is(manifest.theme_color, "#0f6b3a");
    assert.equal(manifest.icons.map((i) => i.type), ["image/svg+xml"]);
    assert.match(manifest.icons[0]!.src, /^\/news\/assets\/logo\./);
  }
});

test("feeds, JSON-LD, the news sitemap and canonical links use the newsroom's name and url", async () => {
  const atom = await readOut(out, "en/feed.xml");
  assert.match(atom, /<title>Harbour Evening Post<\/title>/);
  assert.match(atom, /<subtitle>Evening news from Harbour City\.<\/subtitle>/);
  assert.match(atom, /<author><name>Harbour Evening Post<\/name><uri>https:\/\/harbour\.example\.net\/news\/en\/<\/uri><\/author>/);
  const json = JSON.parse(await readOut(out, "zh/feed.json")) as { title: string; description: string; authors: { name: string }[] };
  assert.equal([json.title, json.description, json.authors[0]!.name], ["海港晚报", "海港城的晚间新闻。", "海港晚报"]);
  const article = await readOut(out, "en/budget/index.html");
  assert.match(article, /"publisher":\{"@type":"Organization","name":"Harbour Evening Post","url":"https:\/\/harbour\.example\.net\/news\/en\/"\}/);
  assert.match(article, /<link rel="canonical" href="https:\/\/harbour\.example\.net\/news\/en\/budget\/">/);
  assert.match(await readOut(out, "sitemap.xml"), /<loc>https:\/\/harbour\.example\.net\/news\/zh\/contact\/<\/loc>/);
});

test("a site path in nav that no page has is a warning on its line of site.yaml", async () => {
  const fixture = "tests/fixtures/site/nav-broken";
  const result = await build({ articles: ARTICLES, out: await scratch("rebrand-nav"), cwd: ROOT, siteConfig: fixture });
  const broken = result.diagnostics.filter((d) => d.code === "site/nav-broken").map((d) => `${d.file}:${d.line}`);
  assert.equal(broken, [`${fixture}/site.yaml:5`, `${fixture}/site.yaml:6`]);
});

test("--base-url overrides site.yaml's url; a bare path keeps site.yaml's origin", () => {
  assert.equal(parseBaseUrl("https://mirror.example.com/", "https://harbour.example.net/news/"), { origin: "https://mirror.example.com", pathPrefix: "/" });
  assert.equal(parseBaseUrl("/evening/", "https://harbour.example.net/news/"), { origin: "https://harbour.example.net", pathPrefix: "/evening/" });
  assert.equal(parseBaseUrl(undefined, "https://harbour.example.net/news/"), { origin: "https://harbour.example.net", pathPrefix: "/news/" });
  assert.equal(parseBaseUrl(undefined), { origin: "http://localhost:8080", pathPrefix: "/" });
});

test("a bare date is read in site.yaml's time zone", () => {
  const river = report.stories.find((s) => s.id === "river-cleanup")!;
  assert.is(river.versions.en?.date, "2024-03-01T00:00:00+00:00");
});

test("the newsroom's pages are built at their URLs, in the layout, linked from the header, raw HTML and unsafe links refused", async () => {
  const zh = await readOut(out, "zh/contact/index.html");
  assert.match(zh, /<title>联系我们 · 海港晚报<\/title>/);
  assert.match(zh, /<h1>联系我们<\/h1>/);
  assert.match(zh, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.not.match(zh, /href="javascript:/i);
  assert.match(zh, /<a href="\/news\/zh\/contact\/" aria-current="page">联系我们<\/a>/);
  assert.match(zh, /class="lang-switch" href="\/news\/en\/contact\/"/);
  assert.match(await readOut(out, "en/budget/index.html"), /<a href="\/news\/en\/contact\/">Contact<\/a>/);
  const warned = report.diagnostics.filter((d) => d.code === "md/unsafe-link").map((d) => `${d.file}:${d.line}`);
  assert.equal(warned, [`${BRAND}/pages/zh/contact.md:6`], "an unsafe link on a page is named, as in an article");
});

test("a page over a story's URL, or named as the site's own folders, is an error naming the file", async () => {
  const bad = await scratch("rebrand-bad");
  const fixture = "tests/fixtures/site/page-conflicts";
  try {
    await build({ articles: ARTICLES, out: bad, cwd: ROOT, siteConfig: fixture });
    assert.unreachable("the build should fail");
  } catch (cause) {
    if (!(cause instanceof BuildError)) throw cause;
    const codes = cause.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);
    assert.ok(codes.includes(`${fixture}/pages/en/budget.md:1 page/url-conflict`), codes.join("\n"));
    assert.ok(codes.includes(`${fixture}/pages/zh/search.md:1 page/bad-slug`), codes.join("\n"));
  }
});

test("a production build without a site URL warns once that URLs point at localhost; --strict fails on it", async () => {
  const plain = await scratch("rebrand-no-url");
  const fixture = "tests/fixtures/site/no-url";
  const result = await build({ articles: ARTICLES, out: plain, cwd: ROOT, siteConfig: fixture, production: true });
  const warned = result.diagnostics.filter((d) => d.code === "site/no-url");
  assert.is(warned.length, 1);
  assert.is(warned[0]!.file, `${fixture}/site.yaml`);
  assert.match(warned[0]!.message, /http:\/\/localhost:8080\//);
  const quiet = await build({ articles: ARTICLES, out: plain, cwd: ROOT, siteConfig: fixture, production: true, baseUrl: "https://example.org/" });
  assert.equal(quiet.diagnostics.filter((d) => d.code === "site/no-url"), []);
  try {
    await build({ articles: ARTICLES, out: plain, cwd: ROOT, siteConfig: fixture, production: true, strict: true });
    assert.unreachable("--strict should fail");
  } catch (cause) {
    if (!(cause instanceof BuildError)) throw cause;
    assert.match(cause.message, /warning\(s\) under --strict/);
  }
});

test("a bad site.yaml fails the build with its diagnostics beside the articles'", async () => {
  const failed = await scratch("rebrand-broken");
  try {
    await build({ articles: "tests/fixtures/build/broken", out: failed, cwd: ROOT, siteConfig: "tests/fixtures/site/broken", skipInvalid: true });
    assert.unreachable("the build should fail");
  } catch (cause) {
    if (!(cause instanceof BuildError)) throw cause;
    const files = new Set(cause.diagnostics.map((d) => d.file.split("/").pop()));
    assert.ok(files.has("site.yaml") && files.has("bad-date.en.md"), [...files].join(", "));
  }
});

test("hostile names are printed as text everywhere, never as markup or template code", async () => {
  const hostile = await scratch("rebrand-hostile");
  await build({ articles: ARTICLES, out: hostile, cwd: ROOT, siteConfig: "tests/fixtures/site/hostile" });
  const files = (await readdir(hostile, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && /\.(html|xml|json|webmanifest)$/.test(e.name));
  for (const entry of files) {
    const text = await readFile(path.join(entry.parentPath, entry.name), "utf8");
    const file = path.relative(hostile, path.join(entry.parentPath, entry.name));
    assert.not.match(text, /\b49 &amp;|\b49 &/, file);
    // JSON holds the names as plain strings (a reader's JSON parser gets them back as written); markup must escape them.
    if (/(feed\.json|\.webmanifest)$/.test(file)) assert.ok(JSON.stringify(JSON.parse(text)).includes("alert(1)"), file);
    else if (file.endsWith(".json")) JSON.parse(text);
    else assert.not.match(text, /<script>alert|<img src=x|onmouseover=alert\(1\) x="|<x>/, file);
  }
  const zh = await readOut(hostile, "zh/budget/index.html");
  assert.match(zh, /<title>市政府公布年度预算草案 · &lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
  assert.match(zh, /"publisher":\{"@type":"Organization","name":"\\u003c\/title\\u003e\\u003cscript\\u003ealert\(1\)/);
});

test("with a build cache, a changed site.yaml renders every page anew: the output is a clean build's", async () => {
  const [cached, clean] = [await scratch("rebrand-cached"), await scratch("rebrand-clean")];
  const cacheDir = path.join(await scratch("rebrand-cache"), "cache");
  await build({ articles: ARTICLES, out: cached, cwd: ROOT, cacheDir, siteConfig: "tests/fixtures/site/defaults" });
  await build({ articles: ARTICLES, out: cached, cwd: ROOT, cacheDir, siteConfig: BRAND });
  await build({ articles: ARTICLES, out: clean, cwd: ROOT, siteConfig: BRAND });
  assert.equal(await hashTree(cached), await hashTree(clean));
});

test("with a build cache, a newsroom page added to the header renders every page anew: the output is a clean build's", async () => {
  const site = await scratch("rebrand-nav-site");
  await cp(path.join(ROOT, BRAND), site, { recursive: true });
  const contact = { zh: path.join(site, "pages/zh/contact.md"), en: path.join(site, "pages/en/contact.md") };
  const texts = { zh: await readFile(contact.zh, "utf8"), en: await readFile(contact.en, "utf8") };
  await rm(contact.zh);
  await rm(contact.en);
  const [cached, clean] = [await scratch("rebrand-nav-cached"), await scratch("rebrand-nav-clean")];
  const cacheDir = path.join(await scratch("rebrand-nav-cache"), "cache");
  await build({ articles: ARTICLES, out: cached, cwd: ROOT, cacheDir, siteConfig: site });
  await writeFile(contact.zh, texts.zh);
  await writeFile(contact.en, texts.en);
  await build({ articles: ARTICLES, out: cached, cwd: ROOT, cacheDir, siteConfig: site });
  await build({ articles: ARTICLES, out: clean, cwd: ROOT, siteConfig: site });
  assert.match(await readOut(cached, "en/budget/index.html"), /\/contact\/">Contact<\/a>/);
  assert.equal(await hashTree(cached), await hashTree(clean));
});

test("a site.yaml holding Duet's defaults builds the very bytes no site.yaml does", async () => {
  const bare = await scratch("rebrand-bare-cwd");
  const [without, withDefaults] = [await scratch("rebrand-without"), await scratch("rebrand-defaults")];
  const now = DateTime.fromISO("2024-04-02T12:00:00+08:00");
  // A working directory without site.yaml (nor pages/): Duet's defaults.
  await build({ articles: path.join(ROOT, ARTICLES), out: without, cwd: bare, now });
  await build({ articles: path.join(ROOT, ARTICLES), out: withDefaults, cwd: bare, siteConfig: path.join(ROOT, "tests/fixtures/site/defaults"), now });
  assert.equal(await hashTree(withDefaults), await hashTree(without));
  assert.match(await readOut(without, "en/feed.xml"), /<title>Duet Bilingual News<\/title>/);
});

test.run();
