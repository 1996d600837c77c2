// The catalogue of hostile and broken inputs: one fixture tree per case, each with the outcome it must have.
import * as assert from "uvu/assert";
import type { FrontHalf } from "./helpers/front-half.ts";

/**
 * What a case must come to:
 * `error` — the build fails on a file-level fault (encoding, front matter, structure);
 * `skipped` — the build fails on a story-level fault, and under `--skip-invalid` that story is left out while the rest is published;
 * `warning` — published, with the warning;
 * `sanitised` — published, with the dangerous text removed, normalised, or kept as inert plain text (checked on the validated fields);
 * `published` — an odd but legitimate shape, parsed right without any diagnostic.
 */
export type Outcome = "error" | "skipped" | "warning" | "sanitised" | "published";

/** One hostile input: the fixture `tests/fixtures/hostile/<name>/` (an articles tree) and what it must produce. */
export interface HostileCase {
  /** Fixture folder name, prefixed by the family: `enc-`, `struct-`, `fm-`, `date-`, `inj-`, `path-`. */
  name: string;
  /** The expected outcome. */
  outcome: Outcome;
  /** Every diagnostic of the run, exactly, sorted: `file:line severity code`, paths relative to the articles tree. */
  diagnostics: string[];
  /** Every planned article URL, exactly, sorted: what `--skip-invalid` publishes. */
  pages: string[];
  /** Further checks on messages and validated fields. */
  check?: (run: FrontHalf) => void;
}

const GOOD = ["/en/good/"];
const e = (where: string, code: string) => `${where} error ${code}`;
const w = (where: string, code: string) => `${where} warning ${code}`;

/** The message of the only diagnostic with `code`. */
function messageOf(run: FrontHalf, code: string): string {
  const found = run.diagnostics.filter((d) => d.code === code);
  assert.is(found.length, 1, `expected one ${code}`);
  return found[0]!.message;
}

/** The validated article from `file` in `lang`. */
function articleOf(run: FrontHalf, file: string, lang = "en") {
  const article = run.validated.find((a) => a.file === file && a.lang === lang);
  assert.ok(article, `expected a validated ${lang} article from ${file}`);
  return article;
}

/** All planned HTML bodies, joined. */
const htmlOf = (run: FrontHalf) => run.pages.map((p) => p.html).join("\n");

/** No link in any planned body points at a scheme that runs code or embeds a document. */
function assertNoUnsafeHref(run: FrontHalf): void {
  assert.not.match(htmlOf(run), /(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data:text)/i);
}

