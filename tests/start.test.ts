// `npm start`: explains itself, serves a project's articles from its own folder, reloads open pages
// after an edit, and leaves the project's dist/ byte for byte as it was.
import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { freePort } from "./helpers/port.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const START = path.join(ROOT, "scripts/start.ts");
/** tsx by its path, so that `npm start` runs in a project folder that has no node_modules. */
const TSX = import.meta.resolve("tsx");

/** Runs `npm start` with `args` to its end; returns its status and output. */
function start(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", TSX, START, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `start`, without blocking this process (which may be serving the port it is given). */
function startAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", TSX, START, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (status) => resolve({ status, stderr })));
}

test("npm start -- --help lists every option with its meaning and default, and exits 0", () => {
  const { status, stdout, stderr } = start(["--help"]);
  assert.is(status, 0, stderr);
  assert.match(stdout, /^Usage: npm start -- \[options\]/);
  for (const option of ["--articles DIR", "--port N", "--cache DIR", "--no-cache", "--search-shard-size N", "--help", "--verbose"]) {
    assert.match(stdout, new RegExp(`\\n  ${option.replace(/[-]/g, "\\-")} +\\S`), `${option} is listed with a meaning`);
  }
  assert.match(stdout, /--port N +.*\(default: 8080\)/);
  assert.match(stdout, /--cache DIR +.*DIR\/site.*\(default: \.duet-cache\/dev\)/);
  assert.not.match(stdout, /--out/, "npm start has no output folder to choose");
});

test("a wrong option or a non-number is one line and status 2, never a stack trace", () => {
  const cases: [string[], string][] = [
    [["--out", "dist"], "duet: unknown option --out; see --help"],
    [["--port", "eighty"], 'duet: --port expects a whole number from 1 to 65535, not "eighty"; see --help'],
    [["--search-shard-size", "1.5"], 'duet: --search-shard-size expects a whole number of at least 1, not "1.5"; see --help'],
    [["--cache"], "duet: option --cache needs a value; see --help"],
    [["--cache", "dist/dev"], "duet: --cache dist/dev lies inside dist/, which npm start never writes; see --help"],
  ];
  for (const [args, line] of cases) {
    const { status, stdout, stderr } = start(args);
    assert.is(status, 2, args.join(" "));
    assert.is(stderr, `${line}\n`);
    assert.is(stdout, "");
  }
});

test("a failure to start is one readable line and status 1", async () => {
  const missing = start(["--articles", path.join(ROOT, "tests/.output/no-such-folder"), "--port", "1"]);
  assert.is(missing.status, 1);
  assert.match(missing.stderr, /^duet: npm start failed: .*no-such-folder.*\nduet: run again with --verbose/);
  assert.not.match(missing.stderr, /\n\s+at /);
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  try {
    const port = (taken.address() as AddressInfo).port;
    const busy = await startAsync(["--articles", "tests/fixtures/build/mixed", "--port", String(port), "--cache", await scratch("start-busy")]);
    assert.is(busy.status, 1);
    assert.match(busy.stderr, new RegExp(`(^|\\n)duet: port ${port} is in use \\(another npm start\\?\\); stop it or choose another port with --port\\n$`));
  } finally {
    taken.close();
  }
});

test("an edited article is rebuilt in npm start's own folder, its open page is told to reload, and dist/ is left byte for byte", async () => {
  // A project of its own: the sample's articles and a deploy's output, as a newsroom's checkout holds them.
  const project = await scratch("start-project");
  await cp(path.join(ROOT, "articles"), path.join(project, "articles"), { recursive: true });
  // Eleventy reads templates/ from the working directory (.eleventy.ts names it so).
  await symlink(path.join(ROOT, "templates"), path.join(project, "templates"));
  await mkdir(path.join(project, "dist/en"), { recursive: true });
  await writeFile(path.join(project, "dist/.duet-output"), "Written by Duet.\n");
  await writeFile(path.join(project, "dist/en/index.html"), "<h1>the production site</h1>\n");
  const before = await hashTree(path.join(project, "dist"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", TSX, START, "--port", String(port)], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!output.includes("serving") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.match(output, /serving http:\/\/127\.0\.0\.1:\d+\/ from \.duet-cache\/dev\/site/);
    const base = `http://127.0.0.1:${port}/`;
    const page = await (await fetch(`${base}en/shanghai-metro-night/`)).text();
    assert.match(page, /__duet\/live\.js/, "pages get the live-reload script");
    assert.match(page, /data-sw="off"/, "the dev site installs no service worker");
    // A malformed path (as an <img src> on a page may ask for) gets 400, and the server goes on.
    assert.is((await fetch(`${base}zh/%ZZ`)).status, 400);

    const events = await fetch(`${base}__duet/events`);
    const reader = events.body!.getReader();
    const file = path.join(project, "articles/2024/shanghai-metro-night.en.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Shanghai Metro to Trial Overnight Weekend Service", "Shanghai Metro Extends Overnight Service"));
    const edited = Date.now();
    let stream = "";
    // The update names the pages it wrote; a page among them reloads (see the live-reload script).
    while (!stream.includes("event: pages") && Date.now() - edited < 60_000) stream += new TextDecoder().decode((await reader.read()).value);
    assert.match(stream, /event: pages\ndata: \{[^\n]*"en\/shanghai-metro-night\/index\.html"/);
    const updated = await (await fetch(`${base}en/shanghai-metro-night/`)).text();
    assert.match(updated, /<h1>Shanghai Metro Extends Overnight Service<\/h1>/);
    console.log(`    edit → reload event: ${Date.now() - edited} ms (sample site)`);
    await reader.cancel();
    assert.match(await readFile(path.join(project, ".duet-cache/dev/site/en/shanghai-metro-night/index.html"), "utf8"), /Extends Overnight Service/);
    assert.ok((await stat(path.join(project, ".duet-cache/dev/cache"))).isDirectory(), "the build cache sits beside the site");
  } finally {
    child.kill("SIGINT");
  }
  assert.is(await exited, 130, "Ctrl-C stops it");
  assert.equal(await hashTree(path.join(project, "dist")), before, "dist/ is as it was");
});

test.run();
