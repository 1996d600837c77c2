// The dev server's updates (`npm start`), timed: a whole build, then one edit after another, each
// followed by an update of the served folder. Run by bench/build.ts in a process of its own; prints one
// JSON line per step on stdout.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DevSite } from "../src/dev/index.ts";
import { editOneStory } from "./baseline/rebuilds.ts";

const { values } = parseArgs({ options: { articles: { type: "string" }, out: { type: "string" }, cache: { type: "string" }, "build-only": { type: "boolean", default: false } } });
if (!values.articles || !values.out || !values.cache) throw new Error("usage: tsx bench/dev-updates.ts --articles DIR --out DIR --cache DIR");
const articles = values.articles;
const site = new DevSite({ articles, out: values.out, cacheDir: values.cache, baseUrl: "http://localhost:8080/" });

/** One step: `edit` changes the sources, then the site is brought up to date and the page checked. */
async function step(what: string, run: () => Promise<{ millis: number; written: number; deferred: number; indexed: number; shards: number }>): Promise<void> {
  const result = await run();
  // Pages left to write after the update returned are written before the next edit, not timed.
  await site.settled();
  console.log(JSON.stringify({ what, millis: result.millis, written: result.written, deferred: result.deferred, indexed: result.indexed, shards: result.shards }));
}

// A first run fills the dev cache; a second starts from it, as \`npm start\` does every day after the first.
if (values["build-only"]) {
  await step("first start (dev cache empty)", () => site.build());
  process.exit(0);
}
await step("a start with the dev cache", () => site.build());
// After the first update, the dev server passes the paths its file watcher reported, as these do.
await step("no change, every source looked at (the first update after a start)", () => site.update());
await step("no change", () => site.update(new Set()));
const edited = await editOneStory(articles, "body");
const source = path.join(articles, edited);
await step(`a paragraph added to ${edited}`, () => site.update(new Set([source])));
await editOneStory(articles, "title");
await step(`the headline of ${edited} changed`, () => site.update(new Set([source])));
// A new story, dated after every other story of the corpus.
const text = await readFile(source, "utf8");
const fresh = text.replace(/^date: .*$/m, "date: 2025-12-31T23:00:00+08:00").replace(/^title: .*$/m, "title: A Story Added While the Server Runs");
const added = path.join(path.dirname(source), "zz-added-while-serving.en.md");
await writeFile(added, fresh);
await step("a new story added", () => site.update(new Set([added])));
