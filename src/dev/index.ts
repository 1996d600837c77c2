// Dev: the site `npm start` serves, kept in memory between edits and brought up to date in place.
//
// The first build is an ordinary cached build. After an edit, only the sources the file watcher reported
// are looked at (all of them, by their stamps, when there is no such report), and every stage reuses what
// the session remembers by object: unchanged drafts are not validated again and unchanged articles not
// planned again. Edited articles are written as soon as they are planned, before the lists are; then the
// new plan is compared with the last one, and only the pages, feeds and sitemaps that differ are rendered,
// straight into the served folder (the later pages of long lists once open pages have loaded the edit);
// pages no longer planned are removed. Open pages are told which files changed, and only those reload.
// The search index is cut into small shards (`DEV_SHARD_SIZE` stories), so an edit indexes one shard
// again, not the whole site, in Pagefind's process while Node writes the pages; an open search page then
// takes the new shards in place. The Traditional → Simplified table stays the first build's: cutting it
// anew takes about 0.3 s at 10,000 stories, and it differs only when an edit brings in a character no
// story had (a Traditional query for it then finds the story after the next whole build).
//
// The result is the site a clean build with the same options makes, file for file, that table aside.
// Dates are the clock's to the hour, so remembered validation holds between edits.
import { rm } from "node:fs/promises";
import path from "node:path";
import { build, createSession, prepareSite, PROJECT_ROOT, stageTimer, type BuildSession, type ProgressStep } from "../build.ts";
import { reopenCache, type BuildCache } from "../cache/index.ts";
import { BuildError, countSeverity } from "../diagnostics.ts";
import { writeSearchFileList } from "../offline/index.ts";
import { articleSearchLayout, outputFileOf, renderPages, type ArticlePage } from "../render/index.ts";
import { indexSite, recordFields, shardStories, storiesOf, type StoryPages } from "../search/index.ts";
import type { SearchShard } from "../shared/search-layout.ts";
import type { Diagnostic } from "../types.ts";
import { NEWS_ZONE, nowFromEnv } from "../validate/index.ts";
import { filesOf, NO_PAGES, planChanges, sameData, splitChanges } from "./diff.ts";

export { planChanges, sameData, filesOf, splitChanges } from "./diff.ts";

/**
 * Stories per search shard on the dev site. Indexing a shard costs a Pagefind start and about 2.5 ms a
 * story, so an edit re-indexes in well under a second; readers of the dev site search more shards.
 */
export const DEV_SHARD_SIZE = 250;

/** What the dev site is built from and where it is served from. */
export interface DevOptions {
  articles: string;
  out: string;
  /** The address the dev server serves the site at. */
  baseUrl: string;
  /** Build cache directory: the first build reuses what an earlier session left there, and leaves its own. */
  cacheDir: string;
  /** Project root holding `templates/` and `.eleventy.ts`. */
  root?: string;
  cwd?: string;
  /** Stories per search shard (default `DEV_SHARD_SIZE`). */
  searchShardSize?: number;
  onProgress?: (step: ProgressStep) => void;
  /**
   * Resolves once open pages have loaded what an update told them of (no request for `ms` milliseconds,
   * at most `max`): the dev server's requests would otherwise queue behind the rest of the update.
   */
  quiet?: (ms?: number, max?: number) => Promise<void>;
}

/** What one build or update did. */
export interface DevResult {
  /** `build`: a whole build was published; `update`: what changed was written in place. */
  kind: "build" | "update";
  stories: number;
  diagnostics: Diagnostic[];
  /** Pages, feeds and sitemaps written (every page for a build). */
  written: number;
  /** Files removed because no page makes them any more. */
  removed: number;
  /** Search shards indexed again, of `shards`. */
  indexed: number;
  shards: number;
  /**
   * Pages still being written when the update returned (later pages of long lists, sitemaps); the
   * dev server holds a request for one of them until it is written (see `DevSite.pending`).
   */
  deferred: number;
  millis: number;
}

/**
 * What an update tells open pages, as soon as it can: `pages` once these output files (relative,
 * `/`-separated) are written or removed, and `search` once the search index is up to date (the shards
 * indexed again, and the layout the search pages now name).
 */
export type DevEvent = { kind: "pages"; files: string[] } | { kind: "search"; shards: string[]; layout: SearchShard[] };

/** True when two search layouts name the same shard folders, packed alike. */
function sameLayout(a: readonly SearchShard[], b: readonly SearchShard[]): boolean {
  return a.length === b.length && a.every((shard, i) => shard.dir === b[i]!.dir && shard.packed === b[i]!.packed);
}

