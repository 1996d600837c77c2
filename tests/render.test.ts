import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pairArticles } from "../src/pair/index.ts";
import { chunksOf, outputFileOf, pageWindow, parseBaseUrl, planSite, renderBody } from "../src/render/index.ts";
import type { ArticlePage, IndexPage, ListPage } from "../src/render/index.ts";
import { formatDate, isoDate } from "../src/render/dates.ts";
import type { Article, Lang } from "../src/types.ts";

test("Markdown bodies render without raw HTML, unsafe links or template evaluation", () => {
  const { html, lead } = renderBody({
    format: "markdown",
    text: "First <script>alert(1)</script> {{ site }} {% raw %}\n\n[x](javascript:alert(1)) [y](https://example.org)",
    line: 1,
  });
  assert.not.match(html, /<script>/);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /\{\{ site \}\} \{% raw %\}/);
  assert.not.match(html, /href="javascript:/);
  assert.match(html, /href="https:\/\/example.org"/);
  assert.is(lead, "First <script>alert(1)</script> {{ site }} {% raw %}");
});

test("remote images become links, local images stay images", () => {
  const { html } = renderBody({ format: "markdown", text: "![a \"pixel\"](http://evil.example/p.png) ![map](/media/map.png)", line: 1 });
  assert.match(html, /<a href="http:\/\/evil.example\/p.png" rel="nofollow noopener noreferrer">a &quot;pixel&quot;<\/a>/);
  assert.not.match(html, /<img src="http/);
  assert.match(html, /<img src="\/media\/map.png" alt="map">/);
});

test("raw-scrape paragraphs are escaped one by one", () => {
  const { html, lead } = renderBody({ format: "paragraphs", paragraphs: [{ value: "a < b & \"c\"", line: 3 }, { value: "second", line: 5 }] });
  assert.is(html, "<p>a &lt; b &amp; &quot;c&quot;</p>\n<p>second</p>");
  assert.is(lead, "a < b & \"c\"");
});

test("dates are written per language and carry their offset", () => {
  const date = DateTime.fromISO("2024-01-29", { zone: "Asia/Shanghai" });
  assert.is(formatDate(date, "zh"), "2024年1月29日");
  assert.is(formatDate(date, "en"), "January 29, 2024");
  assert.is(isoDate(date), "2024-01-29T00:00:00+08:00");
});

test("dates are written as luxon's formats write them, in every zone and year", () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const zones = ["Asia/Shanghai", "UTC", "America/New_York", "UTC-9:30", "Pacific/Kiritimati"];
  // Instants from year 1 to 12000, most of them in the years news is dated.
  const instants = Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? -62135596800000 + next() * 4.4e14 : Date.UTC(1990, 0, 1) + next() * 1.5e12));
  for (const [i, millis] of instants.entries()) {
    const date = DateTime.fromMillis(Math.round(millis), { zone: zones[i % zones.length] });
    assert.is(formatDate(date, "zh"), date.toFormat("yyyy年M月d日"), date.toISO()!);
    assert.is(formatDate(date, "en"), date.setLocale("en-US").toFormat("MMMM d, yyyy"), date.toISO()!);
  }
});

const OPTIONS = { site: parseBaseUrl("https://example.org/news/"), buildTime: DateTime.fromISO("2024-02-01T00:00:00+08:00") };

const article = (key: string, lang: Lang, slug = key): Article => ({
  file: `articles/${slug}.${lang}.md`,
  lang,
  authors: [],
  draft: false,
  featured: false,
  key,
  slug,
  title: `${key}-${lang}`,
  titleDerived: false,
  date: DateTime.fromISO("2024-01-29", { zone: "Asia/Shanghai" }),
  keywords: [],
  body: { format: "markdown", text: "Lead", line: 1 },
});

test("a one-language story links nowhere else and is marked in the other language's list", () => {
  const plan = planSite(pairArticles([article("both", "zh"), article("both", "en", "both-en"), article("solo", "en")]).stories, OPTIONS);
  const zhSolo = plan.articles.find((a) => a.key === "solo");
  assert.is(zhSolo?.lang, "en");
  assert.is(zhSolo?.alternate, undefined);
  const both = plan.articles.filter((a) => a.key === "both").map((a) => [a.url, a.alternate?.url]);
  assert.equal(both, [
    ["/zh/both/", "/en/both-en/"],
    ["/en/both-en/", "/zh/both/"],
  ]);
  const zhMonth = plan.lists.find((h) => h.kind === "month" && h.lang === "zh")!;
  assert.equal(
    zhMonth.entries.map((e) => [e.url, e.onlyMark]),
    [
      ["/zh/both/", undefined],
      ["/en/solo/", "English only"],
    ],
  );
});

