// The whole build, top to bottom: ingest → parse → validate → pair → plan → render → index → publish.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { BuildError, countSeverity, error, sortDiagnostics, warning } from "./diagnostics.ts";
import { ingestArticles, toDisplay } from "./ingest/index.ts";
import { buildServiceWorker, DEFAULT_PRECACHE_BUDGET, type OfflineSummary } from "./offline/index.ts";
import { parseSources } from "./parse/index.ts";
import { openCache, saveCache, sourceReuse, type BuildCache } from "./cache/index.ts";
import { hashOf } from "./shared/hash.ts";
import { pairArticles } from "./pair/index.ts";
import { checkOutputDir, createStaging, discardStaging, emptyTrash, markOutput, publishStaging, recoverOutput } from "./publish/index.ts";
import { collectGarbage, planArticlePages, planSite, RENDER_CHUNK, renderBody, renderSite, type ArticlePage, type PlanOptions } from "./render/index.ts";
import { buildReport, measureOutput, measureWeights, type PageWeights } from "./report.ts";
import { parseBaseUrl } from "./render/site-url.ts";
import { indexSite } from "./search/index.ts";
import type { DateTime } from "luxon";
import type { Article, Diagnostic, DraftBody, Story } from "./types.ts";
import type { ProtectedDirs } from "./publish/index.ts";
import type { ArticleMemo, AssetMap, SitePlan } from "./render/index.ts";
import type { ConversionTable } from "./search/index.ts";
import { DraftMemo, NEWS_ZONE, nowFromEnv, validateDrafts } from "./validate/index.ts";

/** What a build is asked to do. */
export interface BuildOptions {
  /** Directory of article sources. */
  articles: string;
  /** Directory the site is published to (replaced only when the build succeeds). */
  out: string;
  /** Absolute base URL or path the site is served under; defaults to `/`. */
  baseUrl?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  /** Leave out stories with errors instead of failing. */
  skipInvalid?: boolean;
  /** Write a JSON report of stories and diagnostics here. */
  report?: string;
  /** Project root holding `templates/` and `.eleventy.ts`; defaults to this checkout. */
  root?: string;
  /** Directory diagnostics paths are relative to; defaults to the working directory. */
  cwd?: string;
  /** Newest stories per language precached for offline reading (default 20). */
  offlineStories?: number;
  /** Largest service-worker precache allowed, in bytes (default 5 MiB). */
  precacheBudget?: number;
  /** Precache the whole search bundle when it is at most this many bytes (default 2 MiB). */
  searchPrecacheMax?: number;
  /** Publish the service-worker kill switch instead of the offline worker. */
  killServiceWorker?: boolean;
  /**
   * Directory of the build cache (see cache/): unchanged sources, bodies, pages and search index are
   * reused from the last build. Undefined: no cache, everything is made anew.
   */
  cacheDir?: string;
  /** Article, list and index pages per Eleventy run (default 4,000). */
  renderChunk?: number;
  /**
   * Pack the search results' display data into a few hundred files instead of one per story (static
   * hosts limit files per deploy). A result page then fetches a few larger files instead of ten small ones.
   */
  packSearch?: boolean;
  /** Stories per Pagefind index (default 10,000): a larger site is indexed in shards, one after another, bounding Pagefind's memory. */
  searchShardSize?: number;
  /** Remove the replaced output in a detached process instead of waiting for it (the command line does). */
  removeOldOutputInBackground?: boolean;
  /** Called as each stage finishes, for a progress display. */
  onProgress?: (step: ProgressStep) => void;
  /** The build's notion of now (default: `SOURCE_DATE_EPOCH` when set, else the clock), for future dates, feeds and the news sitemap. */
  now?: DateTime;
  /** A long-running process's memory of earlier builds (see `BuildSession`); `npm start` passes one. */
  session?: BuildSession;
}

/**
 * What a long-running process (`npm start`) keeps between builds: validation results and planned article
 * pages by the objects they were made from, and, after a successful build, what it produced. The dev
 * server (see dev/) updates the published site in place from these.
 */
export interface BuildSession {
  drafts: DraftMemo;
  articles: ArticleMemo;
  /** The last successful build: its cache (still open), full page plan, asset URLs and conversion table. */
  last?: { cache: BuildCache; plan: SitePlan; assets: AssetMap; table: ConversionTable };
}

