import { test } from "uvu";
import * as assert from "uvu/assert";
import { dayFromFileName, findEnDay, findZhDay, yearFromPath } from "../src/parse/raw/lead-date.ts";
import { parseRawScrape } from "../src/parse/raw-scrape.ts";
import type { RawParseResult } from "../src/parse/raw-scrape.ts";

const ENGLISH = "\n\n英语如下:\nNews Title: T\nNews Content:\nText.\n";

/** Parses an inline raw scrape placed at `relPath`. */
function parseAt(relPath: string, text: string): RawParseResult {
  return parseRawScrape({ path: `articles/${relPath}`, relPath, text, kind: "raw" });
}

/** Every draft's date value, and the diagnostics as `[code, line]`. */
function datesOf(result: RawParseResult) {
  return { dates: result.drafts.map((d) => d.date), codes: result.diagnostics.map((d) => [d.code, d.line]) };
}

test("a year folder plus the Chinese lead's month and day give the date, on the lead's line", () => {
  const result = parseAt("2024/a.txt", `\n1月29日，某地举行活动。${ENGLISH}`);
  const day = { value: "2024-01-29", line: 2 };
  assert.equal(datesOf(result), { dates: [day, day], codes: [] });
});

test("month and day are zero-padded; a nested month folder still gives the year", () => {
  const result = parseAt("2024/03/a.txt", "3月5日，某地举行活动。");
  assert.equal(result.drafts[0]?.date, { value: "2024-03-05", line: 1 });
});

test("the English lead's 'January 29' serves when there is no Chinese part", () => {
  const result = parseAt("2023/a.txt", "News Title: T\nNews Content:\nOn December 31, the city held a party.\n");
  assert.equal(result.drafts[0]?.date, { value: "2023-12-31", line: 3 });
});

test("a file name starting YYYY-MM-DD- gives the whole date", () => {
  const result = parseAt("misc/2024-01-29-talks.txt", "某地举行活动。");
  assert.equal(result.drafts[0]?.date, { value: "2024-01-29", line: 1 });
  assert.equal(result.diagnostics.filter((d) => d.severity === "error"), []);
});

test("a year stated in the lead serves without a year folder", () => {
  const result = parseAt("a.txt", "2023年12月31日，某地举行跨年活动。");
  assert.equal(result.drafts[0]?.date, { value: "2023-12-31", line: 1 });
});

test("no year anywhere is an error that says how to fix it, and no date is guessed", () => {
  const result = parseAt("a.txt", `1月29日，某地举行活动。${ENGLISH}`);
  assert.equal(datesOf(result), { dates: [undefined, undefined], codes: [["raw/no-year", 1]] });
  const message = result.diagnostics[0]?.message ?? "";
  assert.is(result.diagnostics[0]?.severity, "error");
  assert.match(message, 'add "date: 2024-01-29" front matter');
  assert.match(message, "articles/2024/");
});

test("a year but no month and day is raw/no-date", () => {
  const result = parseAt("2024/a.txt", "某地举行活动。");
  assert.equal(result.diagnostics.map((d) => [d.code, d.severity]), [["raw/no-english", "warning"], ["raw/no-date", "error"]]);
  assert.is(result.drafts[0]?.date, undefined);
});

test("the calendar is not checked here: 2月30日 gives 2024-02-30 for the validator to reject", () => {
  assert.equal(parseAt("2024/a.txt", "2月30日，某地举行活动。").drafts[0]?.date?.value, "2024-02-30");
});

test("front matter date wins and needs no year from anywhere", () => {
  const result = parseAt("a.txt", "---\ndate: 2024-01-29\n---\n某地举行活动。");
  assert.equal(result.drafts[0]?.date, { value: "2024-01-29", line: 2 });
  assert.equal(result.diagnostics.map((d) => d.code), ["raw/no-english"]);
});

test("date readers: path year, dated names, Chinese and English month-day forms", () => {
  assert.is(yearFromPath("2024/01/x.txt"), 2024);
  assert.is(yearFromPath("news/x.txt"), undefined);
  assert.is(yearFromPath("2024-01-29-x.txt"), 2024);
  assert.equal(dayFromFileName("a/2024-01-29-x.txt"), { year: 2024, month: 1, day: 29 });
  assert.is(dayFromFileName("a/20240129-x.txt"), undefined);
  assert.equal(findZhDay("据新华社１月２９日电"), { month: 1, day: 29 });
  assert.equal(findZhDay("2024年1月29日，"), { year: 2024, month: 1, day: 29 });
  assert.equal(findEnDay("On Jan. 29, officials said"), { month: 1, day: 29 });
  assert.equal(findEnDay("on 29 January 2024"), { year: 2024, month: 1, day: 29 });
  assert.equal(findEnDay("Sept 3rd"), { month: 9, day: 3 });
  assert.is(findEnDay("they may 5 times"), undefined);
});

test.run();
