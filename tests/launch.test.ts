// `npm run build` starts from a bundle of Duet's TypeScript (scripts/launch.mjs): the same site as the
// sources run through tsx, a source edited since the last bundle is what the next build runs, and where no
// bundle can be written the command still runs, through tsx.
import { spawnSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pinBuildTime } from "./helpers/epoch.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = path.join(ROOT, "tests/fixtures/build/mixed");
const BUNDLES = path.join(ROOT, "node_modules/.cache/duet");

pinBuildTime(test);

/** Runs `node <args>` in `cwd`; fails the test when it fails. */
function node(args: string[], cwd = ROOT): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  assert.is(result.status, 0, result.stderr);
  return result;
}

/** A copy of this checkout's sources, without node_modules, in a scratch folder. */
async function copyCheckout(prefix: string): Promise<string> {
  const checkout = await scratch(prefix);
  for (const item of ["src", "scripts", "templates", ".eleventy.ts", "package.json", "package-lock.json", "tsconfig.json"]) await cp(path.join(ROOT, item), path.join(checkout, item), { recursive: true });
  return checkout;
}

test("the launcher builds from a bundle, and the site is byte for byte the one the sources build through tsx", async () => {
  const [viaBundle, viaTsx] = [await scratch("launch-bundle"), await scratch("launch-tsx")];
  const run = node(["scripts/launch.mjs", "scripts/build.ts", "--articles", MIXED, "--out", viaBundle, "--no-cache", "--verbose"]);
  assert.not.match(run.stderr, /running through tsx/, "the bundle was made and used");
  const bundles = await readdir(BUNDLES);
  assert.ok(bundles.some((dir) => dir.endsWith("-build")), `a bundle of the build command in ${bundles.join(", ")}`);
  node(["--import", "tsx", "scripts/build.ts", "--articles", MIXED, "--out", viaTsx, "--no-cache"]);
  assert.equal(await hashTree(viaBundle), await hashTree(viaTsx));
});

test("from the bundle, a cached rebuild checks and links the last output's pages in its worker thread, and writes the same site", async () => {
  const [viaCache, viaTsx, cacheDir] = [await scratch("launch-cached"), await scratch("launch-cached-tsx"), await scratch("launch-cache")];
  const build = () => {
    const { stdout, stderr } = node(["scripts/launch.mjs", "scripts/build.ts", "--articles", MIXED, "--out", viaCache, "--cache", cacheDir, "--verbose"]);
    return stdout + stderr;
  };
  build();
  const again = build();
  assert.not.match(again, /running through tsx/);
  // Every page unchanged: the worker (its script the bundle's text of its functions) found each one still the file written.
  assert.match(again, /cache: (\d+) pages unchanged, 0 rendered/);
  node(["--import", "tsx", "scripts/build.ts", "--articles", MIXED, "--out", viaTsx, "--no-cache"]);
  assert.equal(await hashTree(viaCache), await hashTree(viaTsx));
});

test("a source edited after a build is what the next build runs; bundles unused for a day are removed", async () => {
  // A checkout of its own (sharing this one's node_modules), so its source can be edited.
  const checkout = await copyCheckout("launch-checkout");
  await symlink(path.join(ROOT, "node_modules"), path.join(checkout, "node_modules"));
  const out = path.join(checkout, "site");
  const build = () => node(["scripts/launch.mjs", "scripts/build.ts", "--articles", MIXED, "--out", out, "--no-cache", "--verbose"], checkout);
  const page = () => readFile(path.join(out, "en/index.html"), "utf8");
  const unused = path.join(BUNDLES, "0000000000000000-build");
  await mkdir(unused, { recursive: true });
  const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
  await utimes(unused, dayAgo, dayAgo);
  const inUse = await readdir(BUNDLES);
  try {
    assert.not.match(build().stderr, /running through tsx/);
    assert.match(await page(), />Skip to content</);
    const strings = path.join(checkout, "src/render/strings.ts");
    await writeFile(strings, (await readFile(strings, "utf8")).replace('skipToContent: "Skip to content"', 'skipToContent: "Skip to the news"'));
    assert.not.match(build().stderr, /running through tsx/);
    assert.match(await page(), />Skip to the news</);
    const left = await readdir(BUNDLES);
    assert.not.ok(left.includes(path.basename(unused)), "the bundle unused for a day is gone");
    assert.ok(inUse.filter((dir) => dir !== path.basename(unused)).every((dir) => left.includes(dir)), "bundles used within the day are kept");
  } finally {
    // Its bundles name its paths: no other checkout can use them.
    for (const dir of await readdir(BUNDLES)) if ((await readFile(path.join(BUNDLES, dir, "build.mjs"), "utf8").catch(() => "")).includes(checkout)) await rm(path.join(BUNDLES, dir), { recursive: true, force: true });
  }
});

test("where no bundle can be written, the command runs through tsx and builds the same site", async () => {
  // A checkout whose node_modules holds this one's packages, and a file where the bundles' folder would go.
  const checkout = await copyCheckout("launch-nobundle");
  const modules = path.join(checkout, "node_modules");
  await mkdir(path.join(modules, ".cache"), { recursive: true });
  for (const name of await readdir(path.join(ROOT, "node_modules"))) if (name !== ".cache") await symlink(path.join(ROOT, "node_modules", name), path.join(modules, name));
  await writeFile(path.join(modules, ".cache", "duet"), "not a folder");
  const [viaFallback, viaTsx] = [path.join(checkout, "site"), await scratch("launch-nobundle-tsx")];
  const run = node(["scripts/launch.mjs", "scripts/build.ts", "--articles", MIXED, "--out", viaFallback, "--no-cache", "--verbose"], checkout);
  assert.match(run.stderr, /duet: running through tsx, no bundle: .*ENOTDIR/);
  node(["--import", "tsx", "scripts/build.ts", "--articles", MIXED, "--out", viaTsx, "--no-cache"], checkout);
  assert.equal(await hashTree(viaFallback), await hashTree(viaTsx));
});

test.run();
