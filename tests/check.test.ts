// `npm run check`: the CLI explains a file and exits 1 on errors; run as a child process, as operators run it.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";

const ROOT = path.join(import.meta.dirname, "..");
const SEED = "articles/2024/us-cloud-ai-restrictions.txt";
const HOSTILE = "tests/fixtures/hostile";

/** Runs `scripts/check.ts` from the project root with a pinned build time. */
function runCheck(...files: string[]): { status: number | null; lines: string[] } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", ...files], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1717171200" }, // 2024-05-31T16:00:00Z
  });
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.split("\n") };
}

/** Asserts that a line equal to `expected` (after trimming) is in the output. */
function hasLine(lines: readonly string[], expected: string): void {
  assert.ok(lines.some((line) => line.trim() === expected), `expected the line:\n  ${expected}\nin:\n${lines.join("\n")}`);
}

test("seed: titles (zh derived), date, keywords, source, body ranges, dropped chrome, validated values; exit 0", () => {
  const { status, lines } = runCheck(SEED);
  assert.is(status, 0);
  hasLine(lines, `${SEED}: raw scrape (path inside articles: 2024/us-cloud-ai-restrictions.txt)`);
  hasLine(lines, 'zh title:  "外交部发言人汪文斌就美方计划限制中企通过美国云服务进行人工智能模型训练作出回应" (line 1) [derived from the lead]');
  assert.ok(lines.some((l) => l.trim().startsWith("rule compressed-sentence (drop-locative, drop-gloss, drop-topic-frame, abbreviate), from the lead's sentence")));
  assert.ok(lines.some((l) => l.trim().startsWith('en title:  "Foreign Ministry Responds to US Plan') && l.endsWith("(line 11)")));
  hasLine(lines, 'en keywords: "US restricts Chinese firms, cloud data AI, Foreign Ministry response" (line 13)');
  hasLine(lines, 'date:      "2024-01-29" (line 1)');
  hasLine(lines, 'source:    "https://www.thepaper.cn/newsDetail_forward_26182841" (line 25)');
  hasLine(lines, "separator: line 9");
  hasLine(lines, "zh body:   lines 1–7");
  hasLine(lines, "en body:   lines 17–23");
  hasLine(lines, 'line 27 [after-source] "Views: 1"');
  hasLine(lines, 'line 29 [after-source] "发表回复"');
  hasLine(lines, "date      2024-01-29T00:00:00.000+08:00");
  hasLine(lines, 'keywords  "US restricts Chinese firms" | "cloud data AI" | "Foreign Ministry response"');
  hasLine(lines, `${SEED}: no problems`);
});

test("Markdown: lang, slug, id, title, date, keywords, source and body line", () => {
  const { status, lines } = runCheck("articles/2024/panda-cubs.zh.md");
  assert.is(status, 0);
  hasLine(lines, "lang:      zh");
  hasLine(lines, 'slug:      "panda-cubs" (from the file name)');
  hasLine(lines, 'id:        "panda-cubs-2024" (line 2)');
  hasLine(lines, 'date:      "2024-06-02" (line 4)');
  hasLine(lines, "body:      starts on line 8");
  hasLine(lines, 'keywords  "大熊猫" | "成都" | "野生动物保护"');
});

test("broken files: diagnostics in the standard format, paths relative to cwd, exit 1", () => {
  const feb30 = `${HOSTILE}/date-feb-30-md/feb30.en.md`;
  const seps = `${HOSTILE}/struct-two-separators/2024/two-seps.txt`;
  const { status, lines } = runCheck(feb30, seps, "no-such-file.txt", "package.json");
  assert.is(status, 1);
  assert.ok(lines.some((l) => l.startsWith(`${feb30}:3: error: date "2024-02-30" is not a real date`) && l.endsWith("[article/bad-date]")));
  assert.ok(lines.some((l) => l.startsWith(`${seps}:5: error: 2 lines announce the English part (lines 3 and 5`)));
  hasLine(lines, "no-such-file.txt:1: error: file cannot be read (ENOENT) [ingest/unreadable]");
  assert.ok(lines.some((l) => l.startsWith("package.json:1: error: not an article source") && l.endsWith("[check/not-an-article]")));
  hasLine(lines, "duet check: 4 error(s)");
});

