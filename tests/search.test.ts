import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readPageConfig } from "../src/search/client/page-config.ts";
import { nearestKeywords } from "../src/search/client/suggest.ts";
import { highlight } from "../src/search/highlight.ts";
import { fromStoredVersion, toStoredVersion } from "../src/search/result-data.ts";
import { buildConversionTable, createConverter, scanTexts, tableFromScans, recordMaker, tableFor, formTermsOf, hanCode, identity, inflectionBase, packedFileCount, packedFileOf, phraseTermOf, periodOf, queryOf, searchLayout, SHARD_MIN, SHARD_SIZE, SHARD_TAIL, storyRecordHtml, termsOf } from "../src/search/index.ts";
import type { ArticlePage } from "../src/render/index.ts";
import { STRINGS } from "../src/render/strings.ts";
import { fullWidthPunctuation } from "../src/shared/cjk-punctuation.ts";

const code = (text: string) => "zq" + [...text].map(hanCode).join("");

test("Han text becomes bigram codes: every two-character fragment of a title is a term", () => {
  const terms = termsOf("限制中国企业通过美国云服务", identity);
  for (const fragment of ["限制", "云服", "服务", "企业", "业通"]) assert.ok(terms.includes(code(fragment)), fragment);
  assert.is(terms.length, 12);
});

test("codes are ASCII consonants, never a prefix of an English word, and a lone character is its own term", () => {
  for (const term of termsOf("云 AI模型", identity)) assert.match(term, /^[a-z0-9]+$/);
  assert.equal(termsOf("云 AI模型", identity), ["zx" + hanCode("云"), "ai", code("模型")]);
  assert.is(queryOf("云", identity), code("云"), "a one-character query is the start of a bigram");
  assert.not.match(code("测试"), /[aeiouy]/);
});

test("queries are made of the same terms, so a fragment typed finds the text it came from", () => {
  const indexed = new Set(termsOf("美国政府计划限制中国企业通过美国云服务进行人工智能模型训练", identity));
  for (const q of ["限制", "云服", "人工智能", "云服务"]) for (const term of queryOf(q, identity).split(" ")) assert.ok(indexed.has(term), q);
});

test("English is case- and punctuation-insensitive: U.S. and US are one word", () => {
  assert.equal(termsOf("The U.S. Restricts", identity), ["the", "us", "restricts"]);
  assert.equal(queryOf("us", identity), "us");
});

test("a multi-word phrase is also one term, the same for a keyword and a query, and never a prefix of a longer phrase", () => {
  assert.is(phraseTermOf("Cloud Computing", identity), "zpcloudcomputing0");
  assert.is(phraseTermOf("cloud  computing!", identity), phraseTermOf("Cloud Computing", identity));
  assert.is(phraseTermOf("U.S. trade", identity), "zpustrade0");
  assert.not.ok(phraseTermOf("cloud computing center", identity)!.startsWith(phraseTermOf("cloud computing", identity)!));
  assert.is(phraseTermOf("cloud", identity), undefined, "one word needs no phrase term");
  assert.is(phraseTermOf("云 计算", identity), undefined, "Chinese is matched by its bigrams");
});

test("the conversion table holds only what the corpus can match; Taiwan phrases and Traditional characters convert", () => {
  const table = buildConversionTable(["美国云服务与人工智能", "地铁通宵运营"]);
  assert.equal(table.phrases, [["人工智慧", "人工智能"]]);
  assert.is(table.chars["雲"], "云");
  assert.is(table.chars["鐵"], "铁");
  assert.is(table.chars["龍"], undefined, "龙 is not in the corpus");
  const convert = createConverter(table);
  assert.is(convert("人工智慧 雲服務 地鐵"), "人工智能 云服务 地铁");
  assert.is(queryOf("雲服", convert), code("云服"));
});