/** The dev server's site: a whole build first, then updates in place. */
export class DevSite {
  readonly #options: DevOptions;
  #session: BuildSession = createSession();
  /** The deferred pages of the last update (output files) and their writing; a failure makes the next update a whole build. */
  #deferred = new Set<string>();
  #writing: Promise<void> = Promise.resolve();
  #failed = false;

  constructor(options: DevOptions) {
    this.#options = options;
  }

  /** A whole build, published atomically (the first one, and after templates change). Throws `BuildError`; the output is then as it was. */
  async build(): Promise<DevResult> {
    await this.settled();
    const started = performance.now();
    this.#session = createSession();
    this.#failed = false;
    const o = this.#options;
    const result = await build({
      articles: o.articles,
      out: o.out,
      baseUrl: o.baseUrl,
      root: o.root,
      cwd: o.cwd,
      now: devNow(),
      // A caching service worker would hide edits; the dev site unregisters any.
      killServiceWorker: true,
      searchShardSize: o.searchShardSize ?? DEV_SHARD_SIZE,
      cacheDir: o.cacheDir,
      onProgress: o.onProgress,
      session: this.#session,
    });
    const shards = result.cache?.searchShards ?? 0;
    return { kind: "build", stories: result.stories.length, diagnostics: result.diagnostics, written: result.pages, removed: 0, indexed: shards - (result.cache?.searchShardsReused ?? 0), shards, deferred: 0, millis: performance.now() - started };
  }

