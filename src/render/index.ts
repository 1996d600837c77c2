// Render: the page plan through Eleventy and templates/ into an output directory.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { SitePlan } from "./plan.ts";
import { sitePath } from "./site-url.ts";
import { buildAssets, type AssetMap } from "./assets.ts";
import { hashOf, linkFiles, mapLimit, stampOf, unchanged, type BuildCache } from "../cache/index.ts";

export { planSite, articleUrl, pageUrl, PAGE_SIZE } from "./plan.ts";
export type { ArticlePage, IndexPage, ListEntry, ListPage, SitePlan, VersionLink } from "./plan.ts";
export { parseBaseUrl, DEFAULT_BASE_URL } from "./site-url.ts";
export { renderBody, escapeHtml } from "./body.ts";
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
  cache?: BuildCache;
  /** Article, list and index pages per Eleventy run (default: at least 4,000, at most 12 runs). */
  chunk?: number;
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

/** Fewest article, list and index pages one Eleventy run renders. */
export const RENDER_CHUNK = 4000;
/** Most Eleventy runs: each costs a start-up and a full collection, so very long sites get longer runs. */
const MAX_RUNS = 12;

type SiteData = Omit<SitePlan, "diagnostics">;
type Paginated = Pick<SiteData, "articles" | "lists" | "indexes">;

/** Pages per Eleventy run for a site. */
function renderChunkSize(pages: Paginated): number {
  const total = pages.articles.length + pages.lists.length + pages.indexes.length;
  return Math.max(RENDER_CHUNK, Math.ceil(total / MAX_RUNS));
}

/** Splits the paginated pages into consecutive runs of at most `size` pages in all (one run when there are none). */
export function chunksOf(pages: Paginated, size: number): Paginated[] {
  const all = [
    ...pages.articles.map((page) => ({ kind: "articles" as const, page })),
    ...pages.lists.map((page) => ({ kind: "lists" as const, page })),
    ...pages.indexes.map((page) => ({ kind: "indexes" as const, page })),
  ];
  const chunks: Paginated[] = [];
  for (let start = 0; start === 0 || start < all.length; start += size) {
    const slice = all.slice(start, start + size);
    chunks.push({
      articles: slice.flatMap((e) => (e.kind === "articles" ? [e.page] : [])),
      lists: slice.flatMap((e) => (e.kind === "lists" ? [e.page] : [])),
      indexes: slice.flatMap((e) => (e.kind === "indexes" ? [e.page] : [])),
    });
  }
  return chunks;
}
/** One Eleventy run over `site`; Eleventy's failures are rethrown with their cause. */
async function runEleventy(site: SiteData, assets: AssetMap, serviceWorker: boolean, plan: SitePlan, options: RenderOptions): Promise<void> {
  const eleventy = new Eleventy(path.join(options.root, "templates"), options.outDir, {
    configPath: path.join(options.root, ".eleventy.ts"),
    pathPrefix: plan.site.pathPrefix,
    quietMode: true,
    config: (config) => {
      config.addGlobalData("site", site);
      config.addGlobalData("assets", assets);
      config.addGlobalData("serviceWorker", serviceWorker);
      config.addFilter("u", (path: string) => sitePath(plan.site, path));
    },
  });
  eleventy.logger.overrideLogger(false);
  try {
    await eleventy.write();
  } catch (cause) {
    throw new Error(`rendering pages failed: ${(cause as Error).message}`, { cause });
  }
}

let gc: (() => void) | undefined;

/**
 * A full garbage collection. Node exposes `gc` only behind a flag; set at run time, it is reachable
 * from a fresh context. Where that is refused, nothing happens and V8 collects when it sees fit.
 */
function collectGarbage(): void {
  try {
    if (!gc) {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    }
    gc();
  } catch {
    gc = () => undefined;
  }
}

/** The file a page URL is written to: `/zh/a/` → `zh/a/index.html`, `/zh/feed.xml` → `zh/feed.xml`. */
export function outputFileOf(url: string): string {
  const rel = url.replace(/^\//, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

/**
 * Renders the planned pages with Eleventy; Eleventy's failures are rethrown with their cause. With a
 * cache, each article, list and index page is keyed by the hash of its plan entry and of everything
 * shared (code version, site address, asset URLs): unchanged pages are hard-linked from the last output.
 */
export async function renderSite(plan: SitePlan, options: RenderOptions): Promise<RenderResult> {
  const { diagnostics: _, ...site } = plan;
  const assets = await buildAssets(options.root, options.outDir);
  const serviceWorker = options.serviceWorker ?? true;
  const { cache } = options;
  const reused: string[] = [];
  const fresh: { file: string; key: string }[] = [];
  let pages = site;
  if (cache) {
    const shared = hashOf(cache.version, JSON.stringify(site.site), JSON.stringify(assets), String(serviceWorker));
    const sift = async <T extends { url: string }>(kind: string, entries: readonly T[]): Promise<T[]> => {
      const keep = await mapLimit(entries, 32, async (entry) => {
        const file = outputFileOf(entry.url);
        const key = hashOf(shared, kind, JSON.stringify(entry));
        const last = cache.pages.get(file);
        if (last?.key === key && (await unchanged(path.join(cache.out, file), last))) {
          reused.push(file);
          cache.next.pages.set(file, last);
          return false;
        }
        fresh.push({ file, key });
        return true;
      });
      return entries.filter((_, i) => keep[i]);
    };
    pages = { ...site, articles: await sift("article", site.articles), lists: await sift("list", site.lists), indexes: await sift("index", site.indexes) };
  }
  // Eleventy holds what it renders until its run ends, and V8 frees garbage only when it sees fit, so
  // a long site in one run held about 1 GiB more at 10,000 stories. It is rendered in runs instead, with
  // a full collection after each: the peak stays near one run's, whatever the site's size.
  const chunks = chunksOf(pages, options.chunk ?? renderChunkSize(pages));
  for (const [i, chunk] of chunks.entries()) {
    // Feeds, sitemaps, search and offline pages are rendered once, with the first run.
    const data = i === 0 ? { ...pages, ...chunk } : { ...pages, ...chunk, searches: [], feeds: [], sitemaps: [], sitemapIndexes: [], news: [], offline: [] };
    await runEleventy(data, assets, serviceWorker, plan, options);
    if (chunks.length > 1) collectGarbage();
  }
  if (cache) {
    // Linked after Eleventy has written, and linking never overwrites: a reused file is never written through.
    await linkFiles(cache.out, options.outDir, reused);
    await mapLimit(fresh, 32, async ({ file, key }) => {
      const stamp = await stampOf(path.join(options.outDir, file));
      if (!stamp) throw new Error(`rendering pages failed: ${file} was not written`);
      cache.next.pages.set(file, { key, ...stamp });
    });
  }
  const rendered = cache ? fresh.length : site.articles.length + site.lists.length + site.indexes.length;
  return { assets, rendered, reused: reused.length };
}