test("a cached search record is keyed by the part of the table its story's texts can use, and made again only when that part changes", () => {
  const memo = new Map<string, string>();
  let made = 0;
  const records = { get: (_group: string, key: string, compute: () => string) => memo.get(key) ?? (made++, memo.set(key, compute()).get(key)!) };
  const cloud = { zh: page("zh", "雲服務", ["人工智慧"]) };
  const metro = { zh: page("zh", "地鐵通宵", []) };
  const small = buildConversionTable(["云服务", "人工智能", "地铁通宵"]);
  const first = [cloud, metro].map(recordMaker(small, records));
  assert.is(made, 2);
  // A new story brings 龙 into the corpus: the table grows, but neither story holds 龍.
  const grown = buildConversionTable(["云服务", "人工智能", "地铁通宵", "龙舟"]);
  assert.ok(Object.keys(grown.chars).length > Object.keys(small.chars).length);
  assert.equal([cloud, metro].map(recordMaker(grown, records)), first, "records unchanged");
  assert.is(made, 2, "both records came from the cache");
  // A headline written with 龍 can use the new entry: its record is made again, and converts it.
  const dragon = { zh: page("zh", "龍舟", []) };
  recordMaker(small, records)(dragon);
  const again = recordMaker(grown, records)(dragon);
  assert.is(made, 4);
  assert.is(again.content, storyRecordHtml(dragon, createConverter(grown)));
});

test("the table put together from scans of a corpus's parts is the table of the whole corpus, however it is cut", () => {
  const texts = ["美国云服务与人工智能", "地铁通宵运营", "龙舟赛", "云存储", "Harbour news", "软件", "人工", "智能"];
  const whole = buildConversionTable(texts);
  assert.ok(whole.phrases.length > 0 && Object.keys(whole.chars).length > 0);
  for (let cut = 1; cut < texts.length; cut++) {
    // A phrase split across two parts (人工 | 智能) is in neither: only whole texts hold phrases.
    assert.equal(tableFromScans([scanTexts(texts.slice(0, cut)), scanTexts(texts.slice(cut))]), whole, `cut at ${cut}`);
  }
  assert.equal(tableFromScans(texts.map((t) => scanTexts([t]))), whole);
  assert.equal(tableFromScans([]), buildConversionTable([]));
});

test("converting with the part of the table a text can use gives what the whole table gives", () => {
  const table = buildConversionTable(["美国云服务与人工智能", "地铁通宵运营", "龙舟"]);
  for (const text of ["人工智慧 雲服務", "地鐵與龍舟", "ｆｕｌｌ　ｗｉｄｔｈ 雲", "no Chinese at all"]) {
    const part = tableFor([text], table);
    assert.is(createConverter(part)(text.normalize("NFKC")), createConverter(table)(text.normalize("NFKC")), text);
  }
  assert.equal(tableFor(["地鐵"], table), { phrases: [], chars: { 鐵: "铁" } });
});

test("the part of the table a text can use: the phrases it holds, in the table's order, whatever their first character", () => {
  const table = { phrases: [["雲端", "云端"], ["人工智慧", "人工智能"], ["軟體", "软件"], ["𠀋雲", "𠀋云"], ["雲", "云"], ["端雲", "端云"]] as [string, string][], chars: { 雲: "云", 體: "体", 軟: "软" } };
  // What the part must be, written the plain way: every phrase tried against every text.
  const plain = (texts: string[]) => {
    const seen = texts.map((t) => t.normalize("NFKC"));
    const chars = Object.fromEntries([...new Set(seen.join(""))].sort().filter((c) => Object.hasOwn(table.chars, c)).map((c) => [c, table.chars[c as keyof typeof table.chars]]));
    return { phrases: table.phrases.filter(([from]) => seen.some((t) => t.includes(from))), chars };
  };
  const alphabet = [..."雲端人工智慧軟體 a"].concat("𠀋");
  let seed = 3;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 400; round++) {
    const texts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""));
    assert.equal(tableFor(texts, table), plain(texts), JSON.stringify(texts));
  }
});

test("highlighting marks Han fragments anywhere and English words by stem", () => {
  const zh = highlight("美国云服务限制", "云服", identity);
  assert.equal(zh, [{ text: "美国", mark: false }, { text: "云服", mark: true }, { text: "务限制", mark: false }]);
  const en = highlight("New restrictions on cloud use", "restricts", identity);
  assert.equal(en.filter((s) => s.mark).map((s) => s.text), ["restrictions"]);
});

test("the nearest keywords to a query that found nothing are suggested", () => {
  assert.equal(nearestKeywords("猫熊", ["大熊猫", "熊猫基地", "地铁", "成都"], 2), ["大熊猫", "熊猫基地"]);
  assert.equal(nearestKeywords("metro line", ["Shanghai Metro", "giant panda"], 3), ["Shanghai Metro"]);
  assert.equal(nearestKeywords("xyz", ["地铁"], 3), []);
});

