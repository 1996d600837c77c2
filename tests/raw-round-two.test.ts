// Raw scrapes, round two (issue 19): headlines that read as headlines, and the shapes that used to come out wrong.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { deriveZhHeadline, deriveZhTitle } from "../src/parse/raw/derive-title.ts";
import { parseRawScrape } from "../src/parse/raw-scrape.ts";
import type { RawParseResult } from "../src/parse/raw-scrape.ts";
import type { ArticleDraft, Lang } from "../src/types.ts";
import { countGraphemes } from "../src/validate/text.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "raw");

/** Parses `tests/fixtures/raw/<name>.txt` as if under articles/2024/. */
function parseFixture(name: string): RawParseResult {
  const text = readFileSync(join(FIXTURES, `${name}.txt`), "utf8");
  return parseRawScrape({ path: `tests/fixtures/raw/${name}.txt`, relPath: `2024/${name}.txt`, text, kind: "raw" });
}

/** The draft of one language, or undefined. */
function draftOf(result: RawParseResult, lang: Lang): ArticleDraft | undefined {
  return result.drafts.find((d) => d.lang === lang);
}

/** Paragraph texts of a draft. */
function textsOf(draft: ArticleDraft | undefined): string[] {
  return draft?.body.format === "paragraphs" ? draft.body.paragraphs.map((p) => p.value) : [];
}

/** Diagnostics as `code@line`. */
function codesOf(result: RawParseResult): string[] {
  return result.diagnostics.map((d) => `${d.code}@${d.line}`);
}

/** Dropped lines as `line:rule`. */
function droppedOf(result: RawParseResult): string[] {
  return result.trace.dropped.map((d) => `${d.line}:${d.rule}`);
}

test("titles: the seed's lead gives a whole clause, compressed as an editor would, not a locative fragment", () => {
  const lead =
    "1月29日,中国外交部发言人汪文斌在例行记者会上,就有关美国政府计划限制中国企业通过美国云服务进行人工智能(AI)模型训练的问题作出回应。汪文斌表示,中方敦促美方遵守科技发展的客观规律。";
  const derived = deriveZhHeadline(lead);
  assert.is(derived?.title, "外交部发言人汪文斌就美方计划限制中企通过美国云服务进行人工智能模型训练作出回应");
  assert.is(derived?.rule, "compressed-sentence (drop-locative, drop-gloss, drop-topic-frame, abbreviate)");
  assert.ok(countGraphemes(derived?.title ?? "") <= 40);
});

test("titles: never end on a preposition or a locative phrase", () => {
  const leads = [
    "3月5日，市交通局局长王五在新闻发布会上，就地铁四号线延误多日的原因和今后的改进措施向市民作出详细说明。",
    "近日，省气象台首席预报员在接受本报记者专访时，对今年汛期可能出现的极端降雨天气及其影响进行了全面分析和预测。",
  ];
  for (const lead of leads) {
    const title = deriveZhTitle(lead) ?? "";
    assert.not.match(title, /(?:[在就]|在[^，]{0,16}(?:上|中|时))$/, title);
    assert.ok(title.length >= 6, title);
  }
});

test("titles: a short two-clause sentence is kept whole; three clauses read as a lead and keep the first two", () => {
  assert.equal(deriveZhHeadline("1月2日，北岸市首座储能电站并网运行，可满足五万户用电。")?.rule, "whole-sentence");
  const three = deriveZhHeadline("据新华社4月3日电，国家气象中心发布沙尘暴蓝色预警，提醒公众减少户外活动，做好防护。");
  assert.equal([three?.title, three?.rule], ["国家气象中心发布沙尘暴蓝色预警，提醒公众减少户外活动", "leading-clauses"]);
});

test("titles: shortening counts and cuts grapheme clusters, never halves of one", () => {
  const family = "👨‍👩‍👧‍👦";
  const flag = "🇨🇳";
  const extB = "𠀀𠀁𠀂";
  const lead = `${family}${flag}${extB}${"长".repeat(60)}${family}。`;
  const title = deriveZhTitle(lead) ?? "";
  // Every grapheme of the title is one of the lead's graphemes: nothing split.
  const seg = new Intl.Segmenter("zh", { granularity: "grapheme" });
  const leadGraphemes = new Set(Array.from(seg.segment(lead), (s) => s.segment));
  for (const { segment } of seg.segment(title)) assert.ok(leadGraphemes.has(segment), JSON.stringify(segment));
  assert.ok(title.startsWith(family + flag + extB));
  assert.is(countGraphemes(family + flag + extB), 5);
});

