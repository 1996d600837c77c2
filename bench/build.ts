// `npm run bench`: Duet's full build against plain Eleventy + Pagefind CLI on a generated corpus, alternating runs.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { execFile } from "node:child_process";
import { prepareBaselineSite } from "./baseline/prepare.ts";
import { hasGnuTime } from "./baseline/measure.ts";
import { formatRun, renderReport } from "./baseline/report.ts";
import type { RunRecord } from "./baseline/report.ts";
import { describeCommands, ELEVENTY_CLI, PAGEFIND_CLI, prepareLaunch, runBaseline, runDuet, runDuetCached } from "./baseline/runs.ts";
import { addNewStories, devTable, editOneStory, firstEnglishArticle, median, rebuildTable, restoreAsOnAFreshMachine, type DevStep, type RebuildRecord } from "./baseline/rebuilds.ts";
import type { RunSetup } from "./baseline/runs.ts";
import { generateCorpus } from "./corpus.ts";
import type { CorpusManifest, CorpusOptions } from "./corpus.ts";

const USAGE = `Usage: npm run bench -- [options]
  --pairs N         stories in the corpus (default 1000; 10000 and 100000 on request)
  --seed S          corpus seed (default 1)
  --format F        raw, md or mix (default mix)
  --runs R          runs of each build, alternating (default 3 up to 1000 pairs, else 1)
  --skip-baseline   time Duet only
  --skip-rebuilds   skip the rebuilds with the build cache (after one article is edited)
  --rebuild-runs N  runs of each rebuild after the first, each after a change of its own (default 1)
  --skip-dev        skip the dev server's updates (npm start) after each edit
  --search-shard-size N  passed to Duet's builds (stories per search index)
  --out FILE        Markdown report (default bench/results/build-<pairs>.md)`;

