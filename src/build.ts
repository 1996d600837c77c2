// The whole build, top to bottom: site.yaml → prepare output → open cache → ingest → parse → validate → pair → plan
// → render and index (see site-stages.ts) → offline → publish → save cache. Each stage is a function from data to data.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import type { BuildOptions, BuildResult } from "./build-options.ts";
import { cachedBodies, deferredBodies, openCache, parsedSources, saveCacheOrWarn, sourceReuse, type BuildCache } from "./cache/index.ts";
import { BuildError, countSeverity, sortDiagnostics, warning } from "./diagnostics.ts";
import { lookAtLastOutput } from "./cache/output.ts";
import { toDisplay } from "./ingest/index.ts";
import { buildServiceWorker, DEFAULT_PRECACHE_BUDGET, type OfflineOptions } from "./offline/index.ts";
import { loadPages } from "./pages/index.ts";
import { discardStaging, leafFolders, markOutput, prepareOutput, publishStaging, stageOutput, trashDirOf, walkOutput, type RetireOptions } from "./publish/index.ts";
import { DEFAULT_BASE_URL, parseBaseUrl, planSite, plannedFiles, type ArticlePage, type AssetMap, type PlanOptions, type SitePlan } from "./render/index.ts";
import { buildReport, measureWeights } from "./report.ts";
import type { IndexSummary } from "./search/index.ts";
import { readStories } from "./read-stories.ts";
import { renderAndIndex } from "./site-stages.ts";
import { loadSiteConfig, SITE_FILE, type LoadedSite, type SiteConfig } from "./site/index.ts";
import { runStage, stageTimer } from "./stages.ts";
import { disposeImages, photoSource, type ProcessedImages } from "./images/index.ts";
import type { Diagnostic, Story } from "./types.ts";
import { nowFromEnv, type Release } from "./validate/index.ts";

export type { BuildOptions, BuildResult, BuiltSite, ProgressStep } from "./build-options.ts";

/** The checkout holding `templates/` and `.eleventy.ts`: where a build finds them unless told otherwise. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

/** Builds the site. Throws `BuildError` (with every diagnostic) when the build must fail; `out` is then untouched. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const step = stageTimer(options.onProgress, started);
  const cwd = options.cwd ?? process.cwd();
  const [out, articles, root] = [path.resolve(cwd, options.out), path.resolve(cwd, options.articles), options.root ?? PROJECT_ROOT];
  const cacheDir = options.cacheDir ? path.resolve(cwd, options.cacheDir) : undefined;
  const site = await loadSite(options, cwd);
  const now = (options.now ?? nowFromEnv(process.env)).setZone(site.config.timeZone);

  const housekeeping = await prepareOutput(out, { articles, root, cacheDir, cwd }, toDisplay(out, cwd), options.removeOldOutputInBackground);
  const cache = cacheDir ? await openCache(cacheDir, root, out, cwd) : undefined;
  housekeeping.push(...(cache?.diagnostics ?? []));
  // The last output's files are looked at in a worker thread while the sources are read and planned.
  if (cache) cache.look = lookAtLastOutput(cache);
  try {
    return await buildWith(options, { started, step, cwd, out, articles, root, cacheDir, site, now, housekeeping, cache });
  } finally {
    // Closed, and let go: a cache kept for `npm start` then checks its files on this thread.
    await cache?.look?.close();
    if (cache) cache.look = undefined;
  }
}

/** What `build` has set up before the sources are read. */
interface BuildSetup {
  started: number;
  step: ReturnType<typeof stageTimer>;
  cwd: string;
  out: string;
  articles: string;
  root: string;
  cacheDir?: string;
  site: LoadedSite;
  now: DateTime;
  housekeeping: Diagnostic[];
  cache?: BuildCache;
}

