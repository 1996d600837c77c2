import { test } from "uvu";
import * as assert from "uvu/assert";
import type { ArticleDraft, Diagnostic } from "../src/types.ts";
import { checkSlug, normaliseKeywords, parseNewsDate, validateDraft } from "../src/validate/index.ts";

test("a day without time is midnight in Shanghai, never UTC midnight", () => {
  const result = parseNewsDate("2024-01-29");
  assert.ok("date" in result);
  if ("date" in result) assert.is(result.date.toISO(), "2024-01-29T00:00:00.000+08:00");
});

test("an explicit offset is kept; a local time is read in Shanghai", () => {
  const withOffset = parseNewsDate("2024-01-29T09:30:00-05:00");
  const local = parseNewsDate("2024-01-29 09:30");
  assert.ok("date" in withOffset && "date" in local);
  if ("date" in withOffset) assert.is(withOffset.date.toISO(), "2024-01-29T09:30:00.000-05:00");
  if ("date" in local) assert.is(local.date.toISO(), "2024-01-29T09:30:00.000+08:00");
});

test("impossible days and non-strings are explained", () => {
  const feb30 = parseNewsDate("2024-02-30");
  assert.ok("problem" in feb30);
  if ("problem" in feb30) assert.match(feb30.problem, /"2024-02-30" is not a real date/);
  const number = parseNewsDate(20240129);
  assert.ok("problem" in number);
});

test("keywords split on every separator, trimmed, deduplicated, mixed scripts kept", () => {
  assert.equal(normaliseKeywords("AI, 云服务，人工智能、 AI ;；外交部"), { keywords: ["AI", "云服务", "人工智能", "外交部"] });
  assert.equal(normaliseKeywords(["US", "us", " cloud "]), { keywords: ["US", "cloud"] });
  assert.equal(normaliseKeywords(undefined), { keywords: [] });
  assert.ok("problem" in normaliseKeywords([{ a: 1 }]));
});

test("slugs must be one safe path segment and not a reserved name", () => {
  assert.equal(checkSlug("cloud-ai_2024", "slug"), { slug: "cloud-ai_2024" });
  assert.equal(checkSlug("云服务", "slug"), { slug: "云服务" });
  for (const bad of ["../etc", "a/b", "a\\b", "has space", "search", "pagefind", "-x", ""]) {
    assert.ok("problem" in checkSlug(bad, "slug"), bad);
  }
});

const draft = (over: Partial<ArticleDraft>): ArticleDraft => ({
  file: "articles/x.en.md",
  relPath: "x.en.md",
  lang: "en",
  kind: "markdown",
  slug: { value: "x", line: 1 },
  title: { value: "Title", line: 2 },
  titleDerived: false,
  date: { value: "2024-01-29", line: 3 },
  body: { format: "markdown", text: "Body", line: 5 },
  ...over,
});

test("every problem of a draft is reported with its line, not just the first", () => {
  const out: Diagnostic[] = [];
  const article = validateDraft(
    draft({ title: { value: "!!!", line: 2 }, date: { value: "2024-13-01", line: 3 }, source: { value: "javascript:alert(1)", line: 4 } }),
    out,
  );
  assert.is(article, undefined);
  assert.equal(
    out.map((d) => [d.line, d.code]),
    [
      [2, "article/empty-title"],
      [3, "article/bad-date"],
      [4, "article/bad-source"],
    ],
  );
});

test("a missing title or date says what to add", () => {
  const out: Diagnostic[] = [];
  validateDraft(draft({ title: undefined, date: undefined }), out);
  assert.equal(out.map((d) => d.code), ["article/missing-title", "article/missing-date"]);
  assert.match(out[1]!.message, /date: 2024-01-29/);
});

test("bidi overrides are removed from titles with a warning", () => {
  const out: Diagnostic[] = [];
  const article = validateDraft(draft({ title: { value: "Safe\u202Etxt.exe", line: 2 } }), out);
  assert.is(article?.title, "Safetxt.exe");
  assert.equal(out.map((d) => [d.severity, d.code]), [["warning", "article/invisible-chars"]]);
});

test("the pairing key is the id when given, else the slug", () => {
  const out: Diagnostic[] = [];
  assert.is(validateDraft(draft({}), out)?.key, "x");
  assert.is(validateDraft(draft({ id: { value: "story-1", line: 2 } }), out)?.key, "story-1");
});

test.run();