test("two stories wanting one URL is an error naming both sources", () => {
  const first = { ...article("a", "zh", "same"), file: "articles/2024/same.zh.md" };
  const second = { ...article("b", "zh", "same"), file: "articles/2025/same.zh.md" };
  const plan = planSite(pairArticles([first, second]).stories, OPTIONS);
  assert.is(plan.articles.length, 1);
  assert.equal(plan.diagnostics.map((d) => [d.file, d.code]), [["articles/2025/same.zh.md", "render/url-conflict"]]);
  assert.match(plan.diagnostics[0]!.message, /articles\/2024\/same\.zh\.md/);
});

test("Chinese versions are planned with full-width punctuation in every printed field; English ones and the article stay as written", () => {
  const zh: Article = {
    ...article("punct", "zh"),
    title: "美方拟限制中企使用云服务训练AI模型,外交部:敦促美方停止(回应)",
    body: { format: "paragraphs", paragraphs: [{ value: "1月29日,发言人表示:共1,000家企业受影响(约3.5%)。", line: 3 }] },
  };
  const en: Article = { ...article("punct", "en"), title: "China: the U.S. should stop (response)", body: { format: "markdown", text: "On Jan. 29, 1,000 firms (3.5%) were hit: 中国,美国.", line: 1 } };
  const plan = planSite(pairArticles([zh, en]).stories, OPTIONS);
  const zhPage = plan.articles.find((a) => a.lang === "zh")!;
  const title = "美方拟限制中企使用云服务训练AI模型，外交部：敦促美方停止（回应）";
  const lead = "1月29日，发言人表示：共1,000家企业受影响（约3.5%）。";
  assert.is(zhPage.title, title);
  assert.is(zhPage.lead, lead);
  assert.is(zhPage.description, lead);
  assert.is(zhPage.html, `<p>${lead}</p>`);
  assert.ok(zhPage.head.meta.some((m) => m.key === "og:title" && m.content === title));
  const enPage = plan.articles.find((a) => a.lang === "en")!;
  assert.is(enPage.title, en.title);
  assert.is(enPage.alternate?.title, title, "the link to the Chinese version shows its title as its page does");
  assert.match(enPage.html, /1,000 firms \(3\.5%\) were hit: 中国,美国\./, "English bodies are left as written, Chinese runs included");
  assert.is(plan.lists.find((l) => l.kind === "month" && l.lang === "zh")!.entries[0]!.title, title);
  assert.is(plan.fronts.find((f) => f.lang === "zh")!.front.lead?.title, title);
  assert.is(plan.feeds.find((f) => f.lang === "zh")!.entries[0]!.title, title);
  assert.is(zh.title, "美方拟限制中企使用云服务训练AI模型,外交部:敦促美方停止(回应)", "the article itself is not changed");
});

/** `count` English stories, story i published i hours after the first, all sharing one keyword. */
function hourly(count: number, lang: Lang = "en"): Article[] {
  return Array.from({ length: count }, (_, i) => ({
    ...article(`s${String(i).padStart(4, "0")}`, lang),
    date: DateTime.fromISO("2023-06-01T08:00:00", { zone: "Asia/Shanghai" }).plus({ hours: i }),
    keywords: ["harbour"],
  }));
}

test("home lists: the front page shows the newest 20, older stories sit in complete pages of 20 counted from the oldest", () => {
  const plan = planSite(pairArticles(hourly(45, "zh")).stories, OPTIONS);
  const front = plan.fronts.find((f) => f.lang === "zh")!;
  assert.is(front.url, "/zh/");
  assert.is(1 + front.front.latest.length, 20);
  assert.is(front.more, "/zh/page/2/", "the page holding the 21st newest story");
  const homes = plan.lists.filter((h) => h.kind === "home" && h.lang === "zh");
  // 45 stories: page 1 the oldest 20 (s0000–s0019), page 2 the next 20; the newest 5 only on the front page.
  assert.equal(homes.map((h) => [h.url, h.entries[0]!.title, h.entries.at(-1)!.title]), [
    ["/zh/page/2/", "s0039-zh", "s0020-zh"],
    ["/zh/page/1/", "s0019-zh", "s0000-zh"],
  ]);
  assert.equal(homes.map((h) => [h.newer, h.older]), [
    ["/zh/", "/zh/page/1/"],
    ["/zh/page/2/", undefined],
  ]);
  assert.is(planSite(pairArticles(hourly(40, "zh")).stories, OPTIONS).fronts.find((f) => f.lang === "zh")!.more, "/zh/page/1/", "page 2 would repeat the front page");
  assert.is(planSite(pairArticles(hourly(20, "zh")).stories, OPTIONS).fronts.find((f) => f.lang === "zh")!.more, undefined);
});

