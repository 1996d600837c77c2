// Feeds and sitemaps stay XML: a site built over every hostile fixture writes only well-formed XML 1.0.
import { createRequire } from "node:module";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { listFiles } from "./helpers/site.ts";
import { scratch } from "./helpers/tree.ts";
import { WRITERS } from "./hostile-writers.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "hostile");

/** The part of sax (a dependency of rss-parser's XML parser) this test uses: its strict, non-validating parser. */
interface SaxParser {
  onerror: (error: Error) => void;
  error: Error | null;
  write(text: string): SaxParser;
  close(): SaxParser;
  resume(): SaxParser;
}
const sax = createRequire(import.meta.url)("sax") as { parser(strict: boolean): SaxParser };

/** Characters outside XML 1.0's `Char` production (https://www.w3.org/TR/xml/#charsets), lone surrogates included. */
const NOT_XML_CHAR_RE = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Why `xml` is not well-formed XML 1.0, or undefined: a character outside `Char`, or what sax's strict parser finds. */
function wellFormedProblem(xml: string): string | undefined {
  const bad = NOT_XML_CHAR_RE.exec(xml);
  if (bad) return `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} at offset ${bad.index}`;
  const problems: string[] = [];
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    problems.push(error.message.split("\n")[0]!);
    parser.error = null;
    parser.resume();
  };
  parser.write(xml).close();
  return problems[0];
}

/** Stories written to hit every escape a feed needs, plus what YAML escapes and emoji sequences bring. */
const EXTRA: Record<string, string> = {
  "xml/amp.en.md": '---\ntitle: "Tom & Jerry <b>bold</b> ]]> \'quoted\' \\"double\\""\ndate: 2024-04-03\nkeywords: ["R&D", "<tag>", "]]>"]\nsummary: "a < b && c > d ]]>"\n---\nBody with <script>, & and ]]> and &amp; and &#0; and \\u0000 written out.\n',
  "xml/emoji.en.md": '---\ntitle: "Family Day \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}"\ndate: 2024-04-03\nkeywords: ["\u{1F3F3}\uFE0F\u200D\u{1F308}"]\n---\nFamilies met.\n',
  "xml/escapes.en.md": '---\ntitle: "Night \\0 nul \\x07 bell \\x85 \\uFFFE \\uD800"\ndate: 2024-04-03\n---\nBody.\n',
  "xml/nonchar-literal.en.md": "---\ntitle: Night \uFFFF Market\ndate: 2024-04-03\n---\nBody \uFFFE.\n",
};

test("every feed and sitemap of a build over the hostile fixtures (with --skip-invalid) is well-formed XML 1.0", async () => {
  const dir = await scratch("feeds-xml");
  try {
    const articles = path.join(dir, "articles");
    for (const name of (await readdir(FIXTURES)).sort()) {
      const target = path.join(articles, name);
      await mkdir(target, { recursive: true });
      await cp(path.join(FIXTURES, name), target, { recursive: true });
      await WRITERS[name]?.(target);
    }
    for (const [rel, text] of Object.entries(EXTRA)) {
      await mkdir(path.dirname(path.join(articles, rel)), { recursive: true });
      await writeFile(path.join(articles, rel), text);
    }
    const out = path.join(dir, "out");
    const result = await build({ articles, out, cwd: dir, skipInvalid: true });
    assert.ok(result.stories.length > 20, `${result.stories.length} stories published`);
    const refused = result.diagnostics.filter((d) => d.file.startsWith("articles/xml/")).map((d) => `${d.file} ${d.code}`);
    assert.equal(refused, ["articles/xml/escapes.en.md article/control-char", "articles/xml/nonchar-literal.en.md ingest/control-char"]);
    const xmlFiles = await listFiles(out, ".xml");
    assert.ok(xmlFiles.includes("en/feed.xml") && xmlFiles.includes("sitemap.xml") && xmlFiles.includes("news-sitemap.xml"), xmlFiles.join(", "));
    for (const file of xmlFiles) {
      const problem = wellFormedProblem(await readFile(path.join(out, file), "utf8"));
      assert.is(problem, undefined, `${file}: ${problem}`);
    }
    const feed = await readFile(path.join(out, "en/feed.xml"), "utf8");
    assert.ok(feed.includes("Family Day \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}"), "the emoji sequence survives whole");
    assert.ok(feed.includes("Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; ]]&gt;"), "markup in a title is escaped");
    for (const file of await listFiles(out, ".json")) {
      if (!file.endsWith("feed.json")) continue;
      assert.not.match(await readFile(path.join(out, file), "utf8"), /(?<!\\)\\u00(?:00|07)/, `${file} carries no control characters (a written-out "\\u0000" is text)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