/** A new, empty session. */
export function createSession(): BuildSession {
  return { drafts: new DraftMemo(), articles: new WeakMap() };
}

/** One finished stage of a build. */
export interface ProgressStep {
  /** Stage name: ingest, parse, validate, pair, plan, render, index, offline, publish. */
  stage: string;
  /** What the stage counted (files, drafts, stories, pages …). */
  count: number;
  /** What `count` counts. */
  unit: string;
  /** Milliseconds the stage took. */
  millis: number;
}

/** What a finished build produced. */
export interface BuildResult {
  /** Published stories, newest first. */
  stories: Story[];
  /** Every diagnostic of the run. */
  diagnostics: Diagnostic[];
  /** HTML pages written. */
  pages: number;
  /** Wall time in milliseconds. */
  millis: number;
  /** What a reader downloads per page, measured on the output. */
  weights: PageWeights;
  /** The service worker's precache and the search bundle cached after a first search. */
  offline: OfflineSummary;
  /** Files and bytes of the published output (static hosts limit both), and the search bundle's files. */
  output: { files: number; bytes: number; searchFiles: number };
  /** What the build cache saved, when one was used. */
  cache?: { parsed: number; pagesReused: number; pagesRendered: number; searchShards: number; searchShardsReused: number };
}

/** The checkout holding `templates/` and `.eleventy.ts`: where a build finds them unless told otherwise. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

/** A stage reporter: each call tells `onProgress` a stage finished, with the time since the last call (or since `started`). */
export function stageTimer(onProgress: ((step: ProgressStep) => void) | undefined, started: number): (stage: string, count: number, unit: string) => void {
  let lap = started;
  return (stage, count, unit) => {
    const now = performance.now();
    onProgress?.({ stage, count, unit, millis: now - lap });
    lap = now;
  };
}

