import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseRawScrape } from "../src/parse/raw-scrape.ts";
import type { RawParseResult } from "../src/parse/raw-scrape.ts";
import type { ArticleDraft, Lang, SourceFile } from "../src/types.ts";
import { assertGolden } from "./helpers/golden.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "raw");
// The user's own sample, shipped unchanged as sample content.
const SEED = join(import.meta.dirname, "..", "articles", "2024", "us-cloud-ai-restrictions.txt");

/** Reads a file the way ingest hands it over: BOM stripped, line ends normalised. */
function readSource(file: string, relPath: string, path = file): SourceFile {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return { path, relPath, text, kind: "raw" };
}

/** Parses the fixture `tests/fixtures/raw/<name>.txt`, placed under a 2024 folder. */
function parseFixture(name: string, relPath = `2024/${name}.txt`): RawParseResult {
  return parseRawScrape(readSource(join(FIXTURES, `${name}.txt`), relPath, `tests/fixtures/raw/${name}.txt`));
}

/** The draft of one language; fails the test when it is missing. */
function draftOf(result: RawParseResult, lang: Lang): ArticleDraft {
  const draft = result.drafts.find((d) => d.lang === lang);
  assert.ok(draft, `expected a ${lang} draft`);
  return draft;
}

/** The paragraph texts of a draft. */
function textsOf(draft: ArticleDraft): string[] {
  return draft.body.format === "paragraphs" ? draft.body.paragraphs.map((p) => p.value) : [];
}

/** Diagnostics as `[code, line]` pairs. */
function codesOf(result: RawParseResult): [string, number][] {
  return result.diagnostics.map((d) => [d.code, d.line]);
}

/** Dropped lines as `line:rule` strings. */
function droppedOf(result: RawParseResult): string[] {
  return result.trace.dropped.map((d) => `${d.line}:${d.rule}`);
}

test("seed: the parsed story matches the golden file", () => {
  const result = parseRawScrape(readSource(SEED, "2024/000_ff57749034ab4e2f.txt"));
  const summary = Object.fromEntries(
    result.drafts.map((d) => {
      const texts = textsOf(d);
      const fields = { title: d.title, titleDerived: d.titleDerived, date: d.date ?? null, keywords: d.keywords?.value ?? null, source: d.source?.value ?? null };
      return [d.lang, { ...fields, paragraphs: texts.length, first: texts[0], last: texts[texts.length - 1] }];
    }),
  );
  assertGolden("seed-raw.json", `${JSON.stringify({ ...summary, diagnostics: result.diagnostics, trace: result.trace }, null, 2)}\n`);
});

test("seed: no chrome text reaches any paragraph", () => {
  const result = parseRawScrape(readSource(SEED, "2024/000_ff57749034ab4e2f.txt"));
  const all = result.drafts.flatMap(textsOf);
  assert.is(all.length, 8);
  for (const chrome of ["Views", "发表回复", "您的邮箱地址", "【来源】", "英语如下", "News Title", "Keywords:"]) {
    assert.not.ok(all.some((p) => p.includes(chrome)), `"${chrome}" leaked into a paragraph`);
  }
  assert.equal(codesOf(result), []);
});

test("separator-fullwidth-colon: 英文翻译： splits the parts; straight quotes leave the title", () => {
  const result = parseFixture("separator-fullwidth-colon");
  assert.is(result.trace.separatorLine, 5);
  const en = draftOf(result, "en");
  assert.equal(en.title, { value: "Jiangnan Library Extends Opening Hours for Spring Festival", line: 7 });
  assert.equal(en.keywords, { value: "library, Spring Festival, reading", line: 9 });
  assert.is(textsOf(draftOf(result, "zh")).length, 2);
  assert.is(textsOf(en).length, 2);
  assert.equal(codesOf(result), []);
});

test("separator-english-phrase: 'English version:', lower-case labels and curly single quotes", () => {
  const result = parseFixture("separator-english-phrase");
  const en = draftOf(result, "en");
  assert.is(result.trace.separatorLine, 3);
  assert.is(en.title?.value, "Binhai Holds First Ocean Science Festival");
  assert.is(en.keywords?.value, "ocean, science festival, Binhai");
  assert.equal(en.source, { value: "https://example.com/binhai-ocean", line: 13 });
  assert.equal(textsOf(en), ["On March 8, Binhai held its first ocean science festival, drawing thousands of residents."]);
});

test("no-separator: English labels alone start the English part", () => {
  const result = parseFixture("no-separator");
  assert.is(result.trace.separatorLine, undefined);
  assert.equal(result.trace.zhBody, [1, 3]);
  assert.equal(result.trace.enBody, [11, 13]);
  assert.is(draftOf(result, "en").title?.value, "New Rural Road Opens in Qingshan County");
  assert.is(draftOf(result, "zh").source?.value, "https://example.com/qingshan-road");
  assert.equal(codesOf(result), []);
});