const page = (lang: "zh" | "en", title: string, keywords: string[]): ArticlePage => ({
  lang,
  authors: [],
  related: [],
  draft: false,
  featured: false,
  htmlLang: lang === "zh" ? "zh-CN" : "en",
  url: `/${lang}/s/`,
  title,
  key: "s",
  file: `articles/s.${lang}.md`,
  titleDerived: false,
  date: DateTime.fromISO("2024-01-29T00:00:00+08:00", { setZone: true }),
  dateIso: "2024-01-29T00:00:00+08:00",
  dateText: lang === "zh" ? "2024年1月29日" : "January 29, 2024",
  keywords: keywords.map((name) => ({ name, url: "", search: "" })),
  description: "",
  lead: lang === "zh" ? "正文" : "Lead text",
  html: "",
  head: { canonical: "", alternates: [], meta: [] },
});

test("a story's record weights titles and keywords above the lead and keeps display data out of the index", () => {
  const html = storyRecordHtml({ zh: page("zh", "美国云服务", ["人工智能"]), en: page("en", "</script> Cloud <b>", ['" onmouseover="x']) }, identity);
  assert.match(html, new RegExp(`<h1 data-pagefind-weight="10">${code("美国")} ${code("国云")} ${code("云服")} ${code("服务")} script cloud b</h1>`));
  assert.match(html, /<p data-pagefind-weight="9">[a-z ]*onmouseover x zponmouseoverx0<\/p>/);
  assert.match(html, /<div data-pagefind-ignore>/);
  assert.match(html, /data-pagefind-filter="kw_zh">人工智能</);
  assert.match(html, /data-pagefind-filter="lang">zh<.*data-pagefind-filter="lang">en</);
  assert.not.match(html, /<\/script>|<b>|" onmouseover/);
  assert.match(html, /data-pagefind-sort="date">1706457600</);
  assert.match(html, /<p>zfscript0 zfcloud0 zfb0 zfonmouseover0 zfx0<\/p>/, "word-form terms of the English title and keywords");
});

test("a record stores display data under one-letter keys, which Pagefind indexes glued to a word, and reads it back by name", () => {
  const html = storyRecordHtml({ en: page("en", "Lead Poisoning", ["health"]) }, identity);
  const stored = /data-pagefind-meta="en">([^<]*)</.exec(html)?.[1]?.replaceAll("&quot;", '"') ?? "";
  assert.equal(Object.keys(JSON.parse(stored)), ["t", "u", "k", "l", "d"]);
  const version = { title: "Lead Poisoning", url: "/en/s/", keywords: "health", lead: "Lead text", dateText: "January 29, 2024" };
  assert.equal(fromStoredVersion(JSON.parse(stored)), version);
  assert.equal(fromStoredVersion(toStoredVersion(version)), version);
  for (const bad of [null, "x", { t: "a" }, { ...toStoredVersion(version), d: 5 }]) assert.is(fromStoredVersion(bad), undefined, JSON.stringify(bad));
});

test("a story with a photo stores its thumbnail as one word no query matches, and reads it back", () => {
  const set = {
    width: 1600,
    height: 900,
    sources: [],
    fallback: { type: "image/png", src: "/media/46a24c6a8a3888a47d9d-960.png", srcset: "/media/46a24c6a8a3888a47d9d-480.png 480w, /media/46a24c6a8a3888a47d9d-960.png 960w" },
    large: { url: "/media/46a24c6a8a3888a47d9d-1600.png", width: 1600, height: 900, type: "image/png" },
  };
  const html = storyRecordHtml({ en: { ...page("en", "Pier", []), image: { alt: "Pier", set } } }, identity);
  const stored = JSON.parse(/data-pagefind-meta="en">([^<]*)</.exec(html)![1]!.replace(/&quot;/g, '"')) as Record<string, string>;
  assert.is(stored.i, "46a24c6a8a3888a47d9dw480h270p");
  assert.not.match(html, /media|png|jpeg/, "no word of a URL reaches the index");
  assert.equal(fromStoredVersion(stored)?.thumb, { name: "46a24c6a8a3888a47d9d", width: 480, height: 270, fallback: "png" });
  assert.is(fromStoredVersion({ ...stored, i: "../../evil" })?.thumb, undefined, "anything else is no thumbnail");
  // A JPEG photo's renditions are named .jpg (src/images/render.ts): its thumbnail must be found too.
  const jpeg = { ...set, fallback: { ...set.fallback, type: "image/jpeg", srcset: "/media/46a24c6a8a3888a47d9d-480.jpg 480w, /media/46a24c6a8a3888a47d9d-960.jpg 960w" } };
  const jpegHtml = storyRecordHtml({ en: { ...page("en", "Pier", []), image: { alt: "Pier", set: jpeg } } }, identity);
  const jpegStored = JSON.parse(/data-pagefind-meta="en">([^<]*)</.exec(jpegHtml)![1]!.replace(/&quot;/g, '"')) as Record<string, string>;
  assert.equal(fromStoredVersion(jpegStored)?.thumb, { name: "46a24c6a8a3888a47d9d", width: 480, height: 270, fallback: "jpg" });
});

test("full-width punctuation changes no search term: a query typed with ， or ( finds the same story, and indexing is unaffected", () => {
  const seed = "1月29日,中国外交部发言人汪文斌在例行记者会上,就美国云服务进行人工智能(AI)模型训练的问题作出回应:中方敦促美方遵守规律!";
  assert.equal(termsOf(fullWidthPunctuation(seed), identity), termsOf(seed, identity), "NFKC folds the full-width marks to separators");
  for (const [ascii, wide] of [["人工智能(AI)模型", "人工智能（AI）模型"], ["中国,美国", "中国，美国"], ["回应:中方", "回应：中方"], ["规律!", "规律！"], ["真的?", "真的？"]]) {
    assert.is(queryOf(wide!, identity), queryOf(ascii!, identity), wide);
  }
  const indexed = new Set(termsOf(fullWidthPunctuation(seed), identity));
  for (const q of ["人工智能(AI)", "人工智能（AI）", "记者会上,就美国", "记者会上，就美国"]) for (const term of queryOf(q, identity).split(" ")) assert.ok(indexed.has(term), q);
  // The record of a story shown with full-width marks indexes the same terms and stores what the page shows.
  const asciiRecord = storyRecordHtml({ zh: page("zh", "人工智能(AI)模型,美国", []) }, identity);
  const wideRecord = storyRecordHtml({ zh: page("zh", "人工智能（AI）模型，美国", []) }, identity);
  const indexedPart = (html: string) => html.slice(0, html.indexOf("<div data-pagefind-ignore>"));
  assert.is(indexedPart(wideRecord), indexedPart(asciiRecord));
  assert.match(wideRecord, /&quot;t&quot;:&quot;人工智能（AI）模型，美国&quot;/);
  const marked = highlight("人工智能（AI）模型", "人工智能(AI)", identity).filter((s) => s.mark).map((s) => s.text);
  assert.equal(marked, ["人工智能", "AI"], "an ASCII query highlights the full-width title");
});

test("the search page's data-* attributes are checked: a wrong one stops the script with an error naming it", () => {
  const dataset = {
    lang: "en",
    bundle: "/pagefind/",
    base: "/",
    shards: JSON.stringify([{ dir: "", stories: 3, packed: 0 }]),
    ui: JSON.stringify(STRINGS.en.searchUi),
    onlyMarks: JSON.stringify({ zh: "仅中文", en: "English only" }),
  };
  const read = (change: Record<string, string | undefined>) => readPageConfig({ dataset: { ...dataset, ...change } } as unknown as HTMLElement);
  assert.equal(read({}).shards, [{ dir: "", stories: 3, packed: 0 }]);
  assert.is(read({}).ui.alsoIn, STRINGS.en.searchUi.alsoIn);
  assert.throws(() => read({ shards: "[{" }), /data-shards is not JSON/);
  assert.throws(() => read({ shards: "[]" }), /data-shards is not a search layout/);
  assert.throws(() => read({ shards: '[{"dir":""}]' }), /data-shards is not a search layout/);
  assert.throws(() => read({ ui: JSON.stringify({ ...STRINGS.en.searchUi, loading: 1 }) }), /data-ui lacks/);
  assert.throws(() => read({ onlyMarks: '{"zh":"x"}' }), /data-only-marks lacks/);
  assert.throws(() => read({ bundle: undefined }), /has no data-bundle/);
});

test("word forms: inflections of a word share one base, derived words and short words keep theirs", () => {
  const bases = (words: string[]) => [...new Set(words.map(inflectionBase))];
  assert.equal(bases(["approve", "approves", "approved", "approving"]), ["approv"]);
  assert.equal(bases(["plan", "plans", "planned", "planning"]), ["plan"]);
  assert.equal(bases(["city", "cities"]), ["city"]);
  assert.equal(bases(["launch", "launches", "launched"]), ["launch"]);
  assert.equal(bases(["deploy", "deploys", "deployed"]), ["deploy"]);
  assert.equal(bases(["adjust", "adjusts", "adjusted"]), ["adjust"]);
  for (const [verb, derived] of [["approved", "approval"], ["adjusted", "adjustment"], ["connected", "connectivity"], ["deployed", "deployment"]] as const) {
    assert.is.not(inflectionBase(verb), inflectionBase(derived), `${verb} / ${derived}`);
  }
  assert.equal(["bus", "gas", "red", "speed", "class", "focus"].map(inflectionBase), ["bus", "gas", "red", "speed", "class", "focus"]);
  // Terms are delimited, so one word's term never begins another's, and Chinese has none.
  assert.equal(formTermsOf("Shanghai Approves New Metro Lines, 上海地铁", identity), ["zfshanghai0", "zfapprov0", "zfnew0", "zfmetro0", "zflin0"]);
  assert.equal(formTermsOf("U.S. Restricts", identity), ["zfus0", "zfrestrict0"]);
  assert.equal(formTermsOf("上海地铁 2024", identity), []);
});

/** `n` stories in each month of `months` ("2024-03": 5), as the periods `searchLayout` takes. */
const periods = (months: Record<string, number>): string[] => Object.entries(months).flatMap(([month, n]) => Array<string>(n).fill(month));
const shape = (layout: readonly { dir: string; stories: number }[]) => layout.map((s) => `${s.dir || "/"}${s.stories}`);

test("the search layout: whole months from the oldest, merged until a shard holds the minimum, named after their first month", () => {
  assert.equal(searchLayout([]), [{ dir: "", stories: 0, packed: 0 }]);
  assert.equal(searchLayout(periods({ "2024-01": 3, "2024-02": 1 })), [{ dir: "", stories: 4, packed: 0 }], "a small site is one index");
  const months = periods({ "2023-11": 1, "2023-12": 2, "2024-01": 1, "2024-02": 5, "2024-03": 1 });
  assert.equal(shape(searchLayout(months, { minStories: 3, shardSize: 10 })), ["/3", "p2024-01/6", "p2024-03/1"]);
  assert.equal(shape(searchLayout([...months].reverse(), { minStories: 3, shardSize: 10 })), ["/3", "p2024-01/6", "p2024-03/1"], "the input order does not matter");
  assert.equal(searchLayout(months, { minStories: 3, shardSize: 10, pack: true }).map((s) => s.packed), [1, 1, 1]);
  // A month never joins a shard it would take past the maximum; a month over it is cut into parts.
  assert.equal(shape(searchLayout(months, { minStories: 3, shardSize: 4 })), ["/3", "p2024-01/1", "p2024-02/4", "p2024-02.2/2"]);
  assert.equal(shape(searchLayout(months, { shardSize: 1 })), ["/1", "p2023-12/1", "p2023-12.2/1", "p2024-01/1", "p2024-02/1", "p2024-02.2/1", "p2024-02.3/1", "p2024-02.4/1", "p2024-02.5/1", "p2024-03/1"]);
  const large = searchLayout(periods({ "2024-01": SHARD_SIZE + 1 }), { pack: true });
  assert.equal(large.map((s) => [s.dir, s.stories, s.packed]), [["", SHARD_SIZE, packedFileCount(SHARD_SIZE)], ["p2024-01.2/", 1, 1]]);
  assert.equal(periodOf("2024-03-31T23:30:00+08:00"), "2024-03", "the month as the news time zone writes it");
});

test("the search layout: a story added to the newest month changes only the newest shard; a new year re-cuts only the last year and the last past shard", () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 300; round++) {
    const counts: Record<string, number> = {};
    for (let m = 0; m < 1 + Math.floor(random() * 40); m++) counts[`20${10 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`] = Math.floor(random() * 9);
    const options = { minStories: 1 + Math.floor(random() * 12), shardSize: 12 + Math.floor(random() * 30), tailStories: 1 + Math.floor(random() * 40) };
    const before = searchLayout(periods(counts), options);
    const months = Object.keys(counts).filter((m) => counts[m]! > 0).sort();
    const newest = months.at(-1) ?? "2010-01";
    // The newest month shares its shard only within the tail's limit.
    const last = before.at(-1)!;
    const lastMonths = months.filter((m) => (last.dir === "" ? true : m >= last.dir.slice(1, 8)));
    if (lastMonths.length > 1 && !last.dir.includes(".")) assert.ok(last.stories <= options.tailStories, `round ${round}: the newest month shares a shard of ${last.stories}`);
    const inAdded = searchLayout([...periods(counts), newest], options);
    assert.equal(inAdded.slice(0, before.length - 1), before.slice(0, -1), `round ${round}, a story in ${newest}`);
    // Shards of past years: all but the last of them are full, and stay as they are.
    const yearOf = (shard: { dir: string }) => (shard.dir === "" ? months[0] ?? "" : shard.dir.slice(1)).slice(0, 4);
    const past = before.filter((shard) => yearOf(shard) < newest.slice(0, 4)).length;
    const newYear = searchLayout([...periods(counts), "2099-01"], options);
    assert.equal(newYear.slice(0, Math.max(0, past - 1)), before.slice(0, Math.max(0, past - 1)), `round ${round}, a story in a new year`);
    assert.ok(before.slice(0, Math.max(0, past - 1)).every((shard) => shard.stories > options.shardSize - 9), `round ${round}: past shards are nearly full`);
  }
  assert.equal(searchLayout(periods({ "2024-01": 5 }), { minStories: SHARD_MIN + 1 }).length, 1, "the minimum is at most the maximum");
});

