// The output folder: what a build may replace, and what it leaves behind when it fails or is killed.
import { execFile, spawn } from "node:child_process";
import { chmod, cp, mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { BuildError, formatDiagnostic } from "../src/diagnostics.ts";
import { OUTPUT_MARKER, recoverOutput } from "../src/publish/index.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = "tests/fixtures/build/mixed";
const run = promisify(execFile);

/** The error a build threw, as printed lines; fails the test when the build succeeded. */
async function refusal(options: Parameters<typeof build>[0]): Promise<string[]> {
  try {
    await build(options);
  } catch (caught) {
    assert.instance(caught, BuildError);
    return [...(caught as BuildError).diagnostics.map(formatDiagnostic), (caught as BuildError).message];
  }
  assert.unreachable("the build should have been refused");
  return [];
}

/** Names beside `out` that a build's staging or swap left. */
async function leftovers(out: string): Promise<string[]> {
  return (await readdir(path.dirname(out))).filter((name) => name.startsWith(".duet-tmp-"));
}

/** The id of a process that has ended, so a folder named after it is a dead build's. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

test("the project root, the articles, the cache and templates/ are never an output, and nothing is written", async () => {
  const before = await readdir(ROOT);
  const root = await refusal({ articles: MIXED, out: ".", cwd: ROOT });
  assert.match(root[0]!, /^\.:1: error: refusing to write the site to \.: .*it is the project root.*\[output\/unsafe\]$/);
  assert.equal(await readdir(ROOT), before);
  const articles = await scratch("guard-src");
  await cp(path.join(ROOT, MIXED), articles, { recursive: true });
  const sources = await hashTree(articles);
  assert.match((await refusal({ articles, out: articles, cwd: ROOT }))[0]!, /it is the articles folder/);
  assert.match((await refusal({ articles, out: path.join(articles, "site"), cwd: ROOT }))[0]!, /it lies inside the articles folder/);
  assert.match((await refusal({ articles, out: path.dirname(articles), cwd: ROOT }))[0]!, /it holds the articles folder/);
  assert.match((await refusal({ articles, out: "templates/site", cwd: ROOT }))[0]!, /it lies inside the templates folder/);
  assert.match((await refusal({ articles, out: path.join(articles, ".."), cwd: ROOT }))[0]!, /it holds the articles folder/);
  const cacheDir = await scratch("guard-cache");
  assert.match((await refusal({ articles, out: cacheDir, cacheDir, cwd: ROOT }))[0]!, /it is the build cache/);
  assert.match((await refusal({ articles, out: "/", cwd: ROOT }))[0]!, /it is the file-system root/);
  assert.equal(await hashTree(articles), sources);
});

test("an existing folder is replaced only when it is empty or a Duet output; otherwise it is left as it was", async () => {
  const out = await scratch("guard-foreign");
  await writeFile(path.join(out, "thesis.tex"), "years of work");
  const lines = await refusal({ articles: MIXED, out, cwd: ROOT });
  assert.match(lines[0]!, /it holds files no Duet build wrote \(it has no \.duet-output marker\); a build replaces its output folder whole, so give --out a new or empty folder/);
  assert.equal(await readdir(out), ["thesis.tex"]);
  assert.equal(await leftovers(out), []);
  const empty = await scratch("guard-empty");
  await build({ articles: MIXED, out: empty, cwd: ROOT });
  assert.ok((await readdir(empty)).includes(OUTPUT_MARKER), "every output carries the marker");
  await build({ articles: MIXED, out: empty, cwd: ROOT });
});

test("the command line refuses `--out .` with one error and status 1, and the project is whole", async () => {
  const before = await readdir(ROOT);
  const result = await run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", ".", "--no-cache"], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
  assert.is((result as { code?: number }).code, 1);
  const stderr = (result as { stderr: string }).stderr.trim().split("\n");
  assert.equal(stderr.length, 2, stderr.join("\n"));
  assert.match(stderr[0]!, /^\.:1: error: refusing to write the site to \./);
  assert.is(stderr[1], "duet: build refused; . was left as it was");
  assert.equal(await readdir(ROOT), before);
});

test("a new output folder is 0755, a replaced one keeps its mode, a missing parent is made, and nothing is left beside it", async () => {
  const parent = await scratch("mode");
  const out = path.join(parent, "site", "public");
  await build({ articles: MIXED, out, cwd: ROOT });
  assert.is((await stat(out)).mode & 0o777, 0o755);
  await chmod(out, 0o750);
  const cacheDir = await scratch("mode-cache");
  await build({ articles: MIXED, out, cacheDir, cwd: ROOT, removeOldOutputInBackground: true });
  assert.is((await stat(out)).mode & 0o777, 0o750);
  assert.equal(await leftovers(out), [], "the replaced output went into the cache, not beside the output");
  const blocked = path.join(parent, "a-file");
  await writeFile(blocked, "");
  const lines = await refusal({ articles: MIXED, out: path.join(blocked, "dist"), cwd: ROOT });
  assert.match(lines.at(-2)!, /:1: error: cannot write beside .*a-file\/dist: its parent folder cannot be made or written to \((ENOTDIR|EEXIST)\) \[output\/unwritable\]$/);
});

test("a build killed between the two renames of its swap is repaired: the newer complete output is put in place", async () => {
  const out = path.join(await scratch("swap"), "dist");
  await build({ articles: MIXED, out, cwd: ROOT });
  const pid = await deadPid();
  const retired = path.join(path.dirname(out), `.duet-tmp-dist-${pid}-AbC123-old`);
  const finished = path.join(path.dirname(out), `.duet-tmp-dist-${pid}-AbC123`);
  const unfinished = path.join(path.dirname(out), `.duet-tmp-dist-${pid}-XyZ789`);
  await cp(out, finished, { recursive: true });
  await writeFile(path.join(finished, "newer.txt"), "the build that was swapping");
  await mkdir(unfinished);
  await writeFile(path.join(unfinished, "half.html"), "a build killed while rendering");
  await rename(out, retired);
  const repaired = await recoverOutput(out, "dist");
  assert.equal(repaired.map(formatDiagnostic), [
    `dist:1: warning: dist was missing after an interrupted build; put back the complete output it left (.duet-tmp-dist-${pid}-AbC123) [output/recovered]`,
  ]);
  assert.is(await readFile(path.join(out, "newer.txt"), "utf8"), "the build that was swapping");
  assert.equal(await leftovers(out), []);
});

test("staging folders of killed builds are removed by the next build; one of a build still running stops it", async () => {
  const out = path.join(await scratch("stale"), "dist");
  const pid = await deadPid();
  await mkdir(path.join(path.dirname(out), `.duet-tmp-dist-${pid}-Stale1`));
  await build({ articles: MIXED, out, cwd: ROOT });
  assert.equal(await leftovers(out), []);
  const sleeper = spawn("sleep", ["30"]);
  try {
    const busy = path.join(path.dirname(out), `.duet-tmp-dist-${sleeper.pid}-Busy12`);
    await mkdir(busy);
    const before = await hashTree(out);
    const lines = await refusal({ articles: MIXED, out, cwd: ROOT });
    assert.match(lines[0]!, new RegExp(`dist:1: error: another build \\(process ${sleeper.pid}\\) is writing \\S*dist now; wait for it to finish`));
    assert.equal(await hashTree(out), before);
    assert.equal(await leftovers(out), [path.basename(busy)]);
  } finally {
    sleeper.kill("SIGKILL");
  }
});

test("staging folders of another output whose name starts the same are left alone", async () => {
  const parent = await scratch("neighbour");
  const out = path.join(parent, "dist");
  const neighbour = path.join(parent, `.duet-tmp-dist-2-${await deadPid()}-Nb1234`);
  await mkdir(neighbour);
  await build({ articles: MIXED, out, cwd: ROOT });
  assert.ok((await readdir(parent)).includes(path.basename(neighbour)), "the staging folder of dist-2 was taken for one of dist's");
});

test("a process that exits in the middle of a build leaves no staging folder", async () => {
  const parent = await scratch("exit");
  const script = `import { createStaging } from "./src/publish/index.ts"; await createStaging(${JSON.stringify(path.join(parent, "dist"))}); process.exit(3);`;
  const result = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT }).catch((e: { code: number }) => e);
  assert.is((result as { code?: number }).code, 3);
  assert.equal(await readdir(parent), []);
});

test("Pagefind dying under the build (a full disk) fails the build with one line, status 1, the output as it was and no staging folder", async () => {
  const out = path.join(await scratch("pagefind-dies"), "dist");
  await build({ articles: MIXED, out, cwd: ROOT });
  const before = await hashTree(out);
  const env = { ...process.env, PAGEFIND_EXTENDED_BINARY_PATH: path.join(ROOT, "tests/fixtures/fake-pagefind/panic") };
  const result = await run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--articles", MIXED, "--out", out, "--no-cache"], { cwd: ROOT, env }).catch((e: { code: number; stderr: string }) => e);
  assert.is((result as { code?: number }).code, 1);
  const stderr = (result as { stderr: string }).stderr;
  assert.match(stderr, new RegExp(`duet: build failed: index: Pagefind's indexing process stopped unexpectedly \\(exit status 101\\); ${out} was left as it was`));
  assert.not.match(stderr, /\n\s+at /, "no stack trace without DEBUG=duet");
  assert.equal(await hashTree(out), before);
  assert.equal(await leftovers(out), []);
});

test("with a cache, Pagefind dying while the unchanged pages are linked leaves the output as it was and no staging folder", async () => {
  const dir = await scratch("pagefind-dies-cached");
  const [articles, out, cacheDir] = [path.join(dir, "articles"), path.join(dir, "dist"), path.join(dir, "cache")];
  await cp(path.join(ROOT, MIXED), articles, { recursive: true });
  await build({ articles, out, cacheDir, cwd: ROOT });
  const before = await hashTree(out);
  // A new story: its pages are rendered, the others linked from the last output (by the worker), and its shard indexed again.
  await writeFile(path.join(articles, "2024/late.en.md"), "---\ntitle: A Late Story\ndate: 2024-06-01\nkeywords: late, news\n---\nIt came in late.\n");
  const env = { ...process.env, PAGEFIND_EXTENDED_BINARY_PATH: path.join(ROOT, "tests/fixtures/fake-pagefind/panic") };
  const args = ["--import", "tsx", "scripts/build.ts", "--articles", articles, "--out", out, "--cache", cacheDir];
  const result = await run(process.execPath, args, { cwd: ROOT, env }).catch((e: { code: number; stderr: string }) => e);
  assert.is((result as { code?: number }).code, 1, (result as { stderr: string }).stderr);
  assert.match((result as { stderr: string }).stderr, /Pagefind's indexing process stopped unexpectedly/);
  assert.equal(await hashTree(out), before);
  assert.equal(await leftovers(out), []);
});

test("a precache over its budget names its total and its ten largest files in one short line", async () => {
  const out = path.join(await scratch("budget"), "dist");
  const lines = await refusal({ articles: MIXED, out, cwd: ROOT, precacheBudget: 1000 });
  const message = lines.at(-1)!;
  assert.ok(message.length < 1200, `${message.length} characters`);
  const match = /the precache is [\d.]+ KiB in (\d+) files, over the budget of 1\.0 KiB \(--precache-budget 1000\); largest: (.*); precache fewer stories/.exec(message);
  assert.ok(match, message);
  const listed = match![2]!.split(", ");
  assert.is(listed.length, 10);
  assert.match(listed[0]!, /^pagefind\/wasm\.en\.pagefind [\d.]+ KiB$/);
  const sizes = listed.map((entry) => Number(/([\d.]+) KiB$/.exec(entry)![1]));
  assert.equal(sizes, [...sizes].sort((a, b) => b - a), "largest first");
  assert.equal(await leftovers(out), []);
});

test.run();