/** The build from the sources on: read, plan, render and index, publish, save the cache. */
async function buildWith(options: BuildOptions, { started, step, cwd, out, articles, root, cacheDir, site, now, housekeeping, cache }: BuildSetup): Promise<BuildResult> {
  // The sources' texts and drafts stay inside `readStories`, so they are let go once the stories are paired.
  const sections = site.config.sections.map((s) => s.slug);
  const reading = { articles, cwd, cacheDir, reuse: cache && sourceReuse(cache), parsed: cache && parsedSources(cache), zone: site.config.timeZone, sections, memo: options.memo?.validation };
  const input = await readStories(reading, { now, future: options.future, drafts: options.drafts }, step);
  const newsroom = await loadPages(path.join(site.dir, "pages"), cwd);
  const { photos, release } = input;
  // `let`: once its pages are written, the plan gives way to a lighter one (see `withoutContent` in site-stages.ts).
  let plan = planSite(input.stories, { ...planOptions(options, now, cache, site.config), pages: newsroom.pages, photos: photoSource(photos.table) });
  const pages = plan.articles.length + plan.lists.length + plan.indexes.length + plan.searches.length + plan.offline.length + plan.pages.length + 2;
  step("plan", pages, "pages");
  const diagnostics = sortDiagnostics([...housekeeping, ...site.diagnostics, ...input.diagnostics, ...newsroom.diagnostics, ...plan.diagnostics]);

  const published = new Set(plan.articles.map((a) => a.key));
  // The result's and the report's stories without their bodies, and the stories themselves let go once the
  // pages are written: bodies are most of what a build holds (hundreds of megabytes at 100,000 stories).
  const stories = input.stories.filter((s) => published.has(s.key)).map(withoutBodies);
  // From here on the photos' renditions (a temp folder without a cache) are removed however the build ends.
  const { dir: staging, startFolders } = await disposedOnFailure(photos, async () => (refuseOnProblems(diagnostics, { housekeeping, fatal: site.diagnostics }, options), stageOutput(out, options.out, diagnostics, cacheDir && trashDirOf(cacheDir))));
  // Where every page goes: with a cache, the output is counted without opening the folders of the pages it stamps.
  const planned = cache ? plannedFiles(plan) : [];
  let made: Omit<BuildResult, "stories" | "diagnostics" | "pages" | "millis" | "heldBack" | "drafts">;
  try {
    const kept = options.keepPlan ? plan : undefined;
    // Once the render is done, the whole plan and the stories are let go: the lighter plan what follows needs takes the plan's place.
    const { rendered, indexed } = await renderAndIndex(() => plan, { staging, root, cache, photos, options, step, pages }, (light) => ([input.stories, plan] = [[], light]));
    // The sizes of the files this build stamped: the offline stage and the count of the output need not look at them.
    const known = cache && stampedSizes(cache);
    const offline = await runStage("offline", () => buildServiceWorker(staging, { ...offlineOptions(options, plan), sizes: known }));
    step("offline", offline.precacheFiles, "files precached");
    const report = options.report ? { file: path.resolve(cwd, options.report), stories, diagnostics, release } : undefined;
    const retire = { trashDir: cacheDir && trashDirOf(cacheDir), removeInBackground: options.removeOldOutputInBackground };
    const stamped = cache && { known, leaves: leafFolders(cache.next.pages.keys(), planned, startFolders) };
    const { weights, output } = await runStage("publish", () => publish(staging, out, { assets: rendered.assets, articles: plan.articles, report, ...stamped }, retire));
    step("publish", output.files, "files");
    made = { weights, offline, output, ...(cache && { cache: cacheSummary(cache, rendered, indexed) }), ...(kept && { kept: { plan: kept, assets: rendered.assets, table: indexed.table, cache } }) };
  } catch (cause) {
    await discardStaging(staging);
    throw new BuildError(`build failed: ${cause instanceof Error ? cause.message : String(cause)}; ${options.out} was left as it was`, diagnostics, { cause });
  } finally {
    await disposeImages(photos);
  }
  if (cache) diagnostics.push(...(await saveCacheOrWarn(cache, cwd)));
  return { stories, diagnostics, pages, millis: performance.now() - started, heldBack: release.heldBack, drafts: release.drafts, ...made };
}

/** A story with its versions' bodies left out (empty). */
function withoutBodies(story: Story): Story {
  const versions = Object.fromEntries(Object.entries(story.versions).map(([lang, article]) => [lang, { ...article, body: { format: "paragraphs", paragraphs: [] } }]));
  return { ...story, versions };
}

/**
 * The site's configuration (site.yaml) and its problems; a build to deploy without any site URL gets one
 * `site/no-url` warning, since its feeds, sitemaps and canonical links would point at localhost.
 */
async function loadSite(options: BuildOptions, cwd: string): Promise<LoadedSite> {
  const site = await loadSiteConfig(options.siteConfig ?? SITE_FILE, cwd, { required: options.siteConfig !== undefined });
  if (options.production && !site.config.url && !/^https?:\/\//i.test(options.baseUrl ?? "")) {
    const message = `no site URL: feeds, sitemaps and canonical links will point at ${DEFAULT_BASE_URL}; set "url:" in site.yaml or pass --base-url`;
    site.diagnostics.push(warning(site.file, 1, "site/no-url", message));
  }
  return site;
}

/**
 * How the site is planned: its address and identity, search layout, and bodies rendered through the cache
 * when there is one, their HTML made only for the pages rendered (unless the plan is kept whole, for `npm start`).
 */
