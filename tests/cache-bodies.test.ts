// The cache keeps parse results without most bodies: a body it left out is read again from its source,
// and only when a page needs it. What the site shows is the same as a clean build's.
import { appendFileSync } from "node:fs";
import { cp, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, type BuildOptions } from "../src/build.ts";
import { pinBuildTime } from "./helpers/epoch.ts";
import { hashTree, scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = path.join(ROOT, "tests/fixtures/build/mixed");
/** After the pinned build time (2026-01-01): a story dated here is held back until a build after it. */
const EMBARGOED = "---\ntitle: Harbour Bridge Opens\ndate: 2026-03-01T09:00:00+08:00\nkeywords: bridge, harbour\n---\nThe harbour bridge opens to traffic at nine.\n\nBuses cross it from Monday.\n";
const LATER = DateTime.fromISO("2026-03-02T00:00:00+08:00");

pinBuildTime(test);

/** A copy of the mixed fixture (six Markdown versions and a raw scrape) with one embargoed story, an output and a cache. */
async function workspace(): Promise<{ articles: string; out: string; cacheDir: string }> {
  const articles = await scratch("bodies-src");
  await cp(MIXED, articles, { recursive: true });
  await writeFile(path.join(articles, "2024/bridge.en.md"), EMBARGOED);
  return { articles, out: await scratch("bodies-out"), cacheDir: await scratch("bodies-cache") };
}

/** What a clean build of `articles` writes, without any cache. */
async function cleanTree(articles: string, options: Partial<BuildOptions> = {}): Promise<Record<string, string>> {
  const out = await scratch("bodies-clean");
  await build({ articles, out, cwd: ROOT, ...options });
  return hashTree(out);
}

test("a cached build reads no source again; a story released from its embargo is rendered from its source, read again", async () => {
  const { articles, out, cacheDir } = await workspace();
  const first = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.is(first.heldBack.length, 1, "the bridge story waits for its date");
  assert.is(first.cache?.readAgain, 0, "every source was read and parsed");
  const again = await build({ articles, out, cacheDir, cwd: ROOT });
  assert.equal([again.cache?.parsed, again.cache?.readAgain], [0, 0], "nothing changed: no source is read");

  // Its parse result is cached, its body is not (no build rendered it): the body is read from the file.
  const released = await build({ articles, out, cacheDir, cwd: ROOT, now: LATER });
  assert.equal([released.heldBack.length, released.cache?.parsed, released.cache?.readAgain], [0, 0, 1]);
  assert.equal(await hashTree(out), await cleanTree(articles, { now: LATER }));
});

test("with the rendered bodies gone from the cache, every body is read again from its source, Markdown and raw scrape alike", async () => {
  const { articles, out, cacheDir } = await workspace();
  await build({ articles, out, cacheDir, cwd: ROOT });
  for (const file of await readdir(cacheDir)) if (/^(bodies|leads)-/.test(file)) await rm(path.join(cacheDir, file));
  const rebuilt = await build({ articles, out, cacheDir, cwd: ROOT });
  // Seven sources have published bodies: six Markdown versions and the raw scrape; the embargoed one is not rendered.
  assert.equal([rebuilt.cache?.parsed, rebuilt.cache?.readAgain], [0, 7]);
  assert.equal(await hashTree(out), await cleanTree(articles));
});

test("a source edited while the build runs, before its left-out body is read, fails the build and leaves the output as it was", async () => {
  const { articles, out, cacheDir } = await workspace();
  await build({ articles, out, cacheDir, cwd: ROOT });
  const before = await hashTree(out);
  const file = path.join(articles, "2024/bridge.en.md");
  // Ingest has taken the file as unchanged; it is edited before the page that needs its body is made.
  const editAfterParse = (step: { stage: string }) => void (step.stage === "parse" && appendFileSync(file, "\nA late paragraph.\n"));
  try {
    await build({ articles, out, cacheDir, cwd: ROOT, now: LATER, onProgress: editAfterParse });
    assert.unreachable("the build should have failed");
  } catch (caught) {
    assert.match((caught as Error).message, /bridge\.en\.md changed while the site was being built; build again/);
  }
  assert.equal(await hashTree(out), before);
  const next = await build({ articles, out, cacheDir, cwd: ROOT, now: LATER });
  assert.is(next.cache?.parsed, 1, "the next build parses the edited file");
  assert.equal(await hashTree(out), await cleanTree(articles, { now: LATER }));
});

test.run();
