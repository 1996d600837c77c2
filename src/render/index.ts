// Render: the page plan through Eleventy and templates/ into an output directory.
import path from "node:path";
import { DateTime } from "luxon";
import type { ArticlePage, SitePlan } from "./plan.ts";
import { articleHead } from "./article-head.ts";
import { buildAssets, type AssetMap } from "./assets.ts";
import { chunksOf, collectGarbage, RENDER_CHUNK, runEleventy, type RunOptions, type SiteData } from "./runs.ts";
import { PAGES_PER_WORKER, renderInParallel, renderLanes } from "./parallel.ts";
import { linkFiles, lookedStamp, stampWithContent, stillStamped, type FileStamp } from "../shared/files.ts";
import type { OutputLook } from "../shared/output-look.ts";
import { hashOf, hashOfAll } from "../shared/hash.ts";

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

/** A published page: the hash of everything it was rendered from, and the file it became. */
export interface PageStamp extends FileStamp {
  key: string;
}

/** What rendering asks of a build cache to reuse pages of the last output (see cache/). */
export interface PageReuse {
  /** Hash of the code the cached results were made by: part of every page's key. */
  version: string;
  /** The last output folder (absolute), whose files may be linked. */
  out: string;
  /** Published pages of the last build, by output path relative to `out`. */
  pages: ReadonlyMap<string, PageStamp>;
  /** Filled in by this build for the next: every page it published. */
  next: { pages: Map<string, PageStamp> };
  /** The last output's files as a worker thread looked at them, and that worker, which links them. */
  look?: OutputLook;
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

/** The file a page URL is written to: `/zh/a/` → `zh/a/index.html`, `/zh/feed.xml` → `zh/feed.xml`. */
export function outputFileOf(url: string): string {
  const rel = url.replace(/^\//, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

/**
 * Every file the plan's pages are written to (relative to the output, `/`-separated): articles, lists and
 * indexes, fronts, search and offline pages, the newsroom's pages, feeds and sitemaps. The templates' other
 * files (the root's, and each language's manifest) lie in the output's top two levels.
 */
export function plannedFiles(plan: Pick<SitePlan, "articles" | "fronts" | "lists" | "indexes" | "searches" | "offline" | "pages" | "feeds" | "sitemaps" | "sitemapIndexes">): string[] {
  const pages = [plan.articles, plan.fronts, plan.lists, plan.indexes, plan.searches, plan.offline, plan.pages].flatMap((list) => list.map((page) => page.url));
  const files = [...plan.feeds.flatMap((feed) => [feed.atomPath, feed.jsonPath]), ...plan.sitemaps.map((s) => s.path), ...plan.sitemapIndexes.map((s) => s.path)];
  return [...pages, ...files].map(outputFileOf);
}

/**
 * The parts of a plan entry's cache key: the entry as JSON, and an article's body HTML on its own (the
 * largest field, hashed as it is: escaping it into JSON is slow on a large site). Its head data is left
 * out: every page's head is computed from the entry's other fields and the site address (see
 * `articleHead` and `basicMeta`), both in the key, and it is much of the text. An article's luxon date is
 * keyed by its instant and zone, which say what its slow ISO `toJSON` would. The list entries a page
 * shows (a list's stories, an article's related ones) are one object per story in a plan, shown on many
 * pages: each is hashed once, through `shown`, and a page's key holds their hashes, not their JSON.
 */
function entryParts(entry: object, shown: (item: object) => string): string[] {
  const { date, html, related, entries } = entry as { date?: unknown; html?: unknown; related?: unknown; entries?: unknown };
  const rest = { ...entry, head: undefined, html: undefined, related: undefined, entries: undefined, ...(DateTime.isDateTime(date) ? { date: [date.toMillis(), date.zoneName] } : {}) };
  const items = (name: string, list: unknown) => (Array.isArray(list) ? [`${name}:${list.length}`, ...list.map((item: object) => shown(item))] : []);
  return [JSON.stringify(rest), ...items("related", related), ...items("entries", entries), ...(typeof html === "string" ? [html] : [])];
}

/**
 * The hash of an object's JSON, by identity, each made once: for list entries, which a plan shares among
 * the pages showing them (a story's entry is on its keyword, section and archive lists and beside its
 * related stories), so that each is written and hashed once rather than once per page.
 */
function hashOnce(): (item: object) => string {
  const hashed = new WeakMap<object, string>();
  return (item) => {
    let hash = hashed.get(item);
    if (hash === undefined) hashed.set(item, (hash = hashOf(JSON.stringify(item))));
    return hash;
  };
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
  // The pages to render get the HTML and head data the plan left out (keyed above by the hash of their body
  // instead, and by the fields the head is made from).
  const html = (page: ArticlePage) => (page.htmlKey === undefined ? page.html : deferred!.get(page.url)!());
  if (deferred) pages = { ...pages, articles: pages.articles.map((page) => ({ ...page, html: html(page), head: articleHead(page, plan.site, plan.config.name[page.lang]) })) };
  await renderPages(pages, { assets, serviceWorker, site: plan.site, root: options.root, outDir: options.outDir }, options.chunk, options.jobs, options.pagesPerWorker);
  const { reused = [], fresh = [] } = sifted ?? {};
  if (cache) {
    // Without a worker, linked once Eleventy has written: linking never overwrites, so a reused file is never written through.
    await (cache.look ? sifted!.linked : linkFiles(cache.out, options.outDir, reused));
    for (const { file, key } of fresh) {
      const stamp = stampWithContent(path.join(options.outDir, file));
      if (!stamp) throw new Error(`rendering pages failed: ${file} was not written`);
      cache.next.pages.set(file, { key, ...stamp });
    }
  }
  const rendered = cache ? fresh.length : site.articles.length + site.lists.length + site.indexes.length;
  return { assets, rendered, reused: reused.length };
}

/** The pages a cached build renders, those it links from the last output, and the links' progress. */
interface Sifted {
  pages: Pick<SitePlan, "articles" | "lists" | "indexes">;
  reused: string[];
  fresh: { file: string; key: string }[];
  /** Settles once the look's worker has linked every reused page (at once without a worker); never rejects unhandled. */
  linked: Promise<void>;
}

/** Entries keyed between two turns of the event loop, and so reused pages handed to the worker at once. */
const SIFT_RUN = 1_000;

/**
 * Keys each article, list and index page and splits them: unchanged pages whose file in the last output is
 * still the one written are reused, the others rendered. With the look's worker, the reused pages are linked
 * as they are found, while the sift goes on and then while Eleventy writes, and the sift lets the event loop
 * turn between runs (Pagefind's process waits on this thread for its records). Eleventy must never write
 * through a link into the last output: so every file is planned once (checked first), and what is linked is
 * never rendered (the templates' other files lie in the output's top two levels, where no such page does).
 */
async function siftPages(site: Omit<SitePlan, "diagnostics" | "deferred">, cache: PageReuse, shared: string, outDir: string): Promise<Sifted> {
  const planned = new Set<string>();
  for (const file of plannedFiles(site)) {
    if (planned.has(file)) throw new Error(`${file} is planned twice`);
    planned.add(file);
  }
  const looked = await cache.look?.stamps();
  // The plan is not changed while its pages are keyed, so an entry's hash holds for the whole sift.
  const shown = hashOnce();
  const [reused, fresh, links]: [string[], Sifted["fresh"], Promise<void>[]] = [[], [], []];
  let handed = 0;
  const hand = () => {
    if (cache.look && handed < reused.length) links.push(cache.look.link(cache.out, outDir, reused.slice(handed)));
    handed = reused.length;
  };
  const sift = async <T extends { url: string }>(kind: string, entries: readonly T[]): Promise<T[]> => {
    const kept: T[] = [];
    for (let at = 0; at < entries.length; at++) {
      if (at % SIFT_RUN === SIFT_RUN - 1) {
        hand();
        await new Promise(setImmediate);
      }
      const entry = entries[at]!;
      const file = outputFileOf(entry.url);
      const key = hashOfAll([shared, kind, ...entryParts(entry, shown)]);
      const last = cache.pages.get(file);
      const now = last?.key === key ? stillStamped(path.join(cache.out, file), last, lookedStamp(looked, cache.out, file)) : undefined;
      if (now) {
        reused.push(file);
        cache.next.pages.set(file, { ...now, key });
      } else {
        fresh.push({ file, key });
        kept.push(entry);
      }
    }
    return kept;
  };
  const pages = { articles: await sift("article", site.articles), lists: await sift("list", site.lists), indexes: await sift("index", site.indexes) };
  hand();
  const linked = Promise.all(links).then(() => {});
  // Awaited once the render is done; a failure before then is not left unhandled.
  linked.catch(() => {});
  return { pages, reused, fresh, linked };
}