test("other lists: the first page shows the newest 20 to 39 stories, the older pages complete runs of 20", () => {
  const sizes = (count: number) => {
    const lists = planSite(pairArticles(hourly(count)).stories, OPTIONS).lists.filter((l) => l.kind === "keyword" && l.lang === "en");
    return lists.map((l) => [l.url, l.entries.length, l.newest]);
  };
  assert.equal(sizes(5), [["/en/keywords/harbour/", 5, true]]);
  assert.equal(sizes(39), [["/en/keywords/harbour/", 39, true]]);
  assert.equal(sizes(40), [["/en/keywords/harbour/", 20, true], ["/en/keywords/harbour/page/1/", 20, false]]);
  assert.equal(sizes(61), [["/en/keywords/harbour/", 21, true], ["/en/keywords/harbour/page/2/", 20, false], ["/en/keywords/harbour/page/1/", 20, false]]);
});

test("publishing a story changes no older list page, except the few nearest the newest when a page fills up", () => {
  // Each list's older pages by URL, and each list's newest page number (its first page's, or the front page's).
  const plan = (count: number) => {
    const lists = planSite(pairArticles(hourly(count)).stories, OPTIONS).lists;
    const top = new Map<string, number>();
    for (const l of lists) top.set(l.url.replace(/page\/\d+\/$/, ""), Math.max(top.get(l.url.replace(/page\/\d+\/$/, "")) ?? 0, l.number + (l.newest ? 0 : 1)));
    return { older: new Map(lists.filter((l) => !l.newest).map((l) => [l.url, { json: JSON.stringify(l), number: l.number, base: l.url.replace(/page\/\d+\/$/, "") }])), top };
  };
  let before = plan(60);
  let changes = 0;
  for (let count = 61; count <= 130; count++) {
    const after = plan(count);
    for (const [url, page] of before.older) {
      if (after.older.get(url)?.json === page.json) continue;
      changes++;
      const [was, now] = [before.top.get(page.base)!, after.top.get(page.base)!];
      // A page fills up: the list's top grows by one, and the pages whose links reached the top change with it
      // (the two either side, and a gap of one shown as its page: four below the top).
      assert.ok(now === was + 1 && page.number >= was - 4, `story ${count}: ${url} changed (top ${was} → ${now})`);
    }
    before = after;
  }
  assert.ok(changes > 0, "pages near the top did change as pages filled up");
});

test("pagination links the latest, the oldest and nearby pages, newest first, with gaps, however long the list", () => {
  assert.equal(pageWindow(1, 1), [1]);
  assert.equal(pageWindow(2, 3), [3, 2, 1]);
  assert.equal(pageWindow(500, 500), [500, 499, 498, null, 1]);
  assert.equal(pageWindow(5, 500), [500, null, 7, 6, 5, 4, 3, 2, 1], "a gap of one page shows the page");
  assert.equal(pageWindow(250, 500), [500, null, 252, 251, 250, 249, 248, null, 1]);
  const homes = planSite(pairArticles(hourly(20 * 40)).stories, OPTIONS).lists.filter((h) => h.kind === "home" && h.lang === "en");
  assert.is(homes.length, 40, "every complete page; the front page shows the newest");
  const middle = homes.find((h) => h.url === "/en/page/20/")!;
  assert.equal(middle.pages, [
    { newest: true, url: "/en/" },
    { gap: true },
    ...[22, 21, 20, 19, 18].map((n) => ({ number: n, url: `/en/page/${n}/` })),
    { gap: true },
    { number: 1, url: "/en/page/1/" },
  ]);
  assert.ok(Math.max(...homes.map((h) => h.pages.length)) <= 9);
});