test("a story dated after the build time (SOURCE_DATE_EPOCH) is shown held back, with exit 0", () => {
  const future = `${HOSTILE}/date-future/future.en.md`;
  const { status, lines } = runCheck(future);
  assert.is(status, 0);
  hasLine(lines, "state     held back until 2031-01-01T00:00:00.000+08:00 (--future publishes it now)");
});

test("a hostile title is shown escaped, never acted on by the terminal", () => {
  const { lines } = runCheck(`${HOSTILE}/inj-bidi-title/bidi.en.md`);
  hasLine(lines, 'title:     "Night \\u{202E}teKram\\u{202C} Opens" (line 2)');
  assert.not.ok(lines.join("\n").includes("\u202e"));
});

test("a file name with a control character is escaped in every line: one message, one line", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "duet-check-name-"));
  try {
    const file = path.join(dir, "bad\nname\u0007.en.md");
    await writeFile(file, "---\ntitle: Night Market Opens\ndate: 2024-04-02\n---\nBody.\n");
    const { lines } = runCheck(file);
    const shown = lines.filter((l) => l.includes("name"));
    assert.ok(shown.length >= 2, lines.join("\n"));
    for (const line of shown) assert.ok(line.includes("bad\\u{A}name\\u{7}.en.md"), `escaped in: ${line}`);
    assert.not.ok(lines.some((l) => l.startsWith("name")), "no line starts with the rest of the name");
    assert.not.ok(lines.join("\n").includes("\u0007"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a bare date is read in site.yaml's time zone, as the build reads it", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "duet-check-zone-"));
  try {
    await writeFile(path.join(dir, "site.yaml"), "time_zone: America/New_York\n");
    await writeFile(path.join(dir, "fair.en.md"), "---\ntitle: Fair\ndate: 2024-03-01\n---\nText.\n");
    const tsx = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");
    const result = spawnSync(process.execPath, ["--import", pathToFileURL(tsx).href, path.join(ROOT, "scripts/check.ts"), "fair.en.md"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, SOURCE_DATE_EPOCH: "1717171200" },
    });
    assert.is(result.status, 0, result.stderr);
    hasLine(result.stdout.split("\n"), "date      2024-03-01T00:00:00.000-05:00");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("round two: every dropped line with its rule, the bad source, the restated headline and the lead chrome are explained", () => {
  // Fixtures sit under no year folder, so each also reports raw/no-year; only the explanation is checked here.
  const chrome = runCheck("tests/fixtures/raw/chrome-in-parts.txt");
  for (const line of ['line 1 [image-link] "（点击查看大图）"', 'line 7 [ad] "广告：夏季空调特惠，全场八折"', 'line 19 [related] "Beiwan Port Opens New Shipping Route"', 'line 23 [share] "分享到：微信 微博"']) {
    hasLine(chrome.lines, line);
  }
  const source = runCheck("tests/fixtures/raw/bad-source-javascript.txt");
  hasLine(source.lines, 'line 11 [bad-source] "【来源】javascript:alert(document.cookie)"');
  hasLine(source.lines, "source:    (none)");
  assert.ok(source.lines.some((l) => l.includes("warning: the source \"javascript:alert(document.cookie)\" is not an http or https address")));
  const restated = runCheck("tests/fixtures/raw/restated-title.txt");
  hasLine(restated.lines, `line 13 [restated-title] "Title: Qingchuan's First Tram Line Begins Trial Service"`);
  const banner = runCheck("tests/fixtures/raw/lead-banner.txt");
  hasLine(banner.lines, 'line 1 [banner] "要闻 HEADLINES要闻 HEADLINES"');
  assert.ok(banner.lines.some((l) => l.trim().startsWith("rule whole-sentence, from the lead's sentence")));
});

test("a long title is shown cut at a whole grapheme, counted in graphemes", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "duet-check-graphemes-"));
  try {
    const file = path.join(dir, "flags.en.md");
    await writeFile(file, `---\ntitle: "A${"🇨🇳".repeat(250)}"\ndate: 2024-04-02\n---\nBody.\n`);
    const { lines } = runCheck(file);
    const title = lines.find((l) => l.trim().startsWith("title:")) ?? "";
    assert.ok(title.includes(`A${"🇨🇳".repeat(199)}… (251 characters)`), title);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