/** Builds the site. Throws `BuildError` (with every diagnostic) when the build must fail; `out` is then untouched. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const step = stageTimer(options.onProgress, started);
  const cwd = options.cwd ?? process.cwd();
  const buildTime = (options.now ?? nowFromEnv(process.env)).setZone(NEWS_ZONE);
  const root = options.root ?? PROJECT_ROOT;
  const out = path.resolve(cwd, options.out);
  const articlesDir = path.resolve(cwd, options.articles);
  const cacheDir = options.cacheDir ? path.resolve(cwd, options.cacheDir) : undefined;
  const housekeeping = await prepareOutput(out, { articles: articlesDir, root, cacheDir, cwd }, toDisplay(out, cwd));
  const cache = cacheDir ? await openCache(cacheDir, root, out, cwd) : undefined;
  if (cache) housekeeping.push(...cache.diagnostics);
  // `let`: the plan is replaced by a lighter one once its pages are written (see below).
  let { plan, stories: paired, diagnostics } = await prepareSite({
    articles: articlesDir,
    cwd,
    baseUrl: options.baseUrl,
    now: buildTime,
    offlineStories: options.offlineStories,
    packSearch: options.packSearch,
    searchShardSize: options.searchShardSize,
    step,
    cache,
    session: options.session,
  });
  diagnostics = sortDiagnostics([...housekeeping, ...diagnostics]);
  // Kept whole only for a session: a one-off build lets the pages' content go once they are written.
  const fullPlan = options.session ? plan : undefined;
  const pages = plan.articles.length + plan.lists.length + plan.indexes.length + plan.searches.length + plan.offline.length + 2;
  step("plan", pages, "pages");

  const errors = countSeverity(diagnostics, "error");
  // Warnings about the cache or a repaired output concern the machine, not the stories: `--strict` leaves them be.
  const warnings = diagnostics.filter((d) => d.severity === "warning" && !housekeeping.includes(d)).length;
  if ((errors > 0 && !options.skipInvalid) || (options.strict && warnings > 0)) {
    const why = errors > 0 ? `${errors} error(s)` : `${warnings} warning(s) under --strict`;
    throw new BuildError(`build failed with ${why}; ${options.out} was left as it was`, diagnostics);
  }

  const publishedKeys = new Set(plan.articles.map((a) => a.key));
  const stories = paired.filter((s) => publishedKeys.has(s.key));
  let weights: PageWeights;
  let offline: OfflineSummary;
  let output: BuildResult["output"];
  let cacheSummary: BuildResult["cache"];
  const staging = await stageOutput(out, options.out, diagnostics);
  try {
    // One after the other, not side by side: Pagefind's process and Eleventy's pages together would
    // raise the peak memory by about 1 GiB at 10,000 stories to save under a tenth of the time.
    const rendered = await renderSite(plan, { outDir: staging, root, serviceWorker: !options.killServiceWorker, cache, chunk: options.renderChunk });
    const assets = rendered.assets;
    // Every page is written: what follows needs the articles' fields, not their HTML or head data, nor the
    // lists. Letting those go before Pagefind's process starts kept Node at 4.2 instead of 4.9 GiB while
    // Pagefind indexed 100,000 stories.
    plan = { ...plan, articles: plan.articles.map(withoutContent), lists: [], indexes: [], feeds: [], sitemaps: [], news: [], offline: [] };
    if (plan.articles.length > (options.renderChunk ?? RENDER_CHUNK)) collectGarbage();
    step("render", pages, cache ? `pages (${rendered.reused} unchanged)` : "pages");
    const indexed = await indexSite(plan.articles, staging, cache, { shards: plan.searches[0]?.shards });
    step("index", indexed.records, indexed.shards === 1 ? (indexed.reusedShards ? "stories (unchanged)" : "stories") : `stories, ${indexed.shards} shards (${indexed.reusedShards} unchanged)`);
    offline = await buildServiceWorker(staging, {
      articles: plan.precacheArticles,
      budgetBytes: options.precacheBudget ?? DEFAULT_PRECACHE_BUDGET,
      kill: options.killServiceWorker,
      searchPrecacheMax: options.searchPrecacheMax,
      searchShards: plan.searches[0]?.shards.map((shard) => shard.dir),
    });
    step("offline", offline.precacheFiles, "files precached");
    if (options.report) {
      const report = buildReport(stories, plan.articles, diagnostics);
      await writeFile(path.resolve(cwd, options.report), `${JSON.stringify(report, null, 2)}\n`);
    }
    weights = await measureWeights(staging, assets, plan.articles.map((a) => `${a.url.slice(1)}index.html`));
    // The marker is the last file of a complete output: recovery trusts a staging folder holding it.
    await markOutput(staging);
    output = await measureOutput(staging);
    await publishStaging(staging, out, { trashDir: cacheDir && path.join(cacheDir, TRASH_DIR), removeInBackground: options.removeOldOutputInBackground });
    step("publish", output.files, "files");
    if (cache) cacheSummary = { parsed: cache.parsed.misses, pagesReused: rendered.reused, pagesRendered: rendered.rendered, searchShards: indexed.shards, searchShardsReused: indexed.reusedShards };
    if (options.session && cache && fullPlan) options.session.last = { cache, plan: fullPlan, assets, table: indexed.table };
  } catch (cause) {
    await discardStaging(staging);
    throw new BuildError(`build failed: ${(cause as Error).message}; ${options.out} was left as it was`, diagnostics, { cause });
  }
  // The site is published: a cache that cannot be saved costs the next build time, never this build.
  if (cache) {
    await saveCache(cache).catch((cause: NodeJS.ErrnoException) => {
      const message = `the build cache could not be saved (${cause.code ?? cause.message}); the site was built, and the next build renders everything again`;
      diagnostics.push(warning(toDisplay(cache.dir, cwd), 1, "cache/unwritable", message));
    });
  }
  return { stories, diagnostics, pages, millis: performance.now() - started, weights, offline, output, ...(cacheSummary ? { cache: cacheSummary } : {}) };
}

/** Folder inside the build cache that outputs replaced by a build are moved into, and emptied by the next build. */
const TRASH_DIR = "trash";

/**
 * Before anything is written: refuses an output folder a build must not replace, repairs what a killed
 * build left beside it, and empties the cache's trash. Returns the warnings to report; throws `BuildError` on a refusal.
 */
async function prepareOutput(out: string, dirs: ProtectedDirs, display: string): Promise<Diagnostic[]> {
  const refused = await checkOutputDir(out, dirs, display);
  if (refused.length > 0) throw new BuildError(`build refused; ${display} was left as it was`, refused);
  const recovered = await recoverOutput(out, display);
  if (countSeverity(recovered, "error") > 0) throw new BuildError(`build refused; ${display} was left as it was`, recovered);
  if (dirs.cacheDir) await emptyTrash(path.join(dirs.cacheDir, TRASH_DIR));
  return recovered;
}

