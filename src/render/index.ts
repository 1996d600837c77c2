// Render: the page plan through Eleventy and templates/ into an output directory.
import path from "node:path";
import type { ArticlePage, SitePlan } from "./plan.ts";
import { articleHead } from "./article-head.ts";
import { buildAssets, type AssetMap } from "./assets.ts";
import { chunksOf, collectGarbage, RENDER_CHUNK, runEleventy, type RunOptions, type SiteData } from "./runs.ts";
import { PAGES_PER_WORKER, renderInParallel, renderLanes } from "./parallel.ts";
import { linkFiles, stampWithContent } from "../shared/files.ts";
import { bothSettled } from "../shared/concurrency.ts";
import { hashOf } from "../shared/hash.ts";
import { siftPages, type PageReuse, type Sifted } from "./sift.ts";

export { planSite, planArticlePages, articleSearchLayout, articleUrl, pageUrl, LIST_PAGE_SIZE } from "./plan.ts";
export { pageWindow } from "./lists.ts";
export { chunksOf, collectGarbage, RENDER_CHUNK } from "./runs.ts";
export type { RunOptions, SiteData } from "./runs.ts";
export type { ArticlePage, DeferredBodies, EntryMemo, IndexPage, ListEntry, ListPage, ObjectMemo, PhotoLookup, PlanMemo, PlannedArticles, PlannedPage, PlanOptions, SitePlan, VersionLink } from "./plan.ts";
export type { BodyRenderer } from "./articles.ts";
export type { PageLink } from "./lists.ts";
export type { NewsroomPage } from "./pages.ts";
export { parseBaseUrl, DEFAULT_BASE_URL } from "./site-url.ts";
export { renderBody } from "./body.ts";
export { escapeHtml } from "../shared/escape.ts";
export { STRINGS } from "./strings.ts";
export { bundleScript } from "./bundle.ts";
export type { AssetMap } from "./assets.ts";
export { outputFileOf, plannedFiles, type PageReuse, type PageStamp } from "./sift.ts";

/** Where and how to render. */
export interface RenderOptions {
  /** Directory the pages are written to. */
  outDir: string;
  /** Project root holding `templates/` and `.eleventy.ts`. */
  root: string;
  /** False when the site ships the service-worker kill switch: pages then unregister instead of registering. */
  serviceWorker?: boolean;
  /** With a build cache, pages whose inputs are unchanged are linked from the last output instead of rendered. */
  cache?: PageReuse;
  /** Article, list and index pages per Eleventy run (default 4,000). */
  chunk?: number;
  /** Processes rendering at once, this one included (default 1); a small site or update is rendered here alone. */
  jobs?: number;
  /** Fewest pages worth another render process (default `PAGES_PER_WORKER`). */
  pagesPerWorker?: number;
}

/** What rendering did. */
export interface RenderResult {
  /** Content-hashed asset URLs. */
  assets: AssetMap;
  /** Pages Eleventy rendered. */
  rendered: number;
  /** Pages reused from the last output. */
  reused: number;
}

/**
 * Renders the pages of `pages` (a whole plan, or the part of one that changed) into `options.outDir`,
 * whose assets are already built, on up to `jobs` processes. Files already there are overwritten; no other file is touched.
 */
export async function renderPages(pages: SiteData, options: RunOptions, chunk = RENDER_CHUNK, jobs = 1, perWorker = PAGES_PER_WORKER): Promise<void> {
  // Eleventy holds what it renders until its run ends, and V8 frees garbage only when it sees fit, so a
  // long site in one run holds far more memory (bench/RESULTS.md). It is rendered in runs instead, with a
  // full collection after each: the peak stays near one run's, whatever the site's size. On several
  // processes the runs are shorter, so that each process gets at least one.
  const total = pages.articles.length + pages.lists.length + pages.indexes.length;
  const lanes = renderLanes(total, jobs, perWorker);
  // As many runs for each process, so that none is left rendering alone at the end.
  const count = lanes * Math.max(1, Math.ceil(total / (lanes * chunk)));
  const parts = chunksOf(pages, Math.max(1, Math.ceil(total / count)));
  // Feeds, sitemaps, search, offline and the newsroom's pages are rendered once, with the first run. The news sitemap
  // is one file every run writes (not a pagination that can be emptied), so each run gets its entries:
  // at most two days of stories.
  const runs = parts.map((part, i) => (i === 0 ? { ...pages, ...part } : { ...pages, ...part, fronts: [], searches: [], feeds: [], sitemaps: [], sitemapIndexes: [], offline: [], pages: [] }));
  const here = async (data: SiteData) => {
    await runEleventy(data, options);
    if (runs.length > 1) collectGarbage();
  };
  if (lanes === 1) for (const data of runs) await here(data);
  else await renderInParallel(runs, options, lanes, here);
}

/**
 * Renders the planned pages with Eleventy; Eleventy's failures are rethrown with their cause. With a
 * cache, each article, list and index page is keyed by the hash of its plan entry and of everything
 * shared (code version, site address and configuration, asset URLs): unchanged pages are hard-linked from the last output.
 */
export async function renderSite(plan: SitePlan, options: RenderOptions): Promise<RenderResult> {
  const { diagnostics: _, deferred, ...site } = plan;
  const assets = await buildAssets(options.root, options.outDir, plan.config);
  const serviceWorker = options.serviceWorker ?? true;
  const { cache } = options;
  let pages = site;
  let sifted: Sifted | undefined;
  if (cache) {
    // Everything every page prints: the site's address and identity, the header's links (newsroom pages
    // with nav: true join them), asset names and the service worker.
    const shared = hashOf(cache.version, JSON.stringify(site.site), JSON.stringify(site.config), JSON.stringify(site.nav), JSON.stringify(assets), String(serviceWorker));
    sifted = await siftPages(site, cache, shared, options.outDir);
    pages = { ...site, ...sifted.pages };
  }
  const render = async () => {
    // The pages to render get the HTML and head data the plan left out (keyed above by the hash of their body
    // instead, and by the fields the head is made from).
    const html = (page: ArticlePage) => (page.htmlKey === undefined ? page.html : deferred!.get(page.url)!());
    if (deferred) pages = { ...pages, articles: pages.articles.map((page) => ({ ...page, html: html(page), head: articleHead(page, plan.site, plan.config.name[page.lang]) })) };
    await renderPages(pages, { assets, serviceWorker, site: plan.site, root: options.root, outDir: options.outDir }, options.chunk, options.jobs, options.pagesPerWorker);
  };
  // The worker's links and Eleventy's writes both settle before a failure of either is thrown (the staging folder is then removed).
  await bothSettled(render(), sifted?.linked ?? Promise.resolve());
  const { reused = [], fresh = [] } = sifted ?? {};
  if (cache) {
    // Without a worker, linked once Eleventy has written: linking never overwrites, so a reused file is never written through.
    if (!cache.look) await linkFiles(cache.out, options.outDir, reused);
    for (const { file, key } of fresh) {
      const stamp = stampWithContent(path.join(options.outDir, file));
      if (!stamp) throw new Error(`rendering pages failed: ${file} was not written`);
      cache.next.pages.set(file, { key, ...stamp });
    }
  }
  const rendered = cache ? fresh.length : site.articles.length + site.lists.length + site.indexes.length;
  return { assets, rendered, reused: reused.length };
}