test("counting characters: the plain-text shortcut agrees with the grapheme segmenter", () => {
  const seg = new Intl.Segmenter("und", { granularity: "grapheme" });
  const bySegmenter = (text: string) => [...seg.segment(text)].length;
  // Units the shortcut takes one each, and units it must leave to the segmenter (marks, joiners, selectors, CR LF, surrogates, Hangul jamo).
  const plain = [..."Aa z~\u00A0é\u02FF、。「」\u3029\u3030中国龍\u9FFF！～ｈ\uFF60\uFFE0\uFFEE"];
  const joining = ["\u0301", "\u200D", "\uFE0F", "\r\n", "\r", "\n", "👍🏽", "🇨🇳", "𠀀", "\u1100\u1161", "\u0E33", "\u3099", "\u302A", "\uFF9E", "\uFF76"];
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 500; round++) {
    const pool = round % 2 === 0 ? plain : [...plain, ...joining];
    const text = Array.from({ length: Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]).join("");
    assert.is(countGraphemes(text), bySegmenter(text), JSON.stringify(text));
  }
  // Every unit the shortcut takes stands alone, after a letter, an ideograph or itself.
  for (const [from, to] of [[0x20, 0x7e], [0xa0, 0x2ff], [0x3000, 0x3029], [0x3030, 0x303f], [0x4e00, 0x9fff], [0xff01, 0xff60], [0xffe0, 0xffee]] as const) {
    for (let code = from; code <= to; code++) {
      const unit = String.fromCharCode(code);
      for (const text of [`a${unit}`, `中${unit}`, unit + unit]) if (bySegmenter(text) !== 2) assert.unreachable(`${JSON.stringify(text)} is one grapheme`);
      assert.is(countGraphemes(`a${unit}`), 2);
    }
  }
});

test("bad source lines: javascript:, a relative path or plain text lose the source, not the story", () => {
  for (const [name, line] of [["bad-source-javascript", 11], ["bad-source-relative", 17], ["bad-source-text", 3]] as const) {
    const result = parseFixture(name);
    assert.ok(draftOf(result, "zh"), name);
    for (const draft of result.drafts) assert.is(draft.source, undefined, name);
    assert.ok(codesOf(result).includes(`raw/bad-source@${line}`), name);
    assert.ok(droppedOf(result).includes(`${line}:bad-source`), name);
    assert.is(result.trace.sourceLine, undefined, name);
  }
  assert.equal(parseFixture("bad-source-relative").drafts.map((d) => d.lang), ["zh", "en"]);
});

test("two source lines: the first is kept, the warning names both", () => {
  const result = parseFixture("duplicate-source");
  assert.equal(result.drafts.map((d) => d.source?.value), ["https://news.example.cn/2024/08/20/beiwan.html", "https://news.example.cn/2024/08/20/beiwan.html"]);
  assert.equal(codesOf(result), ["raw/duplicate-source@12"]);
  assert.match(result.diagnostics[0]?.message ?? "", "lines 11 and 12");
  assert.equal(droppedOf(result), ["12:extra-source"]);
});

test("restated headline: a Title:/Headline: line opening the content is dropped, the News Title stays, the paragraphs are the content", () => {
  const result = parseFixture("restated-title");
  const en = draftOf(result, "en");
  assert.is(en?.title?.value, "Qingchuan Opens Its First Tram Line");
  assert.equal(textsOf(en).map((t) => t.slice(0, 20)), ["On September 14, Qin", "Note: During the tri"]);
  assert.equal(codesOf(result), []);
  assert.equal(droppedOf(result), ["13:restated-title"]);
});

test("restated headline: bold **Headline:** is dropped too; a label-like line later in the content is content", () => {
  const result = parseFixture("restated-title-zh-bold");
  const en = draftOf(result, "en");
  assert.is(en?.title?.value, "Xiling Town Holds First Harvest Festival");
  assert.equal(textsOf(en), [
    "On October 2, Xiling Town held its first harvest festival, showing more than 200 local farm products.",
    "Contents: honey, tea and chestnuts sold best at the stalls.",
  ]);
  assert.equal(droppedOf(result), ["7:restated-title"]);
});