/** A staging folder beside `out`, its parent made if missing; a folder that cannot be made is a diagnostic, not a stack trace. */
async function stageOutput(out: string, given: string, diagnostics: Diagnostic[]): Promise<string> {
  try {
    await mkdir(path.dirname(out), { recursive: true });
    return await createStaging(out);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    const problem = error(given, 1, "output/unwritable", `cannot write beside ${given}: its parent folder cannot be made or written to (${code})`);
    throw new BuildError(`build failed; ${given} was left as it was`, [...diagnostics, problem], { cause });
  }
}

/** An article page without its rendered body and head data, once its page is written. */
function withoutContent(page: ArticlePage): ArticlePage {
  return { ...page, html: "", head: { canonical: page.head.canonical, alternates: [], meta: [] } };
}

/** What the front half of a build produced: everything up to the page plan, nothing written. */
export interface PreparedSite {
  /** Paired stories, newest first (those whose files had errors left out). */
  stories: Story[];
  /** Articles that passed validation, before the all-or-nothing story rule. */
  validated: Article[];
  /** Every page and file of the site as data. */
  plan: SitePlan;
  /** Every diagnostic of every stage, sorted by file and line. */
  diagnostics: Diagnostic[];
}

/**
 * Ingest → parse → validate → pair → plan over `articles`. A story is all or nothing: a file with
 * an error keeps every article of its story out (what `--skip-invalid` publishes).
 */
export async function prepareSite(options: {
  articles: string;
  cwd: string;
  baseUrl?: string;
  now: DateTime;
  offlineStories?: number;
  /** Pack search results (see `BuildOptions.packSearch`). */
  packSearch?: boolean;
  /** Stories per search index (see `BuildOptions.searchShardSize`). */
  searchShardSize?: number;
  step?: (stage: string, count: number, unit: string) => void;
  /** Build cache: parse results and rendered bodies are reused by content hash. */
  cache?: BuildCache;
  /** Validation results and article pages kept from earlier builds in this process. */
  session?: Pick<BuildSession, "drafts" | "articles">;
  /** With a cache: true for a source known unchanged since the last build without looking at it (see `SourceReuse.unseen`). */
  untouched?: (abs: string) => boolean;
  /**
   * Called once the article pages are planned, before the other pages are, with the number of errors
   * found by then (all there will be: the other pages find none); awaited before planning goes on.
   */
  onArticles?: (articles: readonly ArticlePage[], errors: number) => void | Promise<void>;
}): Promise<PreparedSite> {
  const step = options.step ?? (() => undefined);
  const ingested = await ingestArticles(options.articles, options.cwd, options.cache && sourceReuse(options.cache, options.untouched));
  step("ingest", ingested.sources.length, "files");
  const parsed = parseSources(ingested.sources, options.cache?.parsed);
  const drafts = parsed.files.flatMap((f) => f.drafts);
  step("parse", drafts.length, "drafts");
  const validated = validateDrafts(drafts, { now: options.now, memo: options.session?.drafts });
  step("validate", validated.articles.length, "articles");
  const early = [...ingested.diagnostics, ...parsed.files.flatMap((f) => f.diagnostics), ...validated.diagnostics];
  const failedFiles = new Set(early.filter((d) => d.severity === "error").map((d) => d.file));
  const failedKeys = new Set(validated.articles.filter((a) => failedFiles.has(a.file)).map((a) => a.key));
  const paired = pairArticles(validated.articles.filter((a) => !failedKeys.has(a.key)));
  step("pair", paired.stories.length, "stories");
  const bodies = options.cache?.bodies;
  const planOptions: PlanOptions = {
    site: parseBaseUrl(options.baseUrl),
    buildTime: options.now,
    offlineStories: options.offlineStories,
    search: { pack: options.packSearch, shardSize: options.searchShardSize },
    articleMemo: options.session?.articles,
    ...(bodies ? { renderBody: (body: DraftBody) => bodies.get(hashOf(JSON.stringify(body)), () => renderBody(body)) } : {}),
  };
  const articles = planArticlePages(paired.stories, planOptions);
  await options.onArticles?.(articles.articles, countSeverity([...early, ...paired.diagnostics, ...articles.diagnostics], "error"));
  const plan = planSite(paired.stories, planOptions, articles);
  const diagnostics = sortDiagnostics([...early, ...paired.diagnostics, ...plan.diagnostics]);
  return { stories: paired.stories, validated: validated.articles, plan, diagnostics };
}
