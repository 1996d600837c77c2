// The command line explains itself: --help, one-line errors with status 2, no stack trace unless asked.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Runs a script of scripts/ with `args`; returns its status and output. */
function command(script: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}`, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("npm run build -- --help lists every option with its meaning and default, and exits 0", () => {
  const { status, stdout, stderr } = command("build.ts", ["--help"]);
  assert.is(status, 0, stderr);
  assert.match(stdout, /^Usage: npm run build -- \[options\]/);
  for (const option of ["--articles DIR", "--out DIR", "--base-url URL", "--strict", "--skip-invalid", "--report FILE", "--offline-stories N", "--precache-budget BYTES", "--search-precache-max BYTES", "--kill-service-worker", "--pack-search", "--search-shard-size N", "--cache DIR", "--no-cache", "--help", "--verbose"]) {
    assert.match(stdout, new RegExp(`\\n  ${option.replace(/[-]/g, "\\-")} +\\S`), `${option} is listed with a meaning`);
  }
  assert.match(stdout, /--out DIR +.*\(default: dist\)/);
  assert.match(stdout, /--precache-budget BYTES +.*\(default: 5242880\)/);
});

test("a wrong option, a missing value or a non-number is one line and status 2, never a stack trace", () => {
  const cases: [string[], string][] = [
    [["--site-name", "X"], "duet: unknown option --site-name; see --help"],
    [["--out"], "duet: option --out needs a value; see --help"],
    [["--offline-stories", "ten"], 'duet: --offline-stories expects a whole number of at least 0, not "ten"; see --help'],
    [["--search-shard-size", "0"], 'duet: --search-shard-size expects a whole number of at least 1, not "0"; see --help'],
    [["--strict=yes"], "duet: option --strict takes no value; see --help"],
  ];
  for (const [args, line] of cases) {
    const { status, stdout, stderr } = command("build.ts", args);
    assert.is(status, 2, args.join(" "));
    assert.is(stderr, `${line}\n`);
    assert.is(stdout, "");
  }
});

test("npm run check explains itself too", () => {
  const help = command("check.ts", ["--help"]);
  assert.is(help.status, 0);
  assert.match(help.stdout, /^Usage: npm run check -- \[options\] FILE…/);
  const none = command("check.ts", []);
  assert.is(none.status, 2);
  assert.is(none.stderr, "duet: name at least one article source to check; see --help\n");
  const wrong = command("check.ts", ["--fix"]);
  assert.is(wrong.status, 2);
  assert.is(wrong.stderr, "duet: unknown option --fix; see --help\n");
});

test("an unexpected failure is one readable line and status 1; --verbose or DEBUG=duet adds where it failed", () => {
  const env = { PAGEFIND_EXTENDED_BINARY_PATH: path.join(ROOT, "tests/fixtures/fake-pagefind/panic") };
  const args = ["--articles", "tests/fixtures/build/mixed", "--out", path.join(ROOT, "tests/.output/cli-unexpected"), "--no-cache"];
  const plain = command("build.ts", args, env);
  assert.is(plain.status, 1);
  assert.match(plain.stderr, /\nduet: build failed: index: Pagefind's indexing process stopped unexpectedly \(exit status 101\); .* was left as it was\nduet: run again with --verbose/);
  assert.not.match(plain.stderr, /\n\s+at /);
  const verbose = command("build.ts", [...args, "--verbose"], env);
  assert.is(verbose.status, 1);
  assert.match(verbose.stderr, /\n\s+at /, "the stack is shown when asked for");
});

test("a build run from another folder finds Duet's templates", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "duet-elsewhere-"));
  try {
    const loader = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
    const args = ["--import", loader, path.join(ROOT, "scripts/build.ts"), "--articles", path.join(ROOT, "tests/fixtures/build/mixed"), "--out", "site", "--no-cache"];
    const result = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
    assert.is(result.status, 0, result.stderr);
    assert.match(await readFile(path.join(dir, "site/en/index.html"), "utf8"), /Tech Fair Opens Downtown/);
    // The command ends itself once all is printed: the summary's last line reaches the pipe whole.
    assert.match(result.stdout, /\nduet: page weight: article HTML [\d.]+ KB on average, .* \+ Pagefind\n$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