test("pages are split into Eleventy runs in order, every page exactly once", () => {
  const fake = <T>(prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ url: `/${prefix}${i}/` }) as unknown as T);
  const pages = { articles: fake<ArticlePage>("a", 5), lists: fake<ListPage>("l", 3), indexes: fake<IndexPage>("i", 1) };
  const chunks = chunksOf(pages, 4);
  assert.equal(chunks.map((c) => c.articles.length + c.lists.length + c.indexes.length), [4, 4, 1]);
  const urls = chunks.flatMap((c) => [...c.articles, ...c.lists, ...c.indexes].map((p) => p.url));
  assert.equal(urls, [...pages.articles, ...pages.lists, ...pages.indexes].map((p) => p.url));
  assert.equal(chunksOf({ articles: [], lists: [], indexes: [] }, 4).length, 1, "a site without such pages still gets one run");
});

test("a page URL maps to the file Eleventy writes", () => {
  assert.is(outputFileOf("/zh/a/"), "zh/a/index.html");
  assert.is(outputFileOf("/"), "index.html");
  assert.is(outputFileOf("/en/feed.xml"), "en/feed.xml");
});

/** Keyword list pages of one language as `url heading`, sorted. */
function keywordPages(plan: ReturnType<typeof planSite>, lang: Lang): string[] {
  return plan.lists.filter((l) => l.kind === "keyword" && l.lang === lang).map((l) => `${l.url} ${l.heading}`).sort();
}

test("C++ and C# get a keyword page each, at URLs that do not depend on the order stories come in", () => {
  const withKeywords = (key: string, keywords: string[]) => ({ ...article(key, "en"), keywords });
  const one = planSite(pairArticles([withKeywords("a", ["C++"]), withKeywords("b", ["C#"]), withKeywords("c", ["c"])]).stories, OPTIONS);
  const other = planSite(pairArticles([withKeywords("b", ["C#"]), withKeywords("c", ["C"]), withKeywords("a", ["c++"])]).stories, OPTIONS);
  const pages = keywordPages(one, "en");
  assert.is(pages.length, 3, pages.join("\n"));
  assert.equal(pages.map((p) => p.split(" ")[1]).sort(), ["C#", "C++", "c"]);
  assert.equal(new Set(pages.map((p) => p.split(" ")[0])).size, 3, "three URLs");
  assert.ok(pages.includes("/en/keywords/c/ c"), "a keyword the slug spells whole keeps its plain URL");
  assert.equal(keywordPages(other, "en").map((p) => p.split(" ")[0]), pages.map((p) => p.split(" ")[0]));
});

test("a keyword URL fits every file system: a 95-character Chinese keyword is cut by bytes, with a stable hash", () => {
  const long = "长".repeat(95);
  const plan = planSite(pairArticles([{ ...article("a", "zh"), keywords: [long, `${long.slice(1)}短`] }]).stories, OPTIONS);
  const urls = plan.articles[0]!.keywords.map((k) => k.url);
  assert.is(new Set(urls).size, 2);
  for (const url of urls) {
    const segment = url.split("/").at(-2)!;
    assert.ok(Buffer.byteLength(segment) <= 140, `${Buffer.byteLength(segment)} bytes`);
    assert.match(segment, /^长+-[0-9a-f]{8}$/);
  }
  assert.equal(planSite(pairArticles([{ ...article("a", "zh"), keywords: [long] }]).stories, OPTIONS).articles[0]!.keywords[0]!.url, urls[0]);
});

test("keyword URLs are never Windows device names nor empty", () => {
  const plan = planSite(pairArticles([{ ...article("a", "en"), keywords: ["CON", "aux", "+++", "\u{1F600}"] }]).stories, OPTIONS);
  const segments = plan.articles[0]!.keywords.map((k) => k.url.split("/").at(-2)!);
  assert.is(new Set(segments).size, 4);
  for (const segment of segments) assert.not.match(segment, /^(?:con|aux|-|)$/i, segment);
});

test("a story whose page cannot be written as a file is an error on its file and left out, not a failed render", () => {
  const tooLong = { ...article("long", "zh", "长".repeat(90)), file: "articles/long.zh.md" };
  const device = { ...article("dev", "en", "aux"), file: "articles/aux.en.md" };
  const plan = planSite(pairArticles([tooLong, device, article("fine", "en")]).stories, OPTIONS);
  assert.equal(plan.articles.map((a) => a.url), ["/en/fine/"]);
  assert.equal(plan.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`).sort(), [
    "articles/aux.en.md:1 error render/unwritable-url",
    "articles/long.zh.md:1 error render/unwritable-url",
  ]);
  assert.match(plan.diagnostics.find((d) => d.file.includes("long"))!.message, /270 bytes/);
});

test.run();