  /**
   * Brings the output up to date with the sources, writing only what changed. Throws `BuildError` when
   * a source has an error; nothing is written then. Without an earlier build, makes a whole one.
   * `changed`, when given, holds every path (absolute; files or folders) that may have changed since the
   * last build or update, as a file watcher reports them: the other sources are not even looked at.
   * `notify` is told as soon as open pages can show the edit (see `DevEvent`).
   */
  async update(changed?: ReadonlySet<string>, notify?: (event: DevEvent) => void): Promise<DevResult> {
    await this.settled();
    const last = this.#session.last;
    if (!last || this.#failed) return this.build();
    const started = performance.now();
    const o = this.#options;
    const cwd = o.cwd ?? process.cwd();
    const out = path.resolve(cwd, o.out);
    const step = stageTimer(o.onProgress, started);
    const cache = reopenCache(last.cache);
    const run = { assets: last.assets, serviceWorker: false, site: last.plan.site, root: o.root ?? PROJECT_ROOT, outDir: out };
    const shardSize = o.searchShardSize ?? DEV_SHARD_SIZE;
    // What an editor looks at comes first: as soon as the articles are planned, the edited ones are written
    // and their open pages reload, then the search shards their records are in are indexed again (Pagefind,
    // in a process of its own, gets the cores while Node waits) and open search pages take them; only then
    // are the lists planned and written. Open pages are given time to load each step before Node goes on
    // (planning holds its event loop for a few tenths of a second at 10,000 stories).
    let search: { layout: SearchShard[]; reindexed: string[] } | undefined;
    let early = new Set<string>();
    try {
      const prepared = await prepareSite({
        articles: path.resolve(cwd, o.articles),
        cwd,
        baseUrl: o.baseUrl,
        now: devNow(),
        searchShardSize: shardSize,
        cache,
        session: this.#session,
        step,
        ...(changed && { untouched: (abs: string) => !touches(changed, abs) }),
        onArticles: async (articles, errors) => {
          if (errors > 0) return;
          const layout = articleSearchLayout(articles, { shardSize });
          search = { layout, reindexed: [] };
          const indexing = indexShards(articles, layout, last, out, cache);
          // Awaited below: a failed index must not go unhandled while the articles are written.
          indexing.catch(() => undefined);
          const known = new Map(last.plan.articles.map((a) => [a.url, a]));
          const edited = articles.filter((a) => !sameData(known.get(a.url), a, "head"));
          if (edited.length > 0) {
            // Only the articles; the site's single files come out of the last plan as they are on disk.
            const { diagnostics: _, ...lastSite } = last.plan;
            await renderPages({ ...lastSite, ...NO_PAGES, articles: edited }, run);
            early = new Set(edited.map((a) => a.url));
            notify?.({ kind: "pages", files: edited.map((a) => outputFileOf(a.url)) });
          }
          const [, indexed] = await Promise.all([edited.length > 0 ? o.quiet?.(150, 1000) : undefined, indexing]);
          search.reindexed = indexed.reindexed;
          step("index", indexed.reindexed.length, "shards");
          if (indexed.reindexed.length > 0 || indexed.gone > 0) {
            notify?.({ kind: "search", shards: indexed.reindexed, layout });
            await o.quiet?.(150, 1000);
          }
        },
      });
      const { plan, diagnostics } = prepared;
      step("plan", plan.articles.length, "article pages");
      const errors = countSeverity(diagnostics, "error");
      if (errors > 0) throw new BuildError(`update failed with ${errors} error(s); ${o.out} was left as it was`, diagnostics);
      const layout = plan.searches[0]!.shards;
      if (!search || !sameLayout(search.layout, layout)) throw new Error("the search layout changed while the site was planned");

      const changes = planChanges(last.plan, plan);
      step("compare", changes.count, "changed");
      // Pages a reader opens next are written now; the rest (a new story moves every page of the home
      // list: 1,000 pages at 10,000 stories) once open pages have loaded what the edit changed.
      const { first, later } = splitChanges(changes.pages);
      const now = { ...first, articles: first.articles.filter((a) => !early.has(a.url)) };
      const written = filesOf(now);
      // The site's single files are written with every run; of them only the news sitemap can change in a
      // session (its window of recent stories moves with the clock), so with it and every page unchanged
      // Eleventy is not started at all.
      if (written.size > 0 || !sameData(plan.news, last.plan.news)) await renderPages(now, run);
      for (const file of changes.removed) await rm(path.join(out, file), { force: true });
      step("render", changes.count, "pages");
      for (const file of changes.removed) written.add(file);
      if (written.size > 0) notify?.({ kind: "pages", files: [...written] });
      this.#session.last = { ...last, cache, plan };
      const deferred = filesOf(later);
      if (deferred.size > 0) {
        this.#deferred = deferred;
        const quiet = o.quiet ?? (() => Promise.resolve());
        this.#writing = quiet()
          .then(() => renderPages(later, run))
          .then(
            () => {
              this.#deferred = new Set();
              notify?.({ kind: "pages", files: [...deferred] });
            },
            (cause: unknown) => {
              // What is on disk is no longer known: the next update is a whole build.
              this.#failed = true;
              this.#deferred = new Set();
              console.error(`duet: writing list pages failed: ${(cause as Error).message}`);
            },
          );
      }
      const stories = new Set(plan.articles.map((a) => a.key)).size;
      return { kind: "update", stories, diagnostics, written: changes.count, removed: changes.removed.length, indexed: search.reindexed.length, shards: layout.length, deferred: deferred.size, millis: performance.now() - started };
    } catch (cause) {
      // Once anything was written, the output is newer than the session's plan: the next update is a whole build.
      if (search || early.size > 0) this.#failed = true;
      throw cause;
    }
  }

  /** Resolves once the last update's deferred pages are written. */
  settled(): Promise<void> {
    return this.#writing;
  }

  /** For an output file (relative, `/`-separated) still to be written by the last update: when it will be. */
  pending(file: string): Promise<void> | undefined {
    return this.#deferred.has(file) ? this.#writing : undefined;
  }
}

/**
 * Indexes again, in place, the shards of `layout` whose stories' search records differ from those of the
 * last plan's shard (an edit past the lead changes none), removes the shards the layout no longer has,
 * and lists the search files anew.
 */
async function indexShards(articles: readonly ArticlePage[], layout: SearchShard[], last: NonNullable<BuildSession["last"]>, out: string, cache: BuildCache) {
  const lastLayout = last.plan.searches[0]!.shards;
  const before = shardStories(storiesOf(last.plan.articles), lastLayout);
  const reindexed: string[] = [];
  await indexSite(articles, out, { ...cache, search: undefined }, {
    shards: layout,
    table: last.table,
    keep: (at, stories) => {
      const old = before[at];
      const same = old !== undefined && old.length === stories.length && stories.every((s, i) => sameRecord(s, old[i]!));
      if (!same) reindexed.push(layout[at]!.dir);
      return same;
    },
  });
  const dirs = new Set(layout.map((shard) => shard.dir));
  const gone = lastLayout.filter((shard) => !dirs.has(shard.dir));
  for (const shard of gone) await rm(path.join(out, "pagefind", shard.dir), { recursive: true, force: true });
  if (reindexed.length > 0 || gone.length > 0) await writeSearchFileList(out);
  return { reindexed, gone: gone.length };
}

/** True when two stories make the same search record: the same objects, or the same fields a record is made from. */
function sameRecord(a: StoryPages, b: StoryPages): boolean {
  return (a.zh === b.zh && a.en === b.en) || sameData(recordFields(a), recordFields(b));
}

/** True when `abs` or a folder holding it is in `changed`. */
function touches(changed: ReadonlySet<string>, abs: string): boolean {
  for (let at = abs; ; at = path.dirname(at)) {
    if (changed.has(at)) return true;
    if (path.dirname(at) === at) return false;
  }
}

/** The dev site's notion of now: the build time to the hour, so remembered validation holds between edits. */
function devNow() {
  return nowFromEnv(process.env).setZone(NEWS_ZONE).startOf("hour");
}
