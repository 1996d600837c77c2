// The dev server (`npm start`) around the dev site: it outlives whatever an update throws.
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { DevResult } from "../src/dev/index.ts";
import { startDevServer } from "../src/dev/server.ts";
import { BuildError } from "../src/diagnostics.ts";
import { scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIXED = path.join(ROOT, "tests/fixtures/build/mixed");

test("an update that throws an unexpected error is reported in one line, the server goes on, and the next change makes a whole build", async () => {
  const articles = await scratch("dev-server-src");
  await cp(MIXED, articles, { recursive: true });
  const outcomes: (DevResult | BuildError)[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  let failNext = false;
  const dev = await startDevServer({
    articles,
    out: await scratch("dev-server-out"),
    // Watched only: a folder of its own, so template edits elsewhere start no build here.
    templates: await scratch("dev-server-templates"),
    cacheDir: await scratch("dev-server-cache"),
    cwd: ROOT,
    port: 0,
    baseUrl: "http://localhost:8080/",
    searchShardSize: 2,
    report: (outcome) => outcomes.push(outcome),
    // The injected failure: a plain Error (not a BuildError) from the first stage of the next run.
    onProgress: (step) => {
      if (!failNext || step.stage !== "ingest") return;
      failNext = false;
      throw new Error("injected failure\u0007\nwith a second line");
    },
  });
  /** Edits a story's headline and waits until the run it starts is reported. */
  const edit = async (headline: string) => {
    const file = path.join(articles, "2024", "tech-fair.en.md");
    const reported = outcomes.length;
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, `title: ${headline}`));
    const deadline = Date.now() + 30_000;
    while (outcomes.length === reported && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(outcomes.length > reported, "the run is reported");
    await dev.settled();
    return outcomes.at(-1)!;
  };
  try {
    assert.is((outcomes[0] as DevResult).kind, "build");
    failNext = true;
    const failed = await edit("A Headline The Failed Update Saw");
    assert.instance(failed, BuildError);
    assert.is((failed as BuildError).message, "update failed: injected failure\\u{7}; the next change makes a whole build");
    assert.is((failed as BuildError).cause instanceof Error, true, "the error is kept as the cause");
    const home = await fetch(dev.server.url);
    assert.is(home.status, 200, "the server still serves");
    const next = await edit("A Headline After The Failure");
    assert.is((next as DevResult).kind, "build", "the next change makes a whole build");
    const page = await (await fetch(`${dev.server.url}en/`)).text();
    assert.match(page, "A Headline After The Failure");
    assert.equal(unhandled, [], "no unhandled rejection");
  } finally {
    process.off("unhandledRejection", onUnhandled);
    await dev.close();
  }
});

test("site.yaml is the last whole build's in every update, and a change to it makes a whole build; its errors reach open pages", async () => {
  // A project of its own: its site.yaml and articles (Eleventy's templates are Duet's).
  const project = await scratch("dev-server-project");
  await cp(MIXED, path.join(project, "articles"), { recursive: true });
  const siteYaml = path.join(project, "site.yaml");
  await writeFile(siteYaml, "name: { zh: 甲城日报, en: Alpha Daily }\n");
  const outcomes: (DevResult | BuildError)[] = [];
  const dev = await startDevServer({
    articles: "articles",
    out: path.join(project, "site"),
    templates: await scratch("dev-server-templates"),
    cacheDir: path.join(project, "cache"),
    cwd: project,
    port: 0,
    baseUrl: "http://localhost:8080/",
    report: (outcome) => outcomes.push(outcome),
  });
  /** Runs `change` and waits until the run it starts is reported. */
  const after = async (change: () => Promise<void>) => {
    const reported = outcomes.length;
    await change();
    const deadline = Date.now() + 30_000;
    while (outcomes.length === reported && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await dev.settled();
    return outcomes.at(-1)!;
  };
  const home = async () => (await fetch(`${dev.server.url}en/`)).text();
  try {
    assert.match(await home(), "Alpha Daily");
    const file = path.join(project, "articles/2024/tech-fair.en.md");
    const update = await after(async () => writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Fair Edited")));
    assert.is((update as DevResult).kind, "update");
    assert.match(await home(), /Alpha Daily[\s\S]*Fair Edited/);
    const renamed = await after(() => writeFile(siteYaml, "name: { zh: 乙城日报, en: Beta Daily }\n"));
    assert.is((renamed as DevResult).kind, "build", "a change to site.yaml makes a whole build");
    assert.match(await home(), "Beta Daily");
    const broken = await after(() => writeFile(siteYaml, "name: { zh: 乙城日报, en: Beta Daily }\ntheme_color: not-a-colour\n"));
    assert.instance(broken, BuildError);
    assert.ok((broken as BuildError).diagnostics.some((d) => d.file === "site.yaml" && d.line === 2 && d.severity === "error"), "site.yaml:2 is named");
  } finally {
    await dev.close();
  }
});

test.run();
