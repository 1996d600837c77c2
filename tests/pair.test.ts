import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pairArticles } from "../src/pair/index.ts";
import type { Article, Lang } from "../src/types.ts";

const article = (key: string, lang: Lang, date: string, file = `articles/${key}.${lang}.md`): Article => ({
  file,
  lang,
  authors: [],
  draft: false,
  featured: false,
  key,
  slug: key,
  title: `${key} ${lang}`,
  titleDerived: false,
  date: DateTime.fromISO(date, { zone: "Asia/Shanghai" }),
  keywords: [],
  body: { format: "markdown", text: "", line: 1 },
});

test("versions with one key become one story; stories come newest first", () => {
  const { stories, diagnostics } = pairArticles([
    article("old", "zh", "2024-01-01"),
    article("new", "en", "2024-02-01"),
    article("old", "en", "2024-01-01"),
  ]);
  assert.equal(diagnostics, []);
  assert.equal(stories.map((s) => [s.key, Object.keys(s.versions).sort()]), [
    ["new", ["en"]],
    ["old", ["en", "zh"]],
  ]);
});

test("two files claiming one language of a story is an error naming both", () => {
  const { stories, diagnostics } = pairArticles([article("a", "zh", "2024-01-01"), article("a", "zh", "2024-01-01", "articles/copy.zh.md")]);
  assert.is(stories.length, 1);
  assert.equal(diagnostics.map((d) => [d.file, d.severity, d.code]), [["articles/copy.zh.md", "error", "pair/duplicate-language"]]);
  assert.match(diagnostics[0]!.message, /articles\/a\.zh\.md/);
});

test("a pair whose dates differ by more than a day is a warning", () => {
  const near = pairArticles([article("a", "zh", "2024-01-01T00:00"), article("a", "en", "2024-01-01T23:00")]);
  assert.equal(near.diagnostics, []);
  const far = pairArticles([article("a", "zh", "2024-01-01"), article("a", "en", "2024-01-03")]);
  assert.equal(far.diagnostics.map((d) => [d.severity, d.code]), [["warning", "pair/date-skew"]]);
});

test("order does not depend on input order", () => {
  const input = [article("b", "zh", "2024-01-01"), article("a", "zh", "2024-01-01"), article("c", "en", "2023-05-05")];
  const forward = pairArticles(input).stories.map((s) => s.key);
  const backward = pairArticles([...input].reverse()).stories.map((s) => s.key);
  assert.equal(forward, ["a", "b", "c"]);
  assert.equal(backward, forward);
});

test.run();
