import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseFrontMatter } from "../src/parse/front-matter.ts";
import { parseMarkdownArticle } from "../src/parse/markdown.ts";

const KEYS = ["title", "date", "keywords"] as const;

test("keys come back with the file line they are on", () => {
  const fm = parseFrontMatter("a.md", "---\ntitle: Hello\ndate: 2024-01-29\nkeywords: [a, b]\n---\nBody\n", KEYS);
  assert.equal(fm.data.get("title"), { value: "Hello", line: 2 });
  assert.equal(fm.data.get("date"), { value: "2024-01-29", line: 3 });
  assert.equal(fm.data.get("keywords"), { value: ["a", "b"], line: 4 });
  assert.is(fm.body, "Body\n");
  assert.is(fm.bodyLine, 6);
  assert.equal(fm.diagnostics, []);
});

test("a file without front matter is all body", () => {
  const fm = parseFrontMatter("a.md", "Just text\n", KEYS);
  assert.is(fm.data.size, 0);
  assert.is(fm.body, "Just text\n");
  assert.is(fm.bodyLine, 1);
});

test("an unknown key is a warning naming the key and its line, and is dropped", () => {
  const fm = parseFrontMatter("a.md", "---\ntitle: T\npermalink: /evil/\nlayout: x.njk\n---\n", KEYS);
  assert.equal(
    fm.diagnostics.map((d) => [d.line, d.severity, d.code]),
    [
      [3, "warning", "front-matter/unknown-key"],
      [4, "warning", "front-matter/unknown-key"],
    ],
  );
  assert.match(fm.diagnostics[0]!.message, /"permalink"/);
  assert.not.ok(fm.data.has("permalink"));
});

test("a YAML syntax error is reported on its line, counted from the top of the file", () => {
  const fm = parseFrontMatter("a.md", "---\ntitle: ok\ndate: [unclosed\n---\n", KEYS);
  assert.ok(fm.diagnostics.length > 0);
  assert.is(fm.diagnostics[0]!.code, "front-matter/syntax");
  assert.ok(fm.diagnostics[0]!.line >= 3, `line ${fm.diagnostics[0]!.line}`);
});

test("duplicate keys are an error on the second one", () => {
  const fm = parseFrontMatter("a.md", "---\ntitle: A\ntitle: B\n---\n", KEYS);
  assert.equal(fm.diagnostics.map((d) => [d.line, d.code]), [[3, "front-matter/syntax"]]);
  assert.match(fm.diagnostics[0]!.message, /unique/);
});

test("custom tags are refused, never constructed", () => {
  const fm = parseFrontMatter("a.md", "---\ntitle: !!js/function 'function () { return 1 }'\n---\n", KEYS);
  assert.is(fm.diagnostics[0]?.severity, "error");
  assert.is(fm.data.get("title"), undefined);
});

test("JavaScript front matter is refused", () => {
  const fm = parseFrontMatter("a.md", "---js\n{ title: process.exit(1) }\n---\n", KEYS);
  assert.equal(fm.diagnostics.map((d) => [d.line, d.code]), [[1, "front-matter/language"]]);
});

test("an alias bomb is stopped", () => {
  const bomb = [
    "---",
    "a: &a [x, x, x, x, x, x, x, x, x]",
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
    "title: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    "---",
  ].join("\n");
  const fm = parseFrontMatter("a.md", bomb, KEYS);
  assert.ok(fm.diagnostics.some((d) => d.severity === "error"));
  assert.is(fm.data.get("title"), undefined);
});

test("an unclosed block is an error on line 1", () => {
  const fm = parseFrontMatter("a.md", "---\ntitle: T\n", KEYS);
  assert.equal(fm.diagnostics.map((d) => [d.line, d.code]), [[1, "front-matter/unclosed"]]);
});

test("an empty Markdown body (valid front matter, nothing after) is a warning naming the file, and no draft", () => {
  for (const text of ["---\ntitle: Hello\ndate: 2024-01-29\n---\n", "---\ntitle: Hello\ndate: 2024-01-29\n---\n\n  \n"]) {
    const result = parseMarkdownArticle({ path: "articles/hello.en.md", relPath: "hello.en.md", text, kind: "markdown" });
    assert.equal(result.drafts, []);
    assert.equal(result.diagnostics.map((d) => [d.code, d.severity, d.line]), [["md/empty-body", "warning", 4]]);
    assert.match(result.diagnostics[0]?.message ?? "", "articles/hello.en.md has no text after its front matter; this version is not published");
  }
});

test.run();