const ROOT = path.resolve(import.meta.dirname, "..");
/** Build time of every run (2026-01-01T00:00:00Z): after the corpus's last day, so no story is in the future. */
const SOURCE_DATE_EPOCH = "1767225600";
const MIB = 1024 * 1024;
const execAsync = promisify(execFile);
const MEASURED = [
  "wall time from spawn to exit",
  "peak RSS of the process tree: the largest of the summed VmRSS of its processes (sampled every 100 ms from /proc) and each process's own peak (GNU time `%M`, VmHWM); the baseline's two steps run one after the other, so its peak is the larger step's",
  "CPU time: user + system of the tree",
  "other load: cores kept busy by anything else during the run (noise)",
  "pages: .html files outside pagefind/",
  "runs alternate Duet, baseline; medians over the runs",
].join("; ");

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    format: { type: "string", default: "mix" },
    runs: { type: "string" },
    "skip-baseline": { type: "boolean", default: false },
    "skip-rebuilds": { type: "boolean", default: false },
    "rebuild-runs": { type: "string", default: "1" },
    "skip-dev": { type: "boolean", default: false },
    "search-shard-size": { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
const pairs = Number(values.pairs);
const seed = Number(values.seed);
const format = values.format;
const runs = Number(values.runs ?? (pairs <= 1000 ? 3 : 1));
const shardSize = values["search-shard-size"];
const rebuildRuns = Number(values["rebuild-runs"]);
const valid =
  Number.isInteger(pairs) && pairs > 0 && Number.isInteger(seed) && Number.isInteger(runs) && runs > 0 && Number.isInteger(rebuildRuns) && rebuildRuns > 0 && (shardSize === undefined || /^[1-9]\d*$/.test(shardSize));
if (values.help || !valid || (format !== "raw" && format !== "md" && format !== "mix")) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const skipBaseline = values["skip-baseline"];
const reportFile = path.resolve(values.out ?? path.join(ROOT, "bench", "results", `build-${pairs}.md`));
const command = `npm run bench -- --pairs ${pairs} --seed ${seed} --format ${format} --runs ${runs}${skipBaseline ? " --skip-baseline" : ""}${shardSize ? ` --search-shard-size ${shardSize}` : ""}${rebuildRuns > 1 ? ` --rebuild-runs ${rebuildRuns}` : ""}${values.out ? ` --out ${values.out}` : ""}`;

/** The corpus in `bench/corpus/build-<pairs>-<seed>-<format>/`, reused when its manifest was made with these options. */
async function ensureCorpus(options: Omit<CorpusOptions, "outDir">): Promise<{ dir: string; manifest: CorpusManifest }> {
  const dir = path.join(ROOT, "bench", "corpus", `build-${options.pairs}-${options.seed}-${options.format}`);
  const text = await readFile(path.join(dir, "manifest.json"), "utf8").catch(() => "");
  try {
    const manifest = JSON.parse(text) as CorpusManifest;
    const o = manifest.options;
    // A manifest is written last, so a complete one means the corpus finished generating.
    if (o.pairs === options.pairs && o.seed === options.seed && o.format === options.format && o.singleLanguageShare === 0.05) {
      console.log(`corpus: reusing ${path.relative(ROOT, dir)}/`);
      return { dir, manifest };
    }
  } catch {
    // No manifest or a partial one: generate afresh.
  }
  const started = performance.now();
  const manifest = await generateCorpus({ ...options, outDir: dir });
  console.log(`corpus: generated ${path.relative(ROOT, dir)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dir, manifest };
}

/** Version of an installed package, read from the `package.json` beside its entry. */
async function versionNear(entry: string, up: number): Promise<string> {
  const file = path.resolve(path.dirname(entry), ...Array<string>(up).fill(".."), "package.json");
  return (JSON.parse(await readFile(file, "utf8")) as { version: string }).version;
}

/** An integer with thousands separators. */
const count = (n: number) => n.toLocaleString("en-US");

/** The report's context: corpus, machine, software, and every command as run. */
async function describeRun(setup: RunSetup): Promise<[string, string][]> {
  const commands = describeCommands(setup);
  const t = manifest.totals;
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const baselineInput = `${count(baselineArticles)} \`<lang>/<slug>.md\` (front matter title, date, layout, lang, tags), \`_includes/post.njk\`, a newest-50 index per language; prepared untimed`;
  return [
    ["Corpus", `${count(manifest.stories.length)} stories (zh ${count(t.zhStories)}, en ${count(t.enStories)}), ${count(t.files)} files, ${(t.bytes / MIB).toFixed(1)} MiB in \`${path.relative(ROOT, setup.corpusDir)}/\``],
    ["Machine", `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 / MIB).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`],
    ["Software", `Node ${process.version}, Eleventy ${await versionNear(ELEVENTY_CLI, 0)}, Pagefind ${await versionNear(PAGEFIND_CLI, 1)} (extended)`],
    ["Command", `\`${command}\` (${new Date().toISOString().slice(0, 10)})`],
    ["Duet", `\`SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH} ${commands.duet}\``],
    ...(skipBaseline ? [] : ([["Baseline", `\`${commands.baseline}\`; input: ${baselineInput}`]] as [string, string][])),
    ["Measured", MEASURED],
  ];
}

const { dir: corpusDir, manifest } = await ensureCorpus({ pairs, seed, format, singleLanguageShare: 0.05 });
const tempRoot = await mkdtemp(path.join(os.tmpdir(), "duet-bench-"));
process.once("SIGINT", () => {
  rmSync(tempRoot, { recursive: true, force: true });
  process.exit(130);
});

const records: RunRecord[] = [];
let baselineArticles = 0;
try {
  const setup: RunSetup = {
    root: ROOT,
    corpusDir,
    baselineRoot: path.join(tempRoot, "site"),
    baselineInput: path.join(tempRoot, "site", "input"),
    env: { ...process.env, SOURCE_DATE_EPOCH },
    // Node's default heap limit (about 4 GiB) is too small for the plan of 100,000 stories; 7 GiB keeps within the 8 GiB target.
    nodeFlags: pairs > 20_000 ? ["--max-old-space-size=7168"] : [],
    buildArgs: shardSize ? ["--search-shard-size", shardSize] : [],
  };
  prepareLaunch(setup);
  if (!skipBaseline) {
    const started = performance.now();
    baselineArticles = (await prepareBaselineSite(corpusDir, manifest, setup.baselineRoot)).articles;
    const prepareSeconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`baseline: wrote ${baselineArticles} Markdown articles to the Eleventy input in ${prepareSeconds} s (not timed)`);
  }
  for (let run = 1; run <= runs; run++) {
    // Alternate D, B, D, B … so slow phases of the machine fall on both builds alike.
    for (const measure of skipBaseline ? [runDuet] : [runDuet, runBaseline]) {
      const runDir = await mkdtemp(path.join(tempRoot, "run-"));
      const record = await measure(setup, run, runDir);
      await rm(runDir, { recursive: true, force: true });
      records.push(record);
      console.log(formatRun(record));
    }
  }

  // Rebuilds with the build cache, on a copy of the corpus that is edited between builds.
  const rebuilds: RebuildRecord[] = [];
  if (!values["skip-rebuilds"]) {
    const articles = path.join(tempRoot, "edited-corpus");
    await cp(corpusDir, articles, { recursive: true });
    const outDir = path.join(tempRoot, "cached-out");
    const cacheDir = path.join(tempRoot, "cache");
    // Each rebuild after the first runs `rebuildRuns` times, each after its own change (another paragraph, another
    // headline, other new stories), so that a noisy machine shows as spread rather than as one odd figure.
    const rebuild = async (what: string, change: (run: number) => Promise<unknown> = async () => undefined, times = rebuildRuns) => {
      const record: RebuildRecord = { what, wallMs: 0, runsMs: [], peakRss: 0, failed: false };
      for (let run = 1; run <= times; run++) {
        await change(run);
        const m = await runDuetCached(setup, articles, outDir, cacheDir, tempRoot);
        record.runsMs.push(m.wallMs);
        record.peakRss = Math.max(record.peakRss, m.peakRss);
        record.failed ||= m.exitCode !== 0;
        console.log(`rebuild: ${what} (${run}/${times}): ${(m.wallMs / 1000).toFixed(2)} s, ${(m.peakRss / MIB).toFixed(0)} MiB${m.exitCode !== 0 ? ` FAILED: ${m.outputTail.slice(-300)}` : ""}`);
      }
      rebuilds.push({ ...record, wallMs: median(record.runsMs) });
    };
    await rebuild("first build, empty cache", undefined, 1);
    await rebuild("no change");
    const edited = path.relative(articles, await firstEnglishArticle(articles));
    await rebuild(`a paragraph added to ${edited}`, () => editOneStory(articles, "body"));
    await rebuild(`the headline of ${edited} changed`, () => editOneStory(articles, "title"));
    // A newsroom's daily work: publishing into the archive.
    await rebuild("one new story (a zh + en pair) added", (run) => addNewStories(articles, 1, `one-${run}`));
    await rebuild("ten new stories added", (run) => addNewStories(articles, 10, `ten-${run}`));
    // The same from CI: a fresh checkout, and the output and cache restored as copies.
    await rebuild("one new story, in CI (fresh checkout; output and cache restored as copies)", async (run) => {
      await restoreAsOnAFreshMachine(articles, outDir, cacheDir);
      await addNewStories(articles, 1, `ci-${run}`);
    });
  }

  // The dev server's updates (npm start), on another copy of the corpus, in a process of their own.
  const devSteps: DevStep[] = [];
  if (!values["skip-dev"]) {
    const articles = path.join(tempRoot, "dev-corpus");
    await cp(corpusDir, articles, { recursive: true });
    const args = ["--import", "tsx", "bench/dev-updates.ts", "--articles", articles, "--out", path.join(tempRoot, "dev-out"), "--cache", path.join(tempRoot, "dev-cache")];
    for (const extra of [["--build-only"], []]) {
      const { stdout } = await execAsync(process.execPath, [...args, ...extra], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH }, maxBuffer: 1 << 24 });
      for (const line of stdout.split("\n").filter((l) => l.startsWith("{"))) {
        const step = JSON.parse(line) as DevStep;
        devSteps.push(step);
        const shown = step.page === undefined ? "" : `, page ${(step.page / 1000).toFixed(2)} s${step.search === undefined ? "" : `, search ${(step.search / 1000).toFixed(2)} s`}`;
        console.log(`dev: ${step.what}: ${(step.millis / 1000).toFixed(2)} s${shown}, ${step.written} written (${step.deferred} deferred), ${step.indexed} of ${step.shards} shards indexed`);
      }
    }
  }

  const fullRuns = records.filter((r) => r.build === "duet" && !r.failure).map((r) => r.wallMs);
  const report = [
    renderReport({ title: `Build benchmark: ${count(pairs)} pairs (${format}, seed ${seed})`, facts: await describeRun(setup) }, records),
    ...(rebuilds.length > 0 ? rebuildTable(rebuilds, fullRuns, records.filter((r) => r.build === "baseline" && !r.failure).map((r) => r.wallMs)) : []),
    ...(devSteps.length > 0 ? devTable(devSteps) : []),
  ].join("\n");
  console.log(`\n${report}`);
  await mkdir(path.dirname(reportFile), { recursive: true });
  await writeFile(reportFile, report);
  console.log(`report: ${path.relative(process.cwd(), reportFile)}`);
  if (records.some((r) => r.failure)) process.exitCode = 1;
} finally {
  await rm(tempRoot, { recursive: true, force: true });
}
