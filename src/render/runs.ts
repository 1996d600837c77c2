// Eleventy runs: the one place Eleventy is started, and how a long site is split into runs.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { pictureHtml } from "../images/index.ts";
import type { ImageSet } from "../types.ts";
import type { AssetMap } from "./assets.ts";
import type { SitePlan } from "./plan.ts";
import { sitePath, type SiteUrl } from "./site-url.ts";

/**
 * Article, list and index pages one Eleventy run renders. Each run costs a start-up and a full
 * collection; longer runs hold more, and very long ones exhaust the heap on a large archive (bench/RESULTS.md).
 */
export const RENDER_CHUNK = 4000;

/** The site as templates see it. */
export type SiteData = Omit<SitePlan, "diagnostics">;
/** The pages templates paginate over, one file each. */
export type Paginated = Pick<SiteData, "articles" | "lists" | "indexes">;

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

/** What one Eleventy run needs besides the pages. */
export interface RunOptions {
  assets: AssetMap;
  serviceWorker: boolean;
  /** The site's address, for the `u` filter and the path prefix. */
  site: SiteUrl;
  /** Project root holding `templates/` and `.eleventy.ts`. */
  root: string;
  outDir: string;
}

/** One Eleventy run over `data`; Eleventy's failures are rethrown with their cause. */
export async function runEleventy(data: SiteData, options: RunOptions): Promise<void> {
  const eleventy = new Eleventy(path.join(options.root, "templates"), options.outDir, {
    configPath: adapterPath(options.root),
    pathPrefix: options.site.pathPrefix,
    quietMode: true,
    config: (config) => {
      config.addGlobalData("site", data);
      config.addGlobalData("assets", options.assets);
      config.addGlobalData("serviceWorker", options.serviceWorker);
      // Links within the site: the path prefix added. A plain function, called about 60 times a page.
      config.addFilter("u", (path: string) => sitePath(options.site, path));
      // A photo's <picture>, the same markup as a body's inline photos (see images/picture.ts), under the site's path.
      config.addFilter("picture", (set: ImageSet, alt: string, sizes: string, lead = false, className = "") =>
        pictureHtml(set, { alt, sizes, lead, url: (path) => sitePath(options.site, path), ...(className && { className }) }),
      );
    },
  });
  // Duet prints its own summary; Eleventy's "Wrote N files" line would only repeat it.
  eleventy.logger.overrideLogger(false);
  try {
    await eleventy.write();
  } catch (cause) {
    throw new Error(`rendering pages failed: ${(cause as Error).message}`, { cause });
  }
}

/**
 * The Eleventy adapter to load: `root/.eleventy.ts`, or, in a command started from a bundle (see
 * scripts/launch.mjs), the bundle's compiled copy of that very file, since Node cannot load TypeScript.
 */
function adapterPath(root: string): string {
  const source = path.join(root, ".eleventy.ts");
  const [named, compiled] = (process.env.DUET_COMPILED_ADAPTER ?? "").split("\n");
  return named === source && compiled ? compiled : source;
}

let gc: (() => void) | undefined;

/**
 * A full garbage collection. Node exposes `gc` only behind a flag; set at run time, it is reachable
 * from a fresh context. Where that is refused, nothing happens and V8 collects when it sees fit.
 */
export function collectGarbage(): void {
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