function planOptions(options: BuildOptions, now: DateTime, cache: BuildCache | undefined, config: SiteConfig): PlanOptions {
  return {
    site: parseBaseUrl(options.baseUrl, config.url),
    config,
    buildTime: now,
    offlineStories: options.offlineStories,
    search: { pack: options.packSearch, shardSize: options.searchShardSize },
    memo: options.memo?.plan,
    related: cache?.related,
    ...(cache && { renderBody: cachedBodies(cache) }),
    ...(cache && !options.keepPlan && { deferred: deferredBodies(cache) }),
  };
}

/**
 * Throws `BuildError` when errors (without `skipInvalid`, or any in `fatal`: site.yaml's, which no story
 * can be left out for) or warnings (under `strict`) must stop the build before anything is written.
 */
function refuseOnProblems(diagnostics: readonly Diagnostic[], { housekeeping, fatal }: { housekeeping: readonly Diagnostic[]; fatal: readonly Diagnostic[] }, options: BuildOptions): void {
  const errors = countSeverity(diagnostics, "error");
  if (countSeverity(fatal, "error") > 0) throw new BuildError(`build failed with ${errors} error(s), site.yaml's among them; ${options.out} was left as it was`, [...diagnostics]);
  // Warnings about the cache or a repaired output concern the machine, not the stories: `--strict` leaves them be.
  const warnings = diagnostics.filter((d) => d.severity === "warning" && !housekeeping.includes(d)).length;
  if ((errors > 0 && !options.skipInvalid) || (options.strict && warnings > 0)) {
    const why = errors > 0 ? `${errors} error(s)` : `${warnings} warning(s) under --strict`;
    throw new BuildError(`build failed with ${why}; ${options.out} was left as it was`, [...diagnostics]);
  }
}

/** `run`'s result; when it throws, the photos' renditions are disposed of first (a temp folder, without a cache). */
async function disposedOnFailure<T>(photos: ProcessedImages, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    await disposeImages(photos);
    throw cause;
  }
}

/** What the build cache saved this time. */
function cacheSummary(cache: BuildCache, rendered: { reused: number; rendered: number }, indexed: IndexSummary): NonNullable<BuildResult["cache"]> {
  return { parsed: cache.parsed.misses, readAgain: cache.readAgain.sources, pagesReused: rendered.reused, pagesRendered: rendered.rendered, searchShards: indexed.shards, searchShardsReused: indexed.reusedShards };
}

/** The service worker's options: the newest articles precached within the budget, and the search bundle's shards. */
function offlineOptions(options: BuildOptions, plan: SitePlan): OfflineOptions {
  const searchShards = plan.searches[0]?.shards.map((shard) => shard.dir);
  return { articles: plan.precacheArticles, budgetBytes: options.precacheBudget ?? DEFAULT_PRECACHE_BUDGET, kill: options.killServiceWorker, searchPrecacheMax: options.searchPrecacheMax, searchShards };
}

/** Writes the report (when asked for), weighs the pages, marks the staging folder complete and swaps it in for `out`. */
async function publish(staging: string, out: string, site: { assets: AssetMap; articles: readonly ArticlePage[]; report?: ReportFile; known?: ReadonlyMap<string, number>; leaves?: ReadonlySet<string> }, retire: RetireOptions) {
  const { report, articles } = site;
  if (report) await writeFile(report.file, `${JSON.stringify(buildReport(report.stories, articles, report.diagnostics, report.release), null, 2)}\n`);
  const weights = await measureWeights(staging, site.assets, articles.map((a) => `${a.url.slice(1)}index.html`));
  // The marker is the last file of a complete output: recovery trusts a staging folder holding it.
  await markOutput(staging);
  // Counted without opening the folders the cache's stamps describe; the empty folders a skeleton left are removed.
  const output = walkOutput(staging, { prune: true, known: site.known, leaves: site.leaves });
  await publishStaging(staging, out, retire);
  return { weights, output };
}

/** The sizes of the files this build stamped for its cache (pages and search files), by their path in the output (`/`-separated). */
function stampedSizes(cache: BuildCache): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [file, stamp] of cache.next.pages) sizes.set(file, stamp.size);
  for (const shard of cache.next.search ?? []) for (const [file, stamp] of Object.entries(shard.files)) sizes.set(path.posix.join("pagefind", file.split(path.sep).join("/")), stamp.size);
  return sizes;
}

/** Where the JSON report goes, and what it tells. */
type ReportFile = { file: string; stories: readonly Story[]; diagnostics: readonly Diagnostic[]; release: Pick<Release, "heldBack" | "drafts"> };
