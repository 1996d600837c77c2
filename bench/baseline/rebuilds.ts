// Rebuilds with the build cache: the edits the benchmark makes between builds, and their table.
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** One rebuild as measured. */
export interface RebuildRecord {
  /** What changed before it. */
  what: string;
  /** The median of the runs' wall times. */
  wallMs: number;
  /** Each run's wall time, in the order they ran (each after a change of its own). */
  runsMs: number[];
  /** The largest peak RSS of the runs. */
  peakRss: number;
  failed: boolean;
}

const MIB = 1024 * 1024;

/** The first English Markdown article of the corpus, by path: the story every edit touches. */
export async function firstEnglishArticle(articles: string): Promise<string> {
  const entries = await readdir(articles, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".en.md")).map((e) => path.join(e.parentPath, e.name));
  const first = files.sort()[0];
  if (!first) throw new Error(`no .en.md article under ${articles} to edit`);
  return first;
}

/**
 * Edits one story as an editor would: `body` adds a closing paragraph (the lead, and so the search
 * records, stay as they were); `title` rewrites the headline (the records change). Returns the file's
 * path relative to `articles`.
 */
export async function editOneStory(articles: string, what: "body" | "title"): Promise<string> {
  const file = await firstEnglishArticle(articles);
  const text = await readFile(file, "utf8");
  const edited =
    what === "body"
      ? `${text.trimEnd()}\n\nThe editors added this paragraph after publication.\n`
      : text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`Updated: ${title.replace(/^"|"$/g, "")}`)}`);
  if (edited === text) throw new Error(`could not make a ${what} edit to ${file}`);
  await writeFile(file, edited);
  return path.relative(articles, file);
}

/**
 * Publishes `count` new stories as a newsroom does: each a zh + en pair dated just after the newest story of
 * the corpus (a minute apart, before the benchmark's build time, so none is held back). Returns their slugs.
 */
export async function addNewStories(articles: string, count: number, label: string): Promise<string[]> {
  const newest = await newestDate(articles);
  const dir = path.join(articles, "new");
  await mkdir(dir, { recursive: true });
  const slugs: string[] = [];
  for (let i = 1; i <= count; i++) {
    const slug = `new-${label}-${i}`;
    const date = new Date(newest + i * 60_000).toISOString();
    const story = (lang: "zh" | "en", title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\nkeywords: [${lang === "zh" ? "港口, 航运" : "port, shipping"}]\n---\n${body}\n`;
    await writeFile(path.join(dir, `${slug}.zh.md`), story("zh", `新航线第${i}条开通`, "港口今天开通一条新的集装箱航线，每周两班。"));
    await writeFile(path.join(dir, `${slug}.en.md`), story("en", `New Shipping Route ${i} Opens`, "The port opened a new container route today, with two sailings a week."));
    slugs.push(slug);
  }
  return slugs;
}

/**
 * What a deploy from CI starts from: a fresh checkout (every source a new file, with a new time) and the
 * output and build cache restored from CI's cache as copies (new inodes, times kept), without the cache's
 * trash, as docs/examples/github-pages.yml keeps them.
 */
export async function restoreAsOnAFreshMachine(articles: string, out: string, cacheDir: string): Promise<void> {
  const copy = async (dir: string, preserveTimestamps: boolean, skip?: string) => {
    const to = `${dir}.restored`;
    await cp(dir, to, { recursive: true, preserveTimestamps, filter: (source) => source !== skip });
    await rm(dir, { recursive: true, force: true });
    await rename(to, dir);
  };
  await copy(articles, false);
  await copy(out, true);
  await copy(cacheDir, true, path.join(cacheDir, "trash"));
}

/** The newest `date:` of the corpus's Markdown articles, in milliseconds. */
async function newestDate(articles: string): Promise<number> {
  const entries = await readdir(articles, { recursive: true, withFileTypes: true });
  let newest = 0;
  for (const e of entries.filter((entry) => entry.isFile() && entry.name.endsWith(".md"))) {
    const date = /^date: *"?([^"\n]+)"?$/m.exec(await readFile(path.join(e.parentPath, e.name), "utf8"))?.[1];
    const millis = date ? Date.parse(date.length === 10 ? `${date}T00:00:00+08:00` : date) : Number.NaN;
    if (millis > newest) newest = millis;
  }
  if (newest === 0) throw new Error(`no dated Markdown article under ${articles}`);
  return newest;
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
}

/**
 * The rebuild section of the report: each rebuild's time and memory, and its ratios to a full Duet build
 * and to a full baseline build (medians, no cache), both run in the same command.
 */
export function rebuildTable(rebuilds: readonly RebuildRecord[], fullBuildMs: readonly number[], baselineMs: readonly number[] = []): string[] {
  const full = median(fullBuildMs);
  const baseline = median(baselineMs);
  const ratio = (ms: number, of: number) => (Number.isNaN(of) ? "–" : `${(ms / of).toFixed(2)}×`);
  const lines = [
    `### Rebuilds with the build cache (\`--cache\`, in this order; ${rebuilds.some((r) => r.runsMs.length > 1) ? "medians of the runs listed" : "one run each"})`,
    "",
    `Ratios: wall time against the median full Duet build without a cache (${(full / 1000).toFixed(2)} s) and the median full baseline build (${Number.isNaN(baseline) ? "not run" : `${(baseline / 1000).toFixed(2)} s`}) above.`,
    "",
    "| before the build | wall | peak RSS | / full build | / full baseline | runs |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of rebuilds) {
    const runs = r.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(", ");
    lines.push(`| ${r.what}${r.failed ? " (FAILED)" : ""} | ${(r.wallMs / 1000).toFixed(2)} s | ${(r.peakRss / MIB).toFixed(0)} MiB | ${ratio(r.wallMs, full)} | ${ratio(r.wallMs, baseline)} | ${runs} s |`);
  }
  return ["", ...lines, ""];
}

/** One step of the dev server's run (bench/dev-updates.ts). */
export interface DevStep {
  what: string;
  millis: number;
  /** Pages, feeds and sitemaps written, of which `deferred` after the update returned. */
  written: number;
  deferred: number;
  /** Search shards indexed again, of `shards`. */
  indexed: number;
  shards: number;
  /** Milliseconds from the end of the edit until Chromium showed it on the open page, and in an open search's results. */
  page?: number;
  search?: number;
}

/** The dev server section of the report: each step's time, from the end of the edit to the served folder being up to date. */
export function devTable(steps: readonly DevStep[]): string[] {
  return [
    "",
    "### The dev server (`npm start`): a first start, a start with its cache, then an update after each edit, in this order",
    "",
    "Update: from the start of the update to the served folder being up to date and open pages told to reload (the server first waits 100 ms after the last change). Later pages of long lists and the sitemaps are written after that (\"deferred\"); a request for one waits until it is written. Page and search: in headless Chromium on the same machine, from the end of the edit's write until the open article (the home page, for a new story) showed the edit after live reload, and until an open search for a new word of it listed the story.",
    "",
    "| before the update | update | page shows it | search shows it | pages written | of which deferred | search shards indexed |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...steps.map((s) => `| ${s.what} | ${seconds(s.millis)} | ${s.page === undefined ? "–" : seconds(s.page)} | ${s.search === undefined ? "–" : seconds(s.search)} | ${s.written} | ${s.deferred} | ${s.indexed} of ${s.shards} |`),
    "",
  ];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