test("two-separators: an error naming both lines, and no guess", () => {
  const result = parseFixture("two-separators");
  assert.equal(codesOf(result), [["raw/ambiguous-separator", 5]]);
  assert.match(result.diagnostics[0]?.message ?? "", /lines 3 and 5/);
  assert.is(result.diagnostics[0]?.severity, "error");
  assert.is(result.drafts.length, 0);
});

test("bold-labels: **News Title:** with the value below, **Keywords**: inline", () => {
  const result = parseFixture("bold-labels");
  const en = draftOf(result, "en");
  assert.equal(en.title, { value: "Beiling Launches Public Bike System", line: 6 });
  assert.is(en.keywords?.value, "public bikes, Beiling, green travel");
  assert.is(textsOf(en).length, 2);
  assert.match(textsOf(en)[0] ?? "", /^On June 18, Beiling/);
});

test("chinese-labels: 英文标题/英文关键词/英文新闻内容 labels, and a 标题： label for the Chinese title", () => {
  const result = parseFixture("chinese-labels");
  const zh = draftOf(result, "zh");
  assert.equal(zh.title, { value: "西川市开通首条城市观光巴士线路", line: 1 });
  assert.is(zh.titleDerived, false);
  assert.is(textsOf(zh).length, 2);
  const en = draftOf(result, "en");
  assert.is(en.title?.value, "Xichuan Opens First City Sightseeing Bus Line");
  assert.is(en.keywords?.value, "sightseeing bus, Xichuan, tourism");
  assert.is(en.source?.value, "https://example.com/xichuan-bus");
  assert.is(textsOf(en).length, 2);
});

test("labels-out-of-order: Keywords before Title, no blank lines", () => {
  const result = parseFixture("labels-out-of-order");
  const en = draftOf(result, "en");
  assert.equal(en.title, { value: "Nangang Port Completes Expansion", line: 5 });
  assert.equal(en.keywords, { value: "Nangang port, expansion, shipping", line: 4 });
  assert.equal(textsOf(en), ["On August 9, Nangang port completed its expansion, raising annual capacity by 30 percent."]);
  assert.is(result.trace.sourceLine, 8);
});

test("missing-english-title: an error on the line the English part starts", () => {
  const result = parseFixture("missing-english-title");
  assert.equal(codesOf(result), [["raw/missing-title", 5]]);
  assert.equal(result.drafts.map((d) => d.lang), ["zh"]);
});

test("page-chrome: navigation, metadata and captions before, blog chrome after", () => {
  const result = parseFixture("page-chrome");
  assert.equal(droppedOf(result), [
    "1:nav-menu", "2:breadcrumb", "3:meta-line", "4:image-caption", "7:image-caption",
    "19:after-source", "20:after-source", "21:after-source", "22:after-source", "23:after-source", "24:after-source", "25:after-source",
  ]);
  const zh = draftOf(result, "zh");
  assert.is(textsOf(zh).length, 2);
  assert.match(textsOf(zh)[0] ?? "", /^10月15日，北岸市/);
  assert.equal(zh.date, { value: "2024-10-15", line: 5 });
  // Two clauses within 40 characters: the whole first sentence is the headline.
  assert.is(zh.title?.value, "北岸市首座新型储能电站并网运行，可满足约五万户家庭一天的用电需求");
  assert.is(result.trace.zhTitle?.rule, "whole-sentence");
  assert.is(textsOf(draftOf(result, "en")).length, 2);
});

test("trailing-chrome-no-source: without a source line, chrome is known by its shape", () => {
  const result = parseFixture("trailing-chrome-no-source");
  assert.equal(droppedOf(result), ["10:counter", "11:comment-form", "12:comment-form", "13:copyright", "14:reprint", "15:tags"]);
  assert.is(draftOf(result, "en").source, undefined);
  assert.is(textsOf(draftOf(result, "en")).length, 1);
});

test("no-english: a Chinese draft only, with a warning", () => {
  const result = parseFixture("no-english");
  assert.equal(codesOf(result), [["raw/no-english", 3]]);
  assert.is(result.diagnostics[0]?.severity, "warning");
  assert.equal(result.drafts.map((d) => d.lang), ["zh"]);
  assert.equal(droppedOf(result), ["7:after-source"]);
});

test("no-chinese: an English draft only, with a warning; the date comes from 'Jan. 14'", () => {
  const result = parseFixture("no-chinese");
  assert.equal(codesOf(result), [["raw/no-chinese", 1]]);
  const en = draftOf(result, "en");
  assert.equal(result.drafts.length, 1);
  assert.equal(en.date, { value: "2024-01-14", line: 4 });
  assert.is(en.source?.value, "https://example.com/river-cleanup");
});

test("empty: chrome only is an error and no draft", () => {
  const result = parseFixture("empty");
  assert.equal(codesOf(result), [["raw/empty", 1]]);
  assert.is(result.diagnostics[0]?.severity, "error");
  assert.is(result.drafts.length, 0);
  assert.equal(droppedOf(result), ["1:nav-menu", "2:counter", "3:comment-form"]);
});

