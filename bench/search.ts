// CLI: `npm run bench:search` — Duet's search against stock Pagefind on a generated corpus, in headless Chromium.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser, serveStatic } from "../tests/browser/harness.ts";
import { deriveQueries } from "./corpus.ts";
import type { QueryClass } from "./queries.ts";
import { costBaseline, costDuet, costQueries, type CostRun } from "./search/cost.ts";
import { askBaseline, askDuet, type Answer } from "./search/relevance.ts";
import { formatReport } from "./search/report.ts";
import { buildSites, measureBundle, prepareCorpus } from "./search/sites.ts";

const USAGE = `Usage: tsx bench/search.ts [options]
  --pairs N          stories in the generated corpus (default 1000)
  --seed S           seed of the corpus and the queries (default 1)
  --per-class K      queries per class (default 50)
  --cost-runs R      cold/warm runs per language and site (default 10)
  --workers W        pages searching at once for the relevance runs (default 4)
  --fresh-pages      Duet relevance: a fresh page per query at ?q= (slow) instead of submitting from one page
  --skip-baseline    measure Duet only
  --search-shard-size N  most stories per search index of Duet's build (default: Duet's)
  --keep             keep the built sites (their directory is printed)
  --out FILE         markdown report (default bench/results/search-<pairs>.md)`;

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    "per-class": { type: "string", default: "50" },
    "cost-runs": { type: "string", default: "10" },
    workers: { type: "string", default: "4" },
    "skip-baseline": { type: "boolean", default: false },
    "search-shard-size": { type: "string" },
    "fresh-pages": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
const pairs = Number(values.pairs);
const seed = Number(values.seed);
const perClass = Number(values["per-class"]);
const costRuns = Number(values["cost-runs"]);
const workers = Number(values.workers);
const shardSize = values["search-shard-size"] === undefined ? undefined : Number(values["search-shard-size"]);
if (values.help || ![pairs, perClass, costRuns, workers, shardSize ?? 1].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(seed)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const BENCH = import.meta.dirname;
const outFile = path.resolve(values.out ?? path.join(BENCH, "results", `search-${pairs}.md`));
const answersFile = outFile.replace(/(\.md)?$/, ".answers.json");
const started = performance.now();
const lap = (what: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);

const corpus = await prepareCorpus(path.join(BENCH, "corpus", `search-${pairs}-${seed}`), pairs, seed);
const querySet = deriveQueries(corpus.manifest, { seed, perClass });
await writeFile(path.join(corpus.dir, "queries.json"), `${JSON.stringify(querySet, null, 1)}\n`);
const classes = Object.keys(querySet) as QueryClass[];
lap(`corpus ${corpus.reused ? "reused" : "generated"}: ${path.relative(process.cwd(), corpus.dir)}; ${classes.map((c) => `${c} ${querySet[c].length}`).join(", ")}`);

const work = await mkdtemp(path.join(os.tmpdir(), "duet-bench-search-"));
const browser = await launchBrowser();
try {
  const sites = await buildSites(corpus.dir, work, !values["skip-baseline"], shardSize);
  lap(`Duet built ${sites.duetPages} pages in ${(sites.duetMillis / 1000).toFixed(1)} s${sites.baselineDir ? `; stock Pagefind indexed ${sites.baselinePages} pages in ${(sites.baselineMillis / 1000).toFixed(1)} s` : ""}`);
  const shards = await shardsOf(sites.duetDir);
  lap(`Duet's search shards: ${shards}`);
  const idBySlug = new Map(corpus.manifest.stories.map((s) => [s.slug, s.id]));
  const duetServer = await serveStatic(sites.duetDir);
  const baseServer = sites.baselineDir ? await serveStatic(sites.baselineDir) : undefined;
  try {
    const duetAnswers = await askDuet(browser, duetServer.url, querySet, idBySlug, workers, values["fresh-pages"]);
    lap(`Duet answered ${duetAnswers.length} queries`);
    const baseAnswers = baseServer ? await askBaseline(browser, baseServer.url, querySet, idBySlug, workers) : undefined;
    if (baseAnswers) lap(`baseline answered ${baseAnswers.length} queries`);

    // Cost runs one at a time, so they do not compete for the CPU.
    const duetCosts: CostRun[] = [];
    const baseCosts: CostRun[] = [];
    for (const lang of ["zh", "en"] as const) {
      for (const queries of costQueries(querySet, lang, costRuns)) {
        duetCosts.push(await costDuet(browser, duetServer.url, sites.duetDir, lang, queries));
        if (baseServer && sites.baselineDir) baseCosts.push(await costBaseline(browser, baseServer.url, sites.baselineDir, lang, queries));
      }
    }
    lap(`measured ${duetCosts.length + baseCosts.length} cold/warm runs`);

    const cpus = os.cpus();
    const report = formatReport({
      command: ["npm run bench:search", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" "),
      machine: `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()}; Node ${process.version}; Chromium ${browser.version()}`,
      manifest: corpus.manifest,
      corpusNote: `seed ${seed}, format mix, ${corpus.reused ? "reused" : "generated"} in ${path.relative(process.cwd(), corpus.dir)}`,
      buildNote: `builds: Duet ${sites.duetPages} pages in ${(sites.duetMillis / 1000).toFixed(1)} s, search shards ${shards}${sites.baselineDir ? `; stock Pagefind ${sites.baselinePages} article pages in ${(sites.baselineMillis / 1000).toFixed(1)} s` : ""}; total run ${((performance.now() - started) / 1000).toFixed(0)} s`,
      classes,
      duet: { answers: duetAnswers, costs: duetCosts, bundle: await measureBundle([path.join(sites.duetDir, "pagefind"), path.join(sites.duetDir, sites.searchScript)]) },
      ...(baseAnswers && sites.baselineDir ? { baseline: { answers: baseAnswers, costs: baseCosts, bundle: await measureBundle([path.join(sites.baselineDir, "pagefind")]) } } : {}),
      worstPerClass: 5,
    });
    await mkdir(path.dirname(outFile), { recursive: true });
    await writeFile(outFile, `${report}\n`);
    // Every answer, for looking into single queries without running the benchmark again.
    const compact = (answers: Answer[] | undefined) => answers?.map((a) => ({ class: a.queryClass, query: a.query.query, expected: a.query.expected, expectedField: a.query.expectedField, got: a.got, note: a.note }));
    await writeFile(answersFile, `${JSON.stringify({ duet: compact(duetAnswers), baseline: compact(baseAnswers) }, null, 1)}\n`);
    console.log(`\n${report}`);
    lap(`report written to ${path.relative(process.cwd(), outFile)}, answers to ${path.relative(process.cwd(), answersFile)}`);
  } finally {
    await duetServer.close();
    await baseServer?.close();
  }
} finally {
  await browser.close();
  if (values.keep) console.log(`sites kept in ${work}`);
  else await rm(work, { recursive: true, force: true });
}

/** The search layout the built site's search page was given, as `N (folder stories, …)`: what a reader's query searches. */
async function shardsOf(site: string): Promise<string> {
  const page = await readFile(path.join(site, "zh/search/index.html"), "utf8");
  const json = page.match(/data-shards="([^"]*)"/)?.[1]?.replaceAll("&quot;", '"');
  const layout = json ? (JSON.parse(json) as { dir: string; stories: number }[]) : [];
  return `${layout.length} (${layout.map((s) => `${s.dir || "/"} ${s.stories}`).join(", ")})`;
}
