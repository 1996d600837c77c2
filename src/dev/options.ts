// What the dev site is built from, where it is written, and what each build or update reports.
import path from "node:path";
import type { ProgressStep } from "../build.ts";
import type { SearchShard } from "../shared/search-layout.ts";
import type { Diagnostic } from "../types.ts";

/** What the dev site is built from and where it is served from. */
export interface DevOptions {
  articles: string;
  /** The folder the dev site is written to and served from: the dev server's own (see `devFolders`), never a deploy's output. */
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

/** What `npm start` keeps in its folder (see `devFolders`). */
export interface DevFolders {
  /** The site it serves, written by every build and update. */
  site: string;
  /** Its build cache. */
  cache: string;
}

/**
 * The site and the build cache `npm start` keeps in its folder `dir` (default `.duet-cache/dev`), so a
 * deploy's output (`dist/`) is never touched. They are siblings: the build's output guard refuses an
 * output inside the cache, and rightly so for a production build.
 */
export function devFolders(dir: string): DevFolders {
  return { site: path.join(dir, "site"), cache: path.join(dir, "cache") };
}
