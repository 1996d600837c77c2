// The hostile-input catalogue: every case in tests/hostile-cases.ts run through the front half of the build.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CASES } from "./hostile-cases.ts";
import type { HostileCase } from "./hostile-cases.ts";
import { parseMarkdownArticle } from "../src/parse/markdown.ts";
import { parseRawScrape } from "../src/parse/raw-scrape.ts";
import { WRITERS } from "./hostile-writers.ts";
import { runFrontHalf } from "./helpers/front-half.ts";
import type { FrontHalf } from "./helpers/front-half.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "hostile");
const DIAGNOSTICS_DOC = path.join(import.meta.dirname, "..", "docs", "diagnostics.md");

/** Runs a case: on its fixture tree, or on a scratch copy when inputs are written at run time. */
async function runCase(entry: HostileCase): Promise<FrontHalf> {
  const fixture = path.join(FIXTURES, entry.name);
  const write = WRITERS[entry.name];
  if (!write) return runFrontHalf(fixture);
  const scratch = await mkdtemp(path.join(tmpdir(), `duet-hostile-${entry.name}-`));
  const articles = path.join(scratch, "articles");
  try {
    await cp(fixture, articles, { recursive: true });
    await write(articles);
    return await runFrontHalf(articles);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

for (const entry of CASES) {
  test(`${entry.name}: ${entry.outcome}`, async () => {
    const run = await runCase(entry);
    const seen = run.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`);
    assert.equal(seen, entry.diagnostics);
    assert.equal(run.pages.map((p) => p.url).sort(), entry.pages);
    const errors = run.diagnostics.filter((d) => d.severity === "error").length;
    if (entry.outcome === "error" || entry.outcome === "skipped") assert.ok(errors > 0, "the build must fail");
    else assert.is(errors, 0, "the story must be published");
    if (entry.outcome === "warning") assert.ok(run.diagnostics.length > 0, "a warning must be given");
    if (entry.outcome === "published") assert.is(run.diagnostics.length, 0);
    for (const d of run.diagnostics) assert.ok(d.line >= 1, `${d.code} has a line`);
    entry.check?.(run);
  });
}

test("catalogue: at least 45 cases, one fixture folder each, and every fixture folder in the table", () => {
  assert.ok(CASES.length >= 45, `${CASES.length} cases`);
  const names = CASES.map((c) => c.name);
  assert.is(new Set(names).size, names.length, "case names are unique");
  assert.equal(readdirSync(FIXTURES).sort(), [...names].sort());
  for (const name of Object.keys(WRITERS)) assert.ok(names.includes(name), `writer ${name} has a case`);
  for (const name of names) assert.ok(existsSync(path.join(FIXTURES, name)), `fixture ${name}`);
});

test("catalogue: every diagnostic code it produces is documented in docs/diagnostics.md", () => {
  const readme = readFileSync(DIAGNOSTICS_DOC, "utf8");
  const codes = new Set(CASES.flatMap((c) => c.diagnostics.map((d) => d.split(" ").pop()!)));
  for (const code of codes) assert.ok(readme.includes(`\`${code}\``), `${code} is in docs/diagnostics.md`);
});

test("long pathological lines parse in linear time (no regex backtracks over a run of spaces)", () => {
  const started = performance.now();
  for (const line of ["a" + " ".repeat(300_000) + "b", "News Title:" + " ".repeat(300_000) + "x", "](" + " ".repeat(300_000), "新闻 | ".repeat(100_000)]) {
    parseRawScrape({ path: "x.txt", relPath: "2024/x.txt", text: `1月2日，开头。\n${line}\n英语如下:\nNews Title: A\nNews Content:\n${line}\n`, kind: "raw" });
    parseMarkdownArticle({ path: "x.en.md", relPath: "x.en.md", text: `---\ntitle: a\n---\n${line}\n`, kind: "markdown" });
  }
  const millis = performance.now() - started;
  assert.ok(millis < 3000, `took ${millis.toFixed(0)} ms`);
});

test.run();
