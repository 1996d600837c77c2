// The build's render and index stages: side by side when the index to make is small (publishing), one
// after the other when it is large (a full build), so that Eleventy and Pagefind never raise the peak together.
import { availableParallelism } from "node:os";
import type { BuildOptions } from "./build-options.ts";
import type { BuildCache } from "./cache/index.ts";
import { writeImages, type ProcessedImages } from "./images/index.ts";
import { collectGarbage, renderSite, type RenderResult, type SitePlan } from "./render/index.ts";
import { planIndex, type IndexSummary } from "./search/index.ts";
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
 * Renders `plan` and indexes its articles into the staging folder. `light` is the plan as the stages after
 * the render need it (the index is planned from it); `letGo` is called once the render no longer needs the
 * whole plan, so that the caller drops it before a large index is made.
 */
export async function renderAndIndex(plan: SitePlan, light: SitePlan, at: SiteStages, letGo: () => void): Promise<{ rendered: RenderResult; indexed: IndexSummary }> {
  const { staging, cache, options, step } = at;
  const index = await runStage("index", () => planIndex(light.articles, staging, cache, { shards: light.searches[0]?.shards }));
  const render = async () => {
    const done = await runStage("render", async () => (await writeImages(at.photos, staging), renderSite(plan, { outDir: staging, root: at.root, serviceWorker: !options.killServiceWorker, cache, ...renderTuning(options) })));
    step("render", at.pages, cache ? `pages (${done.reused} unchanged)` : "pages");
    return done;
  };
  const write = async () => {
    const done = await runStage("index", () => index.write());
    step("index", done.records, indexUnit(done));
    return done;
  };
  if (index.stories <= (options.indexBesideRender ?? INDEX_BESIDE_RENDER)) {
    // Pagefind's process indexes while the build renders: started first, so that its records are on their way
    // before the render keeps this thread busy.
    const [indexed, rendered] = await bothSettled(write(), render());
    letGo();
    return { rendered, indexed };
  }
  const rendered = await render();
  letGo();
  // Collected now that nothing holds the pages' HTML and the stories' bodies: Pagefind's process then runs beside a smaller heap.
  collectGarbage();
  return { rendered, indexed: await write() };
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