export const CASES: HostileCase[] = [
  // Encoding: every one a clear error naming the file (and the line where one is at fault); nothing decoded wrongly reaches a page.
  { name: "enc-invalid-utf8", outcome: "error", diagnostics: [e("2024/bad.txt:2", "ingest/not-utf8")], pages: GOOD },
  { name: "enc-gbk", outcome: "error", diagnostics: [e("gbk.zh.md:2", "ingest/not-utf8")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "ingest/not-utf8"), /GB18030/) },
  { name: "enc-gb18030", outcome: "error", diagnostics: [e("2024/gb.txt:3", "ingest/not-utf8")], pages: GOOD },
  { name: "enc-utf8-surrogate", outcome: "error", diagnostics: [e("surrogate.en.md:2", "ingest/not-utf8")], pages: GOOD },
  { name: "enc-utf16le-bom", outcome: "error", diagnostics: [e("2024/utf16le.txt:1", "ingest/utf16")], pages: GOOD },
  { name: "enc-utf16be-bom", outcome: "error", diagnostics: [e("2024/utf16be.txt:1", "ingest/utf16")], pages: GOOD },
  { name: "enc-utf16-no-bom", outcome: "error", diagnostics: [e("utf16.en.md:1", "ingest/utf16")], pages: GOOD },
  { name: "enc-nul", outcome: "error", diagnostics: [e("nul.en.md:2", "ingest/binary")], pages: GOOD },
  { name: "enc-control-char", outcome: "error", diagnostics: [e("bell.en.md:5", "ingest/control-char")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "ingest/control-char"), /U\+0007/) },
  { name: "enc-ansi-escape", outcome: "error", diagnostics: [e("ansi.en.md:2", "ingest/control-char")], pages: GOOD },
  { name: "enc-c1-control", outcome: "error", diagnostics: [e("2024/c1.txt:5", "ingest/control-char")], pages: GOOD },
  { name: "enc-png", outcome: "error", diagnostics: [e("2024/photo.txt:1", "ingest/binary")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "ingest/binary"), /PNG image/) },
  { name: "enc-jpeg", outcome: "error", diagnostics: [e("photo.en.md:1", "ingest/binary")], pages: GOOD },
  { name: "enc-empty", outcome: "error", diagnostics: [e("2024/empty.txt:1", "ingest/empty")], pages: GOOD },
  { name: "enc-whitespace-only", outcome: "error", diagnostics: [e("blank.en.md:1", "ingest/empty")], pages: GOOD },
  { name: "enc-too-large", outcome: "error", diagnostics: [e("2024/huge.txt:1", "ingest/too-large")], pages: GOOD },

  // Structure of a raw scrape or a Markdown file.
  { name: "struct-two-separators", outcome: "error", diagnostics: [e("2024/two-seps.txt:5", "raw/ambiguous-separator")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "raw/ambiguous-separator"), /lines 3 and 5/) },
  { name: "struct-labels-out-of-order", outcome: "published", diagnostics: [], pages: ["/en/out-of-order/", "/zh/out-of-order/"],
    check: (run) => {
      const en = articleOf(run, "2024/out-of-order.txt");
      assert.is(en.title, "Nangang Port Completes Expansion");
      assert.equal(en.keywords, ["Nangang port", "expansion", "shipping"]);
      assert.equal(en.body.format === "paragraphs" ? en.body.paragraphs.map((p) => p.line) : [], [6]);
    } },
  { name: "struct-empty-title-md", outcome: "skipped", diagnostics: [e("empty-title.en.md:2", "article/empty-title")], pages: GOOD },
  { name: "struct-empty-title-raw", outcome: "skipped", diagnostics: [e("2024/empty-title.txt:5", "article/empty-title")], pages: GOOD },
  { name: "struct-punctuation-title", outcome: "skipped", diagnostics: [e("punct.zh.md:2", "article/empty-title")], pages: GOOD },
  { name: "struct-5000-char-title", outcome: "skipped", diagnostics: [e("2024/long-title.txt:5", "article/title-too-long")], pages: GOOD },
  { name: "struct-10000-keywords", outcome: "warning", diagnostics: [w("2024/many-keywords.txt:6", "article/too-many-keywords")],
    pages: ["/en/good/", "/en/many-keywords/", "/zh/many-keywords/"],
    check: (run) => assert.is(articleOf(run, "2024/many-keywords.txt").keywords.length, 50) },
  { name: "struct-long-keyword", outcome: "warning", diagnostics: [w("long-kw.en.md:4", "article/long-keyword")], pages: ["/en/long-kw/"],
    check: (run) => assert.equal(articleOf(run, "long-kw.en.md").keywords, ["market"]) },
  { name: "struct-missing-english-title", outcome: "error", diagnostics: [e("2024/no-title.txt:5", "raw/missing-title")], pages: GOOD },
  { name: "struct-only-chrome", outcome: "error", diagnostics: [e("2024/chrome.txt:1", "raw/empty")], pages: GOOD },
  { name: "struct-md-no-language", outcome: "error", diagnostics: [e("story.md:1", "md/no-language")], pages: GOOD },
  // Not published: a headline without a story would reach lists, feeds and search (issue 19).
  { name: "struct-md-empty-body", outcome: "warning", diagnostics: [w("empty.en.md:4", "md/empty-body")], pages: GOOD,
    check: (run) => assert.match(run.diagnostics.find((d) => d.code === "md/empty-body")?.message ?? "", /empty\.en\.md has no text after its front matter; this version is not published/) },
  { name: "struct-no-english", outcome: "warning", diagnostics: [w("2024/zh-only.txt:1", "raw/no-english")], pages: ["/zh/zh-only/"] },

  // Front matter: errors on the right line counted from the top of the file; Eleventy keys are ignored and steer nothing.
  { name: "fm-yaml-syntax", outcome: "error", diagnostics: [e("syntax.en.md:4", "front-matter/syntax")], pages: GOOD },
  { name: "fm-yaml-syntax-raw", outcome: "error", diagnostics: [e("2024/syntax.txt:3", "front-matter/syntax")], pages: GOOD },
  { name: "fm-alias-bomb", outcome: "error", diagnostics: [e("bomb.en.md:2", "front-matter/alias")], pages: GOOD },
  { name: "fm-duplicate-key", outcome: "error", diagnostics: [e("dup.en.md:4", "front-matter/syntax")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "front-matter/syntax"), /unique/) },
  { name: "fm-custom-tag", outcome: "error", diagnostics: [e("tag.en.md:2", "front-matter/syntax")], pages: GOOD },
  { name: "fm-javascript", outcome: "error", diagnostics: [e("js.en.md:1", "front-matter/language")], pages: GOOD },
  { name: "fm-unclosed", outcome: "error", diagnostics: [e("unclosed.en.md:1", "front-matter/unclosed")], pages: GOOD },
  { name: "fm-not-a-map", outcome: "error", diagnostics: [e("list.en.md:2", "front-matter/not-a-map")], pages: GOOD },
  { name: "fm-wrong-type-title", outcome: "skipped", diagnostics: [e("list-title.en.md:2", "article/bad-title")], pages: GOOD },
  { name: "fm-wrong-type-date", outcome: "skipped", diagnostics: [e("number-date.en.md:3", "article/bad-date")], pages: GOOD },
  { name: "fm-wrong-type-keywords", outcome: "skipped", diagnostics: [e("map-keywords.en.md:4", "article/bad-keywords")], pages: GOOD },
  { name: "fm-wrong-type-summary", outcome: "skipped", diagnostics: [e("list-summary.en.md:5", "article/bad-summary")], pages: GOOD },
  { name: "fm-eleventy-keys", outcome: "warning",
    diagnostics: [5, 6, 7, 8].map((line) => w(`steer.en.md:${line}`, "front-matter/unknown-key")), pages: ["/en/steer/"],
    check: (run) => {
      const keys = Object.keys(articleOf(run, "steer.en.md")).sort();
      assert.equal(keys, ["authors", "body", "date", "draft", "featured", "file", "key", "keywords", "lang", "slug", "source", "summary", "title", "titleDerived"]);
    } },
  { name: "fm-eleventy-keys-raw", outcome: "warning",
    diagnostics: [w("2024/steer.txt:2", "front-matter/unknown-key"), w("2024/steer.txt:3", "front-matter/unknown-key")],
    pages: ["/en/steer/", "/zh/steer/"] },
  { name: "fm-proto-key", outcome: "warning",
    diagnostics: [w("proto.en.md:5", "front-matter/unknown-key"), w("proto.en.md:7", "front-matter/unknown-key")], pages: ["/en/proto/"],
    check: () => assert.is((({}) as Record<string, unknown>).polluted, undefined) },

  // Dates.
  { name: "date-feb-30-md", outcome: "skipped", diagnostics: [e("feb30.en.md:3", "article/bad-date")], pages: GOOD },
  { name: "date-feb-30-raw-lead", outcome: "skipped", diagnostics: [e("2024/feb30.txt:1", "article/bad-date")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "article/bad-date"), /2024-02-30/) },
  { name: "date-full-width-raw-lead", outcome: "sanitised", diagnostics: [], pages: ["/en/fullwidth/", "/zh/fullwidth/"],
    check: (run) => assert.is(articleOf(run, "2024/fullwidth.txt", "zh").date.toISO(), "2024-01-29T00:00:00.000+08:00") },
  { name: "date-full-width-yaml", outcome: "skipped", diagnostics: [e("fullwidth.en.md:3", "article/bad-date")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "article/bad-date"), /full-width/) },
  // Dated after the build time: held back without a word (the build prints when it goes out), never an error.
  { name: "date-future", outcome: "published", diagnostics: [], pages: [],
    check: (run) => assert.equal(run.validated.map((a) => a.file), ["future.en.md"]) },
  { name: "date-raw-halves-differ", outcome: "warning", diagnostics: [w("2024/halves.txt:8", "raw/date-mismatch")],
    pages: ["/en/halves/", "/zh/halves/"],
    check: (run) => {
      assert.match(messageOf(run, "raw/date-mismatch"), /03-06 but the Chinese lead \(line 1\) states 03-05/);
      assert.is(articleOf(run, "2024/halves.txt").date.toISODate(), "2024-03-05");
    } },
  { name: "date-raw-no-year", outcome: "skipped", diagnostics: [e("no-year.txt:1", "raw/no-year")], pages: GOOD },
  { name: "date-pair-skew", outcome: "warning", diagnostics: [w("skew.en.md:1", "pair/date-skew")], pages: ["/en/skew/", "/zh/skew/"] },

  // Injection: text stays text. Titles and keywords are kept as written (each output context escapes them);
  // bodies are planned as escaped HTML; invisible characters are removed; unsafe links and sources never become links.
  { name: "inj-script-md", outcome: "sanitised", diagnostics: [], pages: ["/en/script/"],
    check: (run) => {
      const article = articleOf(run, "script.en.md");
      assert.is(article.title, "<script>alert(1)</script> Night Market");
      assert.equal(article.keywords, ["<script>alert(2)</script>", "market"]);
      assert.not.match(htmlOf(run), /<script|<img/i);
      assert.match(htmlOf(run), /&lt;script&gt;alert\(3\)&lt;\/script&gt;/);
    } },
  { name: "inj-script-raw", outcome: "sanitised", diagnostics: [], pages: ["/en/script/", "/zh/script/"],
    check: (run) => {
      assert.is(articleOf(run, "2024/script.txt").title, "Library </script><script>alert(1)</script> Opens");
      assert.equal(articleOf(run, "2024/script.txt").keywords, ["</script>", "library"]);
      assert.not.match(htmlOf(run), /<\/?script/i);
    } },
  { name: "inj-javascript-link", outcome: "sanitised",
    diagnostics: [w("js-link.en.md:6", "md/unsafe-link"), w("js-link.en.md:6", "md/unsafe-link"), w("js-link.en.md:8", "md/unsafe-link")],
    pages: ["/en/js-link/"], check: assertNoUnsafeHref },
  { name: "inj-data-link", outcome: "sanitised", diagnostics: [w("data-link.en.md:6", "md/unsafe-link")], pages: ["/en/data-link/"], check: assertNoUnsafeHref },
  { name: "inj-vbscript-link", outcome: "sanitised", diagnostics: [w("vb-link.en.md:6", "md/unsafe-link")], pages: ["/en/vb-link/"], check: assertNoUnsafeHref },
  { name: "inj-javascript-source-md", outcome: "skipped", diagnostics: [e("js-source.en.md:5", "article/bad-source")], pages: GOOD },
  { name: "inj-data-source-md", outcome: "skipped", diagnostics: [e("data-source.en.md:5", "article/bad-source")], pages: GOOD },
  // Raw scrapes, round two (issue 19): each class keeps what is safe and says what was not.
  { name: "struct-raw-restated-title", outcome: "published", diagnostics: [], pages: ["/en/good/", "/en/restated-title/", "/zh/restated-title/"] },
  { name: "struct-raw-duplicate-title", outcome: "warning", diagnostics: [w("2024/duplicate-news-title.txt:7", "raw/duplicate-title")], pages: ["/en/good/", "/zh/duplicate-news-title/"] },
  { name: "struct-raw-unlabelled-content", outcome: "warning", diagnostics: [w("2024/unlabelled-content.txt:6", "raw/unlabelled-content")], pages: ["/en/good/", "/zh/unlabelled-content/"] },
  { name: "struct-raw-lead-banner", outcome: "warning", diagnostics: [w("2024/lead-banner.txt:5", "raw/no-english")], pages: ["/en/good/", "/zh/lead-banner/"],
    check: (run) => assert.not.match(JSON.stringify(run.validated.filter((a) => a.lang === "zh")), "HEADLINES") },
  { name: "inj-relative-source-raw", outcome: "warning", diagnostics: [w("2024/bad-source-relative.txt:17", "raw/bad-source")], pages: ["/en/bad-source-relative/", "/en/good/", "/zh/bad-source-relative/"] },
  { name: "struct-raw-duplicate-source", outcome: "warning", diagnostics: [w("2024/duplicate-source.txt:12", "raw/duplicate-source")], pages: ["/en/duplicate-source/", "/en/good/", "/zh/duplicate-source/"] },
  { name: "struct-raw-chrome-in-parts", outcome: "published", diagnostics: [], pages: ["/en/chrome-in-parts/", "/en/good/", "/zh/chrome-in-parts/"],
    check: (run) => assert.not.match(JSON.stringify(run.validated), /广告|点击查看大图|责任编辑|Copyright|Related:|Solar Panels Go Up/) },
  // A raw scrape's bad source line loses the source, not the story (issue 19).
  { name: "inj-javascript-source-raw", outcome: "warning", diagnostics: [w("2024/js-source.txt:10", "raw/bad-source")], pages: ["/en/good/", "/en/js-source/", "/zh/js-source/"] },
  { name: "inj-vbscript-source-raw", outcome: "warning", diagnostics: [w("2024/vb-source.txt:10", "raw/bad-source")], pages: ["/en/good/", "/en/vb-source/", "/zh/vb-source/"] },
  { name: "inj-keyword-attribute", outcome: "sanitised", diagnostics: [], pages: ["/en/attr/"],
    check: (run) => assert.equal(articleOf(run, "attr.en.md").keywords, ['" onmouseover="alert(1)" x="', "market"]) },
  { name: "inj-template-syntax", outcome: "sanitised", diagnostics: [], pages: ["/en/curly/"],
    check: (run) => {
      const article = articleOf(run, "curly.en.md");
      assert.is(article.title, "Braces {{ site.title }} and {% include 'x' %}");
      assert.equal(article.keywords, ["{{ kw }}", "{% raw %}"]);
      assert.match(htmlOf(run), /\{\{ 7 \* 7 \}\} and \{% set x = 1 %\}\{\{ x \}\}/);
    } },
  { name: "inj-bidi-title", outcome: "sanitised", diagnostics: [w("bidi.en.md:2", "article/invisible-chars")], pages: ["/en/bidi/"],
    check: (run) => assert.is(articleOf(run, "bidi.en.md").title, "Night teKram Opens") },
  { name: "inj-zero-width-title", outcome: "sanitised",
    diagnostics: [w("zw.zh.md:2", "article/invisible-chars"), w("zw.zh.md:4", "article/invisible-chars")], pages: ["/zh/zw/"],
    check: (run) => {
      assert.is(articleOf(run, "zw.zh.md", "zh").title, "夜市开业");
      assert.equal(articleOf(run, "zw.zh.md", "zh").keywords, ["夜市", "美食"]);
    } },
  { name: "inj-yaml-control-escapes", outcome: "skipped",
    diagnostics: [e("esc.en.md:2", "article/control-char"), e("esc.en.md:4", "article/control-char"), e("esc.en.md:5", "article/control-char")],
    pages: GOOD,
    check: (run) => {
      const messages = run.diagnostics.map((d) => d.message).join("\n");
      assert.match(messages, /title holds U\+0000/);
      assert.match(messages, /keywords holds U\+001B/);
      assert.match(messages, /summary holds U\+D800, a lone surrogate/);
    } },
  { name: "inj-emoji-zwj-title", outcome: "published", diagnostics: [], pages: ["/en/family/", "/en/good/"],
    check: (run) => {
      const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}";
      assert.is(articleOf(run, "family.en.md").title, `Family Day ${family} at the Park`);
      assert.equal(articleOf(run, "family.en.md").keywords, [family, "park"]);
      assert.ok(htmlOf(run).includes(family), "the body keeps the sequence");
    } },
  { name: "inj-bidi-slug", outcome: "skipped", diagnostics: [e("bidi-slug.en.md:5", "article/bad-slug")], pages: GOOD,
    check: (run) => assert.ok(messageOf(run, "article/bad-slug").includes('"night\\u{202E}market"'), "the override is shown escaped") },

  // Paths: nothing can name a file outside the output directory, shadow the site's own files, or collide with another story.
  { name: "path-slug-dotdot", outcome: "skipped", diagnostics: [e("dotdot.en.md:5", "article/bad-slug")], pages: GOOD },
  { name: "path-slug-slash", outcome: "skipped", diagnostics: [e("slash.en.md:5", "article/bad-slug")], pages: GOOD },
  { name: "path-slug-backslash", outcome: "skipped", diagnostics: [e("backslash.en.md:5", "article/bad-slug")], pages: GOOD },
  // A file name is not a slug: spaces, dots and other punctuation become "-" (with a warning naming the URL used).
  { name: "path-slug-space", outcome: "warning", diagnostics: [w("night market.en.md:1", "article/slug-from-name")], pages: ["/en/good/", "/en/night-market/"],
    check: (run) => assert.match(messageOf(run, "article/slug-from-name"), /"night market\.en\.md" .*"night-market"/) },
  { name: "path-name-dotdot", outcome: "warning",
    diagnostics: [w("2024/library v1.2.txt:1", "article/slug-from-name"), w("a..b.zh.md:1", "article/slug-from-name")],
    pages: ["/en/good/", "/en/library-v1-2/", "/zh/a-b/", "/zh/library-v1-2/"] },
  { name: "path-name-chinese-space", outcome: "warning", diagnostics: [w("夜市 开业.zh.md:1", "article/slug-from-name")], pages: ["/en/good/", "/zh/夜市-开业/"] },
  { name: "path-name-trailing-space", outcome: "warning",
    diagnostics: [w("fair.en.md :1", "article/slug-from-name"), w("market .en.md:1", "article/slug-from-name")],
    pages: ["/en/fair/", "/en/good/", "/en/market/"] },
  // Dot-files and dot-folders (editor swap files, .git) and names starting with "_" are not articles: ignored without a word.
  { name: "path-dot-file-ignored", outcome: "published", diagnostics: [], pages: GOOD },
  { name: "path-id-dotdot", outcome: "skipped", diagnostics: [e("id.en.md:5", "article/bad-id")], pages: GOOD },
  { name: "path-raw-slug-dotdot", outcome: "skipped", diagnostics: [e("2024/raw-slug.txt:2", "article/bad-slug")], pages: GOOD },
  { name: "path-reserved-pagefind", outcome: "skipped", diagnostics: [e("pf.en.md:5", "article/bad-slug")], pages: GOOD },
  { name: "path-reserved-sw-js", outcome: "skipped", diagnostics: [e("sw.en.md:5", "article/bad-slug")], pages: GOOD },
  { name: "path-reserved-index", outcome: "skipped", diagnostics: [e("index.en.md:1", "article/bad-slug")], pages: GOOD },
  { name: "path-zero-width-file-name", outcome: "skipped", diagnostics: [e("night\u200bmarket.en.md:1", "article/bad-slug")], pages: GOOD,
    check: (run) => assert.ok(messageOf(run, "article/bad-slug").includes("\\u{200B}"), "the zero-width space is shown escaped") },
  { name: "path-case-clash", outcome: "skipped", diagnostics: [e("metro.en.md:1", "pair/slug-clash")], pages: ["/en/Metro/", "/en/good/"],
    check: (run) => assert.match(messageOf(run, "pair/slug-clash"), /\(Metro\.en\.md\) only in case/) },
  { name: "path-nfc-nfd", outcome: "skipped", diagnostics: [e("caf\u00e9.en.md:1", "pair/duplicate-language")], pages: ["/en/caf\u00e9/", "/en/good/"],
    check: (run) => assert.ok(messageOf(run, "pair/duplicate-language").includes("cafe\u0301.en.md (the two file names differ only in Unicode normalisation")) },
  { name: "path-symlink-outside", outcome: "warning", diagnostics: [w("2024/leak.txt:1", "ingest/symlink")], pages: GOOD,
    check: (run) => assert.not.ok(run.validated.some((a) => a.title.includes("Secret")), "the link target is never read") },
  { name: "path-reserved-offline", outcome: "skipped", diagnostics: [e("off.en.md:5", "article/bad-slug")], pages: GOOD,
    check: (run) => assert.match(messageOf(run, "article/bad-slug"), /reserved/) },
  { name: "path-windows-device-name", outcome: "skipped",
    diagnostics: [e("CON.en.md:1", "article/bad-slug"), e("port.en.md:4", "article/bad-slug")], pages: GOOD,
    check: (run) => assert.ok(run.diagnostics.every((d) => /Windows device name/.test(d.message)), "each says why") },
  { name: "path-hangul-filler-slug", outcome: "skipped", diagnostics: [e("filler.en.md:4", "article/bad-slug")], pages: GOOD,
    check: (run) => assert.ok(messageOf(run, "article/bad-slug").includes("\\u{3164}"), "the filler is shown escaped") },
  { name: "path-bad-utf8-name", outcome: "error", diagnostics: [e("a\ufffd.txt:1", "ingest/bad-name")], pages: GOOD },
  { name: "path-newline-in-name", outcome: "error", diagnostics: [e("bad\nname.en.md:1", "ingest/bad-name")], pages: GOOD },
];