test("the search layout: past years fill shards up to the maximum, the newest year's months gather to the minimum", () => {
  const months = periods({ "2022-06": 4, "2022-11": 4, "2023-02": 4, "2023-07": 4, "2024-01": 2, "2024-02": 2, "2024-03": 2, "2024-04": 1 });
  assert.equal(shape(searchLayout(months, { minStories: 3, shardSize: 10 })), ["/8", "p2023-02/8", "p2024-01/4", "p2024-03/3"]);
  assert.equal(shape(searchLayout(periods({ "2023-05": 2, "2024-01": 1, "2024-02": 1 }), { minStories: 5, shardSize: 10 })), ["/4"], "a small site is one shard");
});

test("the search layout: the newest month is a shard of its own once its shard would pass the tail's limit", () => {
  const months = periods({ "2024-01": 3, "2024-02": 2, "2024-03": 2 });
  assert.equal(shape(searchLayout(months, { minStories: 10, shardSize: 20, tailStories: 7 })), ["/7"], "within the limit, one shard");
  assert.equal(shape(searchLayout(months, { minStories: 10, shardSize: 20, tailStories: 6 })), ["/5", "p2024-03/2"]);
  // One more story in the newest month splits it off once; after that only its own shard changes.
  assert.equal(shape(searchLayout([...months, "2024-03"], { minStories: 10, shardSize: 20, tailStories: 7 })), ["/5", "p2024-03/3"]);
  assert.equal(shape(searchLayout([...months, "2024-03", "2024-03"], { minStories: 10, shardSize: 20, tailStories: 7 })), ["/5", "p2024-03/4"]);
  // By default the limit is SHARD_TAIL stories, the newest month's included.
  assert.equal(shape(searchLayout(periods({ "2025-01": SHARD_TAIL - 10, "2025-02": 10 }))), [`/${SHARD_TAIL}`]);
  assert.equal(shape(searchLayout(periods({ "2025-01": SHARD_TAIL - 9, "2025-02": 10 }))), [`/${SHARD_TAIL - 9}`, "p2025-02/10"]);
});

test("packed results: one file per 16 stories, and every record id maps to one of them", () => {
  assert.equal([1, 16, 17, 1000, 10_000].map(packedFileCount), [1, 1, 2, 63, 625]);
  const ids = Array.from({ length: 4000 }, (_, i) => `en_${((i * 2654435761) >>> 4).toString(16).padStart(7, "0").slice(0, 7)}`);
  const files = ids.map((id) => packedFileOf(id, 625));
  const names = new Set(Array.from({ length: 625 }, (_, n) => `duet-results/${n.toString(36)}.json`));
  assert.ok(files.every((f) => names.has(f)), files.find((f) => !names.has(f)));
  assert.ok(new Set(files).size > 600, `ids spread over the files: ${new Set(files).size} of 625 used`);
  assert.is(packedFileOf("en_0000000", 625), "duet-results/0.json");
  assert.is(packedFileOf("en_0000270", 625), `duet-results/${(0x270 % 625).toString(36)}.json`);
});

test.run();