test("repeated-title: the title repeated as the first content line is dropped", () => {
  const result = parseFixture("repeated-title");
  const en = draftOf(result, "en");
  assert.is(en.title?.value, "Dongling Opens First Urban Wetland Park");
  assert.equal(textsOf(en), ["On February 14, Dongling opened its first urban wetland park, covering 300 hectares."]);
  assert.equal(droppedOf(result), ["8:repeated-title"]);
});

test("zh-title-line: a short first line without sentence punctuation is the Chinese title", () => {
  const result = parseFixture("zh-title-line");
  const zh = draftOf(result, "zh");
  assert.equal(zh.title, { value: "北川市举办国际马拉松赛", line: 1 });
  assert.is(zh.titleDerived, false);
  assert.equal(result.trace.zhBody, [3, 5]);
  assert.equal(zh.date, { value: "2024-03-24", line: 3 });
});

test("dateline-lead: the derived title leaves out '据新华社4月3日电，' and stops at a clause", () => {
  const zh = draftOf(parseFixture("dateline-lead"), "zh");
  assert.equal(zh.title, { value: "国家气象中心发布今年首个沙尘暴蓝色预警", line: 1 });
  assert.is(zh.titleDerived, true);
});

test("front-matter: date, slug, title_zh, keywords_zh and id win, with their lines", () => {
  const result = parseFixture("front-matter");
  const zh = draftOf(result, "zh");
  const en = draftOf(result, "en");
  assert.equal(zh.date, { value: "2024-05-20T09:30:00+08:00", line: 2 });
  assert.equal(zh.slug, { value: "west-lake-lanterns", line: 3 });
  assert.equal(en.slug, zh.slug);
  assert.equal(zh.title, { value: "西湖灯会开幕", line: 4 });
  assert.is(zh.titleDerived, false);
  assert.equal(zh.keywords, { value: ["灯会", "西湖"], line: 5 });
  assert.equal(en.id, { value: "lanterns-2024", line: 6 });
  assert.equal(result.trace.zhBody, [8, 8]);
  assert.equal(codesOf(result), []);
});

test("non-http-source: a source line with another scheme loses the source, not the story", () => {
  const result = parseFixture("non-http-source");
  assert.is(draftOf(result, "zh").source, undefined);
  assert.equal(codesOf(result), [["raw/bad-source", 9]]);
  assert.ok(droppedOf(result).includes("9:bad-source"));
  assert.is(draftOf(result, "en").keywords, undefined);
});

test("nbsp-indent: NBSP and U+3000 indentation and stray \\r are trimmed off", () => {
  const file = join(FIXTURES, "nbsp-indent.txt");
  const raw: SourceFile = { path: "nbsp-indent.txt", relPath: "2024/nbsp-indent.txt", text: readFileSync(file, "utf8"), kind: "raw" };
  for (const result of [parseFixture("nbsp-indent"), parseRawScrape(raw)]) {
    const zh = draftOf(result, "zh");
    const en = draftOf(result, "en");
    assert.equal(textsOf(zh), ["7月7日，北湖区图书馆新馆落成，藏书五十万册。", "新馆设有少儿阅览室和数字阅读区。"]);
    assert.is(en.title?.value, "Beihu District Opens New Library");
    assert.is(en.keywords?.value, "library, Beihu");
    assert.is(textsOf(en)[1], "It has a children's reading room and a digital reading area.");
    assert.is(en.source?.value, "https://example.com/beihu-library");
  }
});

test("slug comes from the file name without its extension; no id without front matter", () => {
  const result = parseFixture("no-separator", "2024/01/qingshan-road.txt");
  for (const draft of result.drafts) {
    assert.equal(draft.slug, { value: "qingshan-road", line: 1 });
    assert.is(draft.id, undefined);
    assert.is(draft.kind, "raw");
  }
});

test("an English part that cannot be told apart is named by a warning on its first line, never dropped in silence", () => {
  const parse = (text: string) => parseRawScrape({ path: "2024/x.txt", relPath: "2024/x.txt", text, kind: "raw" });
  // English between two Chinese paragraphs: no separator says where the English part is.
  const sandwiched = parse("3月5日，图书馆开放。\n\nOn March 5 a library opened in Riverside.\n\n另外一段中文。\n");
  assert.equal(sandwiched.drafts.map((d) => d.lang), ["zh"]);
  assert.equal(codesOf(sandwiched), [["raw/ambiguous-english", 3]]);
  // The separator after the English text: the English part it announces is empty.
  const late = parse("3月5日，图书馆开放。\n\nNews Title: Library Opens\nOn March 5 a library opened.\n\n英语如下:\n");
  assert.equal(late.drafts.map((d) => d.lang), ["zh"]);
  assert.equal(codesOf(late), [["raw/ambiguous-english", 3]]);
  assert.match(late.diagnostics[0]!.message, /line 3 reads as English/);
  // No English anywhere is still plain raw/no-english.
  assert.equal(codesOf(parse("3月5日，图书馆开放。\n\n第二段。\n")), [["raw/no-english", 3]]);
});

test.run();
