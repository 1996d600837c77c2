// The build's render and index stages: side by side when the index to make is small (publishing, a small
// site), one after the other when it is large (a large site's full build, an edit in a past year's full shard),
// so that Eleventy and a large Pagefind index never raise the peak together.
import { availableParallelism } from "node:os";
import type { BuildOptions } from "./build-options.ts";
import type { BuildCache } from "./cache/index.ts";
import { writeImages, type ProcessedImages } from "./images/index.ts";
import { collectGarbage, renderSite, type RenderResult, type SitePlan } from "./render/index.ts";
import { planIndex, type IndexSummary, type PlannedIndex } from "./search/index.ts";
import { bothSettled } from "./shared/concurrency.ts";
import { runStage, type stageTimer } from "./stages.ts";

/**
 * Most stories Pagefind indexes again beside the render rather than after it: about 400 MB in its
 * process (bench/RESULTS.md). Publishing indexes the newest month again, a few hundred stories.
 */
export const INDEX_BESIDE_RENDER = 2_500;

/** What the two stages work with: the staging folder, the cache, the photos to write, the build's options and its progress. */
export interface SiteStages {
  staging: string;
  root: string;
  cache?: BuildCache;
  photos: ProcessedImages;
  options: BuildOptions;
  step: ReturnType<typeof stageTimer>;
  /** Pages in the plan, as the render's progress line counts them. */
  pages: number;
}

/**
 * Renders the plan `current` returns and indexes its articles into the staging folder. `letGo` is called with
 * the plan as the stages after the render need it (see `withoutContent`) once the render no longer needs the
 * whole plan: the caller then holds that one, and `current` returns it. The whole plan is not kept here (only
 * asked of `current`), so that it can be collected before a large index is made.
 */
export async function renderAndIndex(current: () => SitePlan, at: SiteStages, letGo: (light: SitePlan) => void): Promise<{ rendered: RenderResult; indexed: IndexSummary }> {
  const { staging, cache, options, step } = at;
  const limit = options.indexBesideRender ?? INDEX_BESIDE_RENDER;
  const shards = current().searches[0]?.shards;
  const planned = (light: SitePlan) => runStage("index", () => planIndex(light.articles, staging, cache, { shards }));
  const render = async () => {
    const done = await runStage("render", async () => (await writeImages(at.photos, staging), renderSite(current(), { outDir: staging, root: at.root, serviceWorker: !options.killServiceWorker, cache, ...renderTuning(options) })));
    step("render", at.pages, cache ? `pages (${done.reused} unchanged)` : "pages");
    return done;
  };
  const write = async (index: PlannedIndex) => {
    const done = await runStage("index", () => index.write());
    step("index", done.records, indexUnit(done));
    return done;
  };
  // Without a cache every story is indexed again: a site over the limit is then known to make a large index,
  // planned only once the render's memory is let go. With a cache, what changed decides.
  const early = cache || storiesIn(current()) <= limit ? withoutContent(current()) : undefined;
  const index = early && (await planned(early));
  if (early && index && index.stories <= limit) {
    // Pagefind's process indexes while the build renders: started first, so that its records are on their way
    // before the render keeps this thread busy.
    const [indexed, rendered] = await bothSettled(write(index), render());
    letGo(early);
    return { rendered, indexed };
  }
  const rendered = await render();
  const light = early ?? withoutContent(current());
  letGo(light);
  // Collected now that nothing holds the pages' HTML and the stories' bodies: Pagefind's process then runs beside a smaller heap.
  collectGarbage();
  return { rendered, indexed: await write(index ?? (await planned(light))) };
}

/**
 * The plan as the stages after the render need it (the index, the service worker, the report): the articles'
 * fields, not their HTML or head data, nor the other pages, nor what makes bodies' HTML on demand (`deferred`,
 * which holds the bodies). Letting those go before a large index is made lowers the peak memory of a large
 * build (bench/RESULTS.md).
 */
function withoutContent(plan: SitePlan): SitePlan {
  const articles = plan.articles.map((page) => ({ ...page, html: "", head: { canonical: page.head.canonical, alternates: [], meta: [] } }));
  const { deferred: _bodies, ...rest } = plan;
  return { ...rest, articles, fronts: [], root: [], lists: [], indexes: [], feeds: [], sitemaps: [], news: [], offline: [], pages: [] };
}

/** The stories the search index holds: its layout's count, else the articles' stories. */
function storiesIn(plan: SitePlan): number {
  const shards = plan.searches[0]?.shards;
  return shards ? shards.reduce((n, shard) => n + shard.stories, 0) : new Set(plan.articles.map((page) => page.key)).size;
}

/** How rendering is spread: pages per Eleventy run, processes (default: one per core). */
function renderTuning(options: BuildOptions): { chunk?: number; jobs: number; pagesPerWorker?: number } {
  return { chunk: options.renderChunk, jobs: options.jobs ?? availableParallelism(), pagesPerWorker: options.pagesPerWorker };
}

/** What the index step counted, as the progress line says it. */
function indexUnit(indexed: IndexSummary): string {
  if (indexed.shards === 1) return indexed.reusedShards ? "stories (unchanged)" : "stories";
  return `stories, ${indexed.shards} shards (${indexed.reusedShards} unchanged)`;
}
