// Dev: the site `npm start` serves, kept in memory between edits and brought up to date in place.
//
// The first build is an ordinary cached build that keeps its page plan. After an edit the stages run
// again, reusing what the session remembers (see session.ts), and only what differs from the last plan is
// written, straight into the served folder, what an editor looks at first (docs/dev-server.md). The result
// is the site a clean build with the same options makes, file for file, but for the Traditional →
// Simplified table, which stays the first build's until the next whole build.
import path from "node:path";
import { build, PROJECT_ROOT } from "../build.ts";
import { reopenCache } from "../cache/index.ts";
import { BuildError, countSeverity, sortDiagnostics } from "../diagnostics.ts";
import { stageTimer } from "../stages.ts";
import { writeImages } from "../images/index.ts";
import { planSite, renderPages, type SiteData } from "../render/index.ts";
import { filesOf } from "./diff.ts";
import { loadSiteSources, type SiteSources } from "./newsroom.ts";
import type { DevEvent, DevOptions, DevResult } from "./options.ts";
import { planStories, type PlanInput } from "./plan.ts";
import { createSession, devNow, type LastSite, type Session } from "./session.ts";
import { showEditsFirst, writeChanges, type ShownEdits, type UpdateTarget } from "./write.ts";

export { planChanges, sameData } from "./diff.ts";
export { devFolders } from "./options.ts";
export type { DevEvent, DevFolders, DevOptions, DevResult } from "./options.ts";

/**
 * Stories per search shard on the dev site: small, so that an edit indexes one small shard again; readers
 * of the dev site search more shards (figures: bench/RESULTS.md).
 */
export const DEV_SHARD_SIZE = 250;

/** The dev server's site: a whole build first, then updates in place. */
export class DevSite {
  readonly #options: DevOptions;
  #session: Session = createSession();
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
    // Read before the build: should either change meanwhile, the watcher asks for another whole build.
    const site = await loadSiteSources(o.cwd ?? process.cwd());
    const now = devNow(site.config.timeZone);
    const result = await build({
      articles: o.articles,
      out: o.out,
      baseUrl: o.baseUrl,
      root: o.root,
      cwd: o.cwd,
      cacheDir: o.cacheDir,
      onProgress: o.onProgress,
      now,
      // A caching service worker would hide edits; the dev site unregisters any.
      killServiceWorker: true,
      searchShardSize: o.searchShardSize ?? DEV_SHARD_SIZE,
      memo: { validation: this.#session.validation.for({ zone: site.config.timeZone, sections: site.config.sections.map((s) => s.slug) }), plan: this.#session.plan },
      // The dev site shows drafts, with a banner, so an editor sees a story before it goes out.
      drafts: true,
      keepPlan: true,
    });
    const kept = result.kept;
    // An update starts from the cache's results in memory: without a cache, the next change makes a whole build.
    if (kept?.cache) this.#session = { ...this.#session, last: { ...kept, cache: kept.cache }, site: { ...site, config: kept.plan.config } };
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
    const { last, site } = this.#session;
    if (!last || !site || this.#failed) return this.build();
    const started = performance.now();
    const at = this.#target(last, stageTimer(this.#options.onProgress, started), notify);
    let touched = false;
    try {
      const planned = await planStories(this.#planInput(changed, site), at.cache, this.#session, at.step);
      let shown: ShownEdits | undefined;
      // Without an error, the edited articles are written and their shards indexed before the lists are planned.
      if (countSeverity([...planned.diagnostics, ...planned.articles.diagnostics], "error") === 0) {
        touched = true;
        await writeImages(planned.photos, at.out);
        shown = await showEditsFirst(planned.articles.articles, at);
      }
      const plan = planSite(planned.stories, planned.options, planned.articles);
      at.step("plan", plan.articles.length, "article pages");
      const diagnostics = sortDiagnostics([...planned.diagnostics, ...plan.diagnostics]);
      const errors = countSeverity(diagnostics, "error");
      if (errors > 0) throw new BuildError(`update failed with ${errors} error(s); ${this.#options.out} was left as it was`, diagnostics);
      // Without errors the edited articles were shown, with the layout planSite gives the whole plan too.
      if (!shown) throw new Error("the edited articles were not written before the lists");
      const layout = shown.layout;
      const changes = await writeChanges(plan, shown, at);
      this.#session.last = { ...last, cache: at.cache, plan };
      const deferred = this.#writeLater(changes.later, at);
      const stories = new Set(plan.articles.map((a) => a.key)).size;
      return { kind: "update", stories, diagnostics, written: changes.count, removed: changes.removed, indexed: shown.reindexed.length, shards: layout.length, deferred, millis: performance.now() - started };
    } catch (cause) {
      // Once anything was written, the output is newer than the session's plan: the next update is a whole build.
      if (touched) this.#failed = true;
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

  /** Where and how an update from `last` writes. */
  #target(last: LastSite, step: UpdateTarget["step"], notify: UpdateTarget["notify"]): UpdateTarget {
    const o = this.#options;
    const out = path.resolve(o.cwd ?? process.cwd(), o.out);
    const run = { assets: last.assets, serviceWorker: false, site: last.plan.site, root: o.root ?? PROJECT_ROOT, outDir: out };
    return { out, run, cache: reopenCache(last.cache), last, shardSize: o.searchShardSize ?? DEV_SHARD_SIZE, notify, quiet: o.quiet, step };
  }

  /** The sources an update reads and how it plans them. */
  #planInput(changed: ReadonlySet<string> | undefined, site: SiteSources): PlanInput {
    const o = this.#options;
    const cwd = o.cwd ?? process.cwd();
    return { articles: path.resolve(cwd, o.articles), cwd, baseUrl: o.baseUrl, now: devNow(site.config.timeZone), shardSize: o.searchShardSize ?? DEV_SHARD_SIZE, site, changed };
  }

  /**
   * Writes `later` once open pages have loaded what the update changed; until then a request for one of
   * its files waits (see `pending`). Returns how many files it holds.
   */
  #writeLater(later: SiteData, at: UpdateTarget): number {
    const deferred = filesOf(later);
    if (deferred.size === 0) return 0;
    this.#deferred = deferred;
    const quiet = at.quiet ?? (() => Promise.resolve());
    this.#writing = quiet()
      .then(() => renderPages(later, at.run))
      .then(
        () => {
          this.#deferred = new Set();
          at.notify?.({ kind: "pages", files: [...deferred] });
        },
        (cause: unknown) => {
          // What is on disk is no longer known: the next update is a whole build.
          this.#failed = true;
          this.#deferred = new Set();
          console.error(`duet: writing list pages failed: ${(cause as Error).message}`);
        },
      );
    return deferred.size;
  }
}
