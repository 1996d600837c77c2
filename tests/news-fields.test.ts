// Photo, byline, section, draft and featured fields: what validation accepts, what it refuses and on which line,
// and what a build publishes now, keeps as a draft or holds back until its time.
import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseMarkdownArticle } from "../src/parse/markdown.ts";
import type { Article, Diagnostic } from "../src/types.ts";
import { releaseArticles, validateDraft } from "../src/validate/index.ts";

/** Parses and validates one Markdown version with the given front matter lines. */
function check(lines: string[], sections: string[] = []): { article: Article | undefined; found: Diagnostic[] } {
  const text = ["---", "title: Pier Reopens", "date: 2024-03-01", ...lines, "---", "The pier reopened.", ""].join("\n");
  const parsed = parseMarkdownArticle({ path: "articles/2024/pier.en.md", relPath: "2024/pier.en.md", text, kind: "markdown" });
  const found: Diagnostic[] = [...parsed.diagnostics];
  const article = validateDraft(parsed.drafts[0]!, found, { sections });
  return { article, found };
}

const codes = (found: Diagnostic[]) => found.map((d) => `${d.line} ${d.severity} ${d.code}`);

test("a lead photo resolves against the story's folder and keeps alt, caption and credit", () => {
  const { article, found } = check(["image: images/pier.jpg", "image_alt: The pier at night", "image_caption: Lights on the water", "image_credit: Li Wei"]);
  assert.equal(found, []);
  assert.equal(article?.image, { src: { path: "articles/2024/images/pier.jpg" }, written: "images/pier.jpg", line: 4, alt: "The pier at night", caption: "Lights on the water", credit: "Li Wei" });
  const remote = check(["image: https://example.org/p.jpg", "image_alt: Pier"]).article;
  assert.equal(remote?.image?.src, { url: "https://example.org/p.jpg" });
});

test("a photo without alt text, with a scheme that runs code, or at an absolute path is refused on its line", () => {
  assert.equal(codes(check(["image: images/pier.jpg"]).found), ["4 error article/image-no-alt"]);
  assert.equal(check(["image: images/pier.jpg"]).article, undefined);
  assert.equal(codes(check(["image: javascript:alert(1)", "image_alt: x"]).found), ["4 error article/bad-image"]);
  assert.equal(codes(check(["image: /etc/passwd", "image_alt: x"]).found), ["4 error article/bad-image"]);
  assert.equal(codes(check(["image_caption: A caption"]).found), ["4 warning article/photo-text-without-image"]);
  // A path leaving the articles folder is the photo stage's to refuse (it knows the folder): here it only resolves.
  assert.equal(check(["image: ../../../etc/passwd", "image_alt: x"]).article?.image?.src, { path: "../etc/passwd" });
});

test("authors: one name or a list, trimmed and deduplicated; anything else is an error on its line", () => {
  assert.equal(check(["author: 李伟"]).article?.authors, ["李伟"]);
  assert.equal(check(["author: [Li Wei, ' Zhang  Min ', Li Wei]"]).article?.authors, ["Li Wei", "Zhang Min"]);
  assert.equal(check([]).article?.authors, []);
  assert.equal(codes(check(["author: { name: x }"]).found), ["4 error article/bad-author"]);
  assert.equal(codes(check(["author: '---'"]).found), ["4 error article/bad-author"]);
});

test("a section must be one site.yaml lists, and the error names them", () => {
  assert.equal(check(["section: city"], ["city", "business"]).article?.section, "city");
  const unknown = check(["section: sport"], ["city", "business"]);
  assert.equal(codes(unknown.found), ["4 error article/unknown-section"]);
  assert.match(unknown.found[0]!.message, /known: city, business/);
  assert.equal(check(["section: sport"]).article?.section, "sport", "without sections in site.yaml any slug is one");
  assert.equal(codes(check(["section: ../x"]).found), ["4 error article/bad-section"]);
});

test("draft and featured are YAML booleans; a quoted or misspelt draft is an error and never published", () => {
  assert.is(check(["draft: true"]).article?.draft, true);
  assert.is(check(["featured: true"]).article?.featured, true);
  assert.is(check([]).article?.draft, false);
  const quoted = check(['draft: "false"']);
  assert.equal(codes(quoted.found), ["4 error article/bad-draft"]);
  assert.match(quoted.found[0]!.message, /not "false"/);
  assert.equal(codes(check(["featured: yes"]).found), ["4 error article/bad-featured"]);
});

test("release: drafts stay out, stories dated after the build time wait unless --future, each version on its own", () => {
  const now = DateTime.fromISO("2024-06-01T00:00:00+08:00", { setZone: true });
  const make = (key: string, date: string, draft = false) => ({ ...check([]).article!, key, file: `${key}.en.md`, draft, date: DateTime.fromISO(date, { setZone: true }) });
  const articles = [make("old", "2024-05-31T23:59:00+08:00"), make("now", "2024-06-01T00:00:00+08:00"), make("later", "2024-06-01T00:01:00+08:00"), make("wip", "2024-01-01", true)];
  const plain = releaseArticles(articles, { now });
  assert.equal([plain.published, plain.heldBack, plain.drafts].map((list) => list.map((a) => a.key)), [["old", "now"], ["later"], ["wip"]]);
  const future = releaseArticles(articles, { now, future: true });
  assert.equal(future.published.map((a) => a.key), ["old", "now", "later"]);
  assert.equal(releaseArticles(articles, { now, drafts: true }).published.map((a) => a.key), ["old", "now", "wip"]);
});

test.run();