test("two different News Title lines: the Chinese version is published, the English left out, both lines named", () => {
  const result = parseFixture("duplicate-news-title");
  assert.equal(result.drafts.map((d) => d.lang), ["zh"]);
  assert.equal(codesOf(result), ["raw/duplicate-title@7"]);
  assert.match(result.diagnostics[0]?.message ?? "", "lines 5 and 7");
});

test("title and keywords without a content label: the Chinese version is published, the English left out, lines named", () => {
  const result = parseFixture("unlabelled-content");
  assert.equal(result.drafts.map((d) => d.lang), ["zh"]);
  assert.equal(codesOf(result), ["raw/unlabelled-content@6"]);
  assert.match(result.diagnostics[0]?.message ?? "", "lines 5 and 6");
});

test("chrome inside and after the parts: editor, counter, click-to-enlarge, ad, a Related: block and footers without a blank line", () => {
  const result = parseFixture("chrome-in-parts");
  assert.equal(droppedOf(result), [
    "1:image-link", "4:meta-line", "5:counter", "7:ad",
    "18:related", "19:related", "20:related", "21:prev-next", "22:prev-next", "23:share", "24:copyright",
  ]);
  assert.equal(textsOf(draftOf(result, "zh")).length, 2);
  const en = textsOf(draftOf(result, "en"));
  assert.equal(en.length, 2);
  assert.match(en[1] ?? "", /^The farm has 30 turbines/);
  assert.equal(codesOf(result), []);
});

test("page chrome before the Chinese body: a repeated banner, a caption or place name, a column name never lead or title", () => {
  const cases: [string, string[], RegExp][] = [
    ["lead-banner", ["1:banner"], /^南湖区首个社区养老服务中心投入使用/],
    ["lead-caption", ["1:caption-line"], /^西湖湖面出现大面积平流雾/],
    ["lead-column", ["1:caption-line", "2:breadcrumb"], /^东城区首批智能公交站台投入使用/],
  ];
  for (const [name, dropped, title] of cases) {
    const result = parseFixture(name);
    const zh = draftOf(result, "zh");
    assert.equal(droppedOf(result), dropped, name);
    assert.match(String(zh?.title?.value), title, name);
    assert.match(textsOf(zh)[0] ?? "", /^\d+月\d+日/, name);
  }
});

test("a real one-line first paragraph and a written title line stay: punctuation or a verb tell them from chrome", () => {
  const paragraph = parseFixture("lead-one-line-paragraph");
  assert.equal(droppedOf(paragraph), []);
  assert.is(textsOf(draftOf(paragraph, "zh"))[0], "新年第一天，全市迎来降雪。");
  const titled = parseFixture("lead-title-line");
  assert.equal(droppedOf(titled), []);
  assert.equal([draftOf(titled, "zh")?.title?.value, draftOf(titled, "zh")?.titleDerived], ["北湾港迎来首艘邮轮", false]);
});

test("restated headline on its own line (Headline: then the value below) drops both lines; without a News Title it is the title", () => {
  const own = parseFixture("restated-title-own-line");
  assert.equal(droppedOf(own), ["7:restated-title", "8:restated-title"]);
  assert.equal(textsOf(draftOf(own, "en")).length, 1);
  const none = parseFixture("restated-title-no-news-title");
  assert.is(draftOf(none, "en")?.title?.value, "Nanling Village Opens Its First Kindergarten");
  assert.equal(textsOf(draftOf(none, "en")).length, 1);
  assert.equal(codesOf(none), []);
});

test("titles: a second clause that leaves the headline open (a time clause ending in 后) is not taken; 反对 is a verb, not a preposition", () => {
  assert.is(deriveZhTitle("2月26日，北岭村建成全县第一座村级光伏电站，所发电量并入电网后，每年可为村集体增收十万元。"), "北岭村建成全县第一座村级光伏电站");
  assert.is(deriveZhTitle("1月29日,外交部发言人表示,中方坚决反对。"), "外交部发言人表示,中方坚决反对");
  assert.is(deriveZhTitle("3月1日，暴雨过后，全市交通恢复正常。"), "暴雨过后，全市交通恢复正常");
});

test.run();
