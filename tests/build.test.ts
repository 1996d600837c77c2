import { execFile } from "node:child_process";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { BuildError } from "../src/diagnostics.ts";
import type { BuildReport } from "../src/report.ts";
import { hashTree, readOut, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = "tests/fixtures/build";
const run = promisify(execFile);

let mixedOut = "";
let report: BuildReport;

test.before(async () => {
  mixedOut = await scratch("mixed");
  const reportFile = path.join(mixedOut, "..", `${path.basename(mixedOut)}.json`);
  await build({ articles: `${FIXTURES}/mixed`, out: mixedOut, report: reportFile, cwd: ROOT });
  report = JSON.parse(await readFile(reportFile, "utf8")) as BuildReport;
});

test("every story is published in each language it has, at a stable URL", async () => {
  const urls = report.stories.flatMap((s) => Object.values(s.versions).map((v) => v.url)).sort();
  assert.equal(urls, [
    "/en/budget/",
    "/en/cloud-ai/",
    "/en/river-cleanup-done/",
    "/en/tech-fair/",
    "/zh/budget/",
    "/zh/cloud-ai/",
    "/zh/lantern/",
    "/zh/river/",
  ]);
  for (const url of urls) await readOut(mixedOut, `${url}index.html`);
});

test("the report lists each story with languages, titles, dates with offsets and source files", () => {
  const river = report.stories.find((s) => s.id === "river-cleanup")!;
  assert.equal(river.languages, ["zh", "en"]);
  assert.equal(river.versions.en, {
    title: "River Clean-up Completed",
    titleDerived: false,
    date: "2024-03-01T00:00:00+08:00",
    keywords: ["river", "environment"],
    url: "/en/river-cleanup-done/",
    sources: ["tests/fixtures/build/mixed/2024/river-cleanup-done.en.md"],
  });
  const cloud = report.stories.find((s) => s.id === "cloud-ai")!;
  assert.is(cloud.versions.zh?.titleDerived, true);
  assert.is(cloud.versions.zh?.date, "2024-01-29T00:00:00+08:00");
  assert.equal(cloud.versions.zh?.sources, ["tests/fixtures/build/mixed/2024/cloud-ai.txt"]);
  assert.equal(report.diagnostics, []);
});

test("article pages carry lang, a time with offset, the source, and a link to the other version", async () => {
  const zh = await readOut(mixedOut, "zh/river/index.html");
  assert.match(zh, /<html lang="zh-CN">/);
  assert.match(zh, /<time datetime="2024-03-01T00:00:00\+08:00">2024年3月1日<\/time>/);
  assert.match(zh, /<a class="translation" href="\/en\/river-cleanup-done\/" hreflang="en" lang="en">Read in English<\/a>/);
  const en = await readOut(mixedOut, "en/cloud-ai/index.html");
  assert.match(en, /<html lang="en">/);
  assert.match(en, /January 29, 2024/);
  assert.match(en, /href="https:\/\/www.thepaper.cn\/newsDetail_forward_26182841"/);
  assert.not.match(en, /Views: 1|发表回复|您的邮箱地址/);
});

test("a one-language story is marked in the other language's list and never linked to a missing page", async () => {
  const zhHome = await readOut(mixedOut, "zh/index.html");
  // On the front page's latest stories, in its own language and marked (a card or a list item).
  assert.match(zhHome, /lang="en">\s*(?:<h\d[^>]*>)?<a href="\/en\/tech-fair\/">Tech Fair Opens Downtown<\/a>[\s\S]*?English only/);
  const enHome = await readOut(mixedOut, "en/index.html");
  assert.match(enHome, /lang="zh-CN">\s*(?:<h\d[^>]*>)?<a href="\/zh\/lantern\/">元宵灯会开幕<\/a>[\s\S]*?仅中文/);
  const solo = await readOut(mixedOut, "en/tech-fair/index.html");
  assert.not.match(solo, /hreflang="zh-CN" href="\/zh\/tech-fair/);
  assert.match(solo, /class="lang-switch" href="\/zh\/"/);
});

test("the root page lets the reader choose a language without script, and search pages exist", async () => {
  const root = await readOut(mixedOut, "index.html");
  assert.match(root, /href="\/zh\/"/);
  assert.match(root, /href="\/en\/"/);
  assert.not.match(root, /<script(?![^>]*\ssrc=)/, "no inline script; the choice is plain links");
  for (const lang of ["zh", "en"]) assert.match(await readOut(mixedOut, `${lang}/search/index.html`), /pagefind\//);
  const bundle = await readdir(path.join(mixedOut, "pagefind"));
  assert.ok(bundle.includes("pagefind.js"));
  // One index holds both languages (records are written in language-neutral search terms).
  assert.ok(bundle.some((f) => /^pagefind\.en_.*\.pf_meta$/.test(f)), bundle.join(" "));
  assert.ok(bundle.includes("duet-t2s.json"), bundle.join(" "));
});

test("a broken article fails the build, lists every error, and leaves the previous output byte-identical", async () => {
  const out = await scratch("atomic");
  await build({ articles: `${FIXTURES}/mixed`, out, cwd: ROOT });
  const before = await hashTree(out);
  try {
    await build({ articles: `${FIXTURES}/broken`, out, cwd: ROOT });
    assert.unreachable("the build should have failed");
  } catch (caught) {
    assert.instance(caught, BuildError);
    const lines = (caught as BuildError).diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.code}`);
    assert.equal(lines, [
      "tests/fixtures/build/broken/bad-date.en.md:3: error: article/bad-date",
      "tests/fixtures/build/broken/no-title.zh.md:1: error: article/missing-title",
    ]);
  }
  assert.equal(await hashTree(out), before);
  const siblings = await readdir(path.dirname(out));
  assert.not.ok(siblings.some((name) => name.startsWith(`.duet-tmp-${path.basename(out)}`)), "staging directory left behind");
});

test("--skip-invalid publishes the valid stories and reports the rest", async () => {
  const out = await scratch("skip");
  const result = await build({ articles: `${FIXTURES}/broken`, out, cwd: ROOT, skipInvalid: true });
  assert.equal(result.stories.map((s) => s.key), ["good"]);
  assert.is(result.diagnostics.filter((d) => d.severity === "error").length, 2);
  const page = await readOut(out, "en/good/index.html");
  // The build lets the bodies go once its pages are written: the stories it returns hold none.
  const good = result.stories[0]!.versions.en!;
  assert.equal(good.body, { format: "paragraphs", paragraphs: [] });
  assert.ok(page.includes(`<h1`) && page.includes(good.title), "the page was written from the story before its body was let go");
});

test("--strict turns warnings into a failed build", async () => {
  const articles = await scratch("strict-src");
  await cp(`${FIXTURES}/broken/good.en.md`, path.join(articles, "good.en.md"));
  await cp(`${FIXTURES}/broken/good.en.md`, path.join(articles, "good.zh.md"));
  const { writeFile } = await import("node:fs/promises");
  await writeFile(path.join(articles, "good.zh.md"), "---\ntitle: 好\ndate: 2024-05-01\nwriter: someone\n---\n正文。\n");
  const out = await scratch("strict");
  await build({ articles, out, cwd: ROOT });
  try {
    await build({ articles, out, cwd: ROOT, strict: true });
    assert.unreachable("warnings must fail a strict build");
  } catch (caught) {
    assert.equal((caught as BuildError).diagnostics.map((d) => d.code), ["front-matter/unknown-key"]);
  }
});

test("Chinese text is shown with full-width punctuation on the page, in its head and in both feeds; the source and English stay as written", async () => {
  const source = await readFile(path.join(ROOT, FIXTURES, "mixed/2024/cloud-ai.txt"), "utf8");
  assert.match(source, /1月29日,中国外交部/, "the source keeps its ASCII marks");
  const zh = await readOut(mixedOut, "zh/cloud-ai/index.html");
  assert.match(zh, /<p>1月29日，中国外交部发言人汪文斌在例行记者会上，就有关美国政府计划限制中国企业通过美国云服务进行人工智能（AI）模型训练的问题作出回应。/);
  assert.match(zh, /<meta name="description" content="1月29日，中国外交部/);
  assert.match(zh, /<meta property="og:description" content="1月29日，中国外交部/);
  assert.not.match(zh, /\p{Script=Han}[,:;?!()]|[,:;?!()]\p{Script=Han}/u, "no ASCII mark next to Han anywhere on the page");
  for (const feed of ["zh/feed.xml", "zh/feed.json"]) {
    const text = await readOut(mixedOut, feed);
    assert.match(text, /1月29日，中国外交部/, feed);
    assert.not.match(text, /1月29日,中国/, feed);
  }
  const en = await readOut(mixedOut, "en/cloud-ai/index.html");
  assert.not.match(en, /[，：；？！（）]/, "English pages keep their own marks");
});

test("article text is never run through a template engine", async () => {
  const out = await scratch("curly");
  await build({ articles: `${FIXTURES}/template-syntax`, out, cwd: ROOT });
  const html = await readOut(out, "en/curly/index.html");
  assert.match(html, /<h1>Braces \{\{ site.articles \}\} and \{% include &#39;x&#39; %\} stay literal<\/h1>/);
  assert.match(html, /Body with \{\{ 7 \* 7 \}\} and \{% raw %\}/);
  assert.match(html, /&lt;\/script&gt;&lt;script&gt;alert\(1\)/);
  assert.match(html, /<a class="keyword" href="\/en\/search\/\?kw=%7B%7B%20kw%20%7D%7D">\{\{ kw \}\}<\/a>/);
});

test("a sub-path base URL prefixes every link, asset and the search bundle", async () => {
  const out = await scratch("subpath");
  await build({ articles: `${FIXTURES}/mixed`, out, cwd: ROOT, baseUrl: "https://example.org/news/" });
  const html = await readOut(out, "zh/river/index.html");
  const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith("http"));
  assert.ok(links.length > 3);
  for (const link of links) assert.ok(link.startsWith("/news/") || link.startsWith("#"), link);
  assert.match(await readOut(out, "en/search/index.html"), /data-bundle="\/news\/pagefind\/"/);
});

test("a long list links newer and older pages and a window of page numbers, each to a page that exists", async () => {
  const articles = await scratch("long-list-src");
  await Promise.all(
    Array.from({ length: 300 }, (_, i) => {
      const day = String((i % 28) + 1).padStart(2, "0");
      const month = String(Math.floor(i / 28) + 1).padStart(2, "0");
      return writeFile(path.join(articles, `story-${i}.en.md`), `---\ntitle: Story ${i}\ndate: 2024-${month}-${day}\nkeywords: city\n---\nText of story ${i}.\n`);
    }),
  );
  const out = await scratch("long-list");
  await build({ articles, out, cwd: ROOT });
  const nav = async (file: string) => (await readOut(out, file)).match(/<nav class="pagination"[\s\S]*?<\/nav>/)?.[0] ?? "";
  const links = (html: string) => [...html.matchAll(/<a href="([^"]+)"([^>]*)>/g)].map((m) => [m[1]!, m[2]!.includes("aria-current")] as const);
  // 300 stories: 15 pages of 20, counted from the oldest, and the front page above them. Page 8 links the
  // latest (the front page), 10–6 and 1, newest first, with a gap either side.
  const middle = await nav("en/page/8/index.html");
  assert.equal(links(middle), [
    ["/en/page/9/", false],
    ["/en/", false],
    ["/en/page/10/", false],
    ["/en/page/9/", false],
    ["/en/page/8/", true],
    ["/en/page/7/", false],
    ["/en/page/6/", false],
    ["/en/page/1/", false],
    ["/en/page/7/", false],
  ]);
  assert.match(middle, /rel="prev"[^>]*>‹ Newer/);
  assert.match(middle, /rel="next"[^>]*>Older ›/);
  assert.match(middle, /<a href="\/en\/">Latest<\/a>/);
  assert.is(middle.match(/class="gap"/g)?.length, 2);
  // The front page shows the newest 20 and leads on to page 14, which holds the 21st newest story.
  const front = await readOut(out, "en/index.html");
  assert.match(front, /<a [^>]*href="\/en\/page\/14\/"/);
  const second = await nav("en/page/14/index.html");
  assert.equal(links(second).map(([href]) => href), ["/en/page/15/", "/en/", "/en/page/15/", "/en/page/14/", "/en/page/13/", "/en/page/12/", "/en/page/1/", "/en/page/13/"]);
  assert.not.match(await readOut(out, "en/page/1/index.html"), /rel="next"/, "page 1 holds the oldest stories");
  for (const [href] of [...links(middle), ...links(second)]) assert.ok(await readOut(out, `${href.slice(1)}index.html`), href);
});

test("the same sources build byte-identical output in any time zone", async () => {
  const outs = [await scratch("tz-utc"), await scratch("tz-la")];
  const zones = ["UTC", "America/Los_Angeles"];
  // One run with a (fresh) build cache, one without: the cache must not change a byte either.
  const cacheArgs = [["--cache", await scratch("tz-cache")], ["--no-cache"]];
  await Promise.all(
    outs.map((out, i) =>
      run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--articles", `${FIXTURES}/mixed`, "--out", out, ...cacheArgs[i]!], {
        cwd: ROOT,
        env: { ...process.env, TZ: zones[i] },
      }),
    ),
  );
  const [utc, la] = [await hashTree(outs[0]!), await hashTree(outs[1]!)];
  assert.ok(Object.keys(utc).length > 10);
  assert.equal(la, utc);
  assert.equal(await hashTree(mixedOut), utc);
});

test("a search index in shards, with packed results, is byte-identical in any time zone and loads Pagefind from one place", async () => {
  const outs = [await scratch("shards-utc"), await scratch("shards-la")];
  const zones = ["UTC", "America/Los_Angeles"];
  await Promise.all(
    outs.map((out, i) =>
      run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--articles", `${FIXTURES}/mixed`, "--out", out, "--no-cache", "--pack-search", "--search-shard-size", "2"], {
        cwd: ROOT,
        env: { ...process.env, TZ: zones[i] },
      }),
    ),
  );
  const [utc, la] = [await hashTree(outs[0]!), await hashTree(outs[1]!)];
  assert.equal(la, utc);
  const files = Object.keys(utc).filter((f) => f.startsWith("pagefind/")).sort();
  // Five stories, at most two per shard, by month: the first shard is the bundle's own folder, the others sit inside it.
  assert.equal([...new Set(files.map((f) => f.match(/^pagefind\/(p\d{4}-\d{2})\//)?.[1] ?? "root"))].sort(), ["p2024-02", "p2024-03", "root"]);
  assert.equal(files.filter((f) => /\.(js|pagefind)$/.test(f)), ["pagefind/pagefind-worker.js", "pagefind/pagefind.js", "pagefind/wasm.en.pagefind"]);
  assert.ok(files.some((f) => f.startsWith("pagefind/p2024-03/duet-results/")), "each shard packs its own results");
  assert.not.ok(files.some((f) => f.includes("/fragment/")));
  // A shard's entry names a WebAssembly file that resolves, as a browser resolves it, to the first shard's.
  const entry = JSON.parse(await readFile(path.join(outs[0]!, "pagefind/p2024-03/pagefind-entry.json"), "utf8")) as { languages: { en: { wasm: string } } };
  assert.is(new URL(`wasm.${entry.languages.en.wasm}.pagefind`, "https://example.org/news/pagefind/p2024-03/").pathname, "/news/pagefind/wasm.en.pagefind");
  const layout = (await readFile(path.join(outs[0]!, "zh/search/index.html"), "utf8")).match(/data-shards="([^"]*)"/)?.[1]?.replaceAll("&quot;", '"');
  assert.equal(JSON.parse(layout!), [
    { dir: "", stories: 1, packed: 1 },
    { dir: "p2024-02/", stories: 2, packed: 1 },
    { dir: "p2024-03/", stories: 2, packed: 1 },
  ]);
  const sw = await readFile(path.join(outs[0]!, "sw.js"), "utf8");
  for (const shard of ["p2024-02", "p2024-03"]) assert.match(sw, `pagefind/${shard}/pagefind-entry.json`, "every shard's entry is precached");
});

test.run();
