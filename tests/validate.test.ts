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

test("control characters and lone surrogates are refused in every text field, on their line", () => {
  // What YAML's double-quoted escapes "\0", "\x07", "\x85" and "\uD800" put into a string.
  const fields: [keyof ArticleDraft, unknown, string][] = [
    ["title", "Night \u0000 nul \u0007 bell", "title"],
    ["summary", "A \u0085 next line", "summary"],
    ["keywords", ["fine", "bad\u001b[31m"], "keywords"],
    ["source", "https://example.com/\u007f", "source"],
    ["id", "story\u0001", "id"],
    ["slug", "x\u009b", "slug"],
    ["title", "Lone \uD800 surrogate", "title"],
    ["keywords", "a, \uDC00b", "keywords"],
  ];
  for (const [key, value, name] of fields) {
    const out: Diagnostic[] = [];
    const article = validateDraft(draft({ [key]: { value, line: 7 } }), out);
    assert.is(article, undefined, `${name} ${JSON.stringify(value)} is refused`);
    const found = out.filter((d) => d.code === "article/control-char");
    assert.is(found.length, 1, `${name}: ${JSON.stringify(out)}`);
    assert.is(found[0]!.line, 7);
    assert.is(found[0]!.severity, "error");
    assert.ok(found[0]!.message.startsWith(name), found[0]!.message);
  }
});

test("a tab or line break in a title is whitespace, not a control character", () => {
  const out: Diagnostic[] = [];
  assert.is(validateDraft(draft({ title: { value: "Night\tMarket\nOpens", line: 2 } }), out)?.title, "Night Market Opens");
  assert.equal(out, []);
});

test("a zero-width joiner inside an emoji sequence is kept; stray zero-width characters are still removed", () => {
  const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}";
  const rainbow = "\u{1F3F3}\uFE0F\u200D\u{1F308}";
  const out: Diagnostic[] = [];
  const article = validateDraft(draft({ title: { value: `Family ${family} day ${rainbow}`, line: 2 }, keywords: { value: [family], line: 4 } }), out);
  assert.is(article?.title, `Family ${family} day ${rainbow}`);
  assert.equal(article?.keywords, [family]);
  assert.equal(out, []);
  const stray: Diagnostic[] = [];
  assert.is(validateDraft(draft({ title: { value: "Night\u200DMar\u200Bket \u{1F468}\u200D", line: 2 } }), stray)?.title, "NightMarket \u{1F468}");
  assert.equal(stray.map((d) => d.code), ["article/invisible-chars"]);
});

test("slugs refuse Windows device names in any case, with or without an extension", () => {
  for (const bad of ["CON", "con", "Prn", "aux", "NUL", "COM1", "com9", "LPT1", "lpt9", "con.txt", "NUL.tar.gz", "COM\u00B9"]) {
    const result = checkSlug(bad, "slug");
    assert.ok("problem" in result, bad);
  }
  assert.match((checkSlug("CON", "slug") as { problem: string }).problem, /Windows/);
  for (const fine of ["console", "com10", "lpt", "auxiliary", "null", "com0"]) assert.equal(checkSlug(fine, "slug"), { slug: fine }, fine);
});

test("slugs refuse the hidden Hangul filler and every invisible character refused in titles", () => {
  for (const bad of ["night\u3164market", "\u3164", "a\u115Fb", "a\uFFA0b", "a\u200Bb", "a\u2060b", "a\u00ADb", "a\u034Fb", "a\u180Eb"]) {
    const result = checkSlug(bad, "slug");
    assert.ok("problem" in result, JSON.stringify(bad));
    if ("problem" in result) assert.match(result.problem, /invisible/);
  }
});

test("every name Duet writes under a language folder or at the root is a reserved slug", () => {
  for (const name of ["offline", "Offline", "search", "keywords", "archive", "page", "feed", "manifest", "assets", "pagefind", "sw", "404", "index", "zh", "en", "robots", "sitemap", "news-sitemap", "_headers"]) {
    const result = checkSlug(name, "slug");
    assert.ok("problem" in result, name);
  }
});

test("a slug too long for a file name once encoded is cut by bytes with a stable hash, and the story still published", () => {
  const slug = "新".repeat(100);
  const out: Diagnostic[] = [];
  const article = validateDraft(draft({ slug: { value: slug, line: 6 } }), out);
  assert.ok(article, "published");
  assert.ok(Buffer.byteLength(article!.slug) <= 140, `${Buffer.byteLength(article!.slug)} bytes`);
  assert.match(article!.slug, /^新{43}-[0-9a-f]{8}$/);
  assert.is(article!.key, article!.slug);
  assert.equal(out.map((d) => [d.line, d.severity, d.code]), [[6, "warning", "article/long-slug"]]);
  assert.is(validateDraft(draft({ slug: { value: slug, line: 6 }, lang: "zh" }), [])?.slug, article!.slug, "both versions alike");
  assert.is(validateDraft(draft({ slug: { value: "a".repeat(120), line: 6 } }), [])?.slug, "a".repeat(120), "English slugs are never cut");
});

test("title length counts graphemes: an A and 299 ZWJ families, flags or Extension B characters pass, one more fails", () => {
  for (const unit of ["👨‍👩‍👧‍👦", "🇨🇳", "𠀀", "中"]) {
    const ok: Diagnostic[] = [];
    assert.ok(validateDraft(draft({ title: { value: `A${unit.repeat(299)}`, line: 2 } }), ok), unit);
    assert.equal(ok.filter((d) => d.code === "article/title-too-long"), [], unit);
    const long: Diagnostic[] = [];
    validateDraft(draft({ title: { value: `A${unit.repeat(300)}`, line: 2 } }), long);
    assert.match(long.find((d) => d.code === "article/title-too-long")?.message ?? "", "title is 301 characters long");
  }
});

test.run();
