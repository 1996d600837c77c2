// What a build is asked to do, and what it reports back: the types of `build()` (see build.ts).
import type { DateTime } from "luxon";
import type { BuildCache } from "./cache/index.ts";
import type { OfflineSummary } from "./offline/index.ts";
import type { AssetMap, PlanMemo, SitePlan } from "./render/index.ts";
import type { PageWeights } from "./report.ts";
import type { ConversionTable } from "./search/index.ts";
import type { Article, Diagnostic, Story } from "./types.ts";
import type { ValidationMemo } from "./validate/index.ts";

/** What a build is asked to do. */
export interface BuildOptions {
  /** Directory of article sources. */
  articles: string;
  /** Directory the site is published to (replaced only when the build succeeds). */
  out: string;
  /** Absolute base URL or path the site is served under; overrides site.yaml's `url`; without either, `http://localhost:8080/`. */
  baseUrl?: string;
  /**
   * The site's configuration: a site.yaml file, or a folder holding one (relative to `cwd`). Default
   * `<cwd>/site.yaml`, where a missing file means Duet's defaults; a path given here must exist. Its
   * folder is the project: the logo's path starts there, and the newsroom's pages are its `pages/`.
   */
  siteConfig?: string;
  /** A build to deploy: without a site URL (site.yaml's `url` or `baseUrl`) it warns that absolute URLs point at localhost. */
  production?: boolean;
  /** Treat warnings as errors. */
  strict?: boolean;
  /** Leave out stories with errors instead of failing. */
  skipInvalid?: boolean;
  /** Publish stories dated after the build time (`--future`); by default they are held back until a build after their date. */
  future?: boolean;
  /** Publish drafts (`npm start` does, with a banner); by default they are left out. */
  drafts?: boolean;
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
   * Processes rendering pages at once, this one included (default: the machine's cores). Each other one is
   * a child process worth starting only for a large render, so a small site or update is rendered here alone.
   */
  jobs?: number;
  /** Fewest pages worth another render process (default 1,500: starting one costs about as much as rendering that many). */
  pagesPerWorker?: number;
  /** Most stories Pagefind indexes again beside the render rather than after it (default 2,500; 0: always after). */
  indexBesideRender?: number;
  /**
   * Pack the search results' display data into a few hundred files instead of one per story (static
   * hosts limit files per deploy). A result page then fetches a few larger files instead of ten small ones.
   */
  packSearch?: boolean;
  /** Stories per Pagefind index (default 10,000): a larger site is indexed in shards, one after another, bounding Pagefind's memory. */
  searchShardSize?: number;
  /**
   * Remove the replaced output, and what earlier builds left in the cache's trash, in detached processes
   * instead of waiting for them (the command line does).
   */
  removeOldOutputInBackground?: boolean;
  /** Called as each stage finishes, for a progress display. */
  onProgress?: (step: ProgressStep) => void;
  /** The build's notion of now (default: `SOURCE_DATE_EPOCH` when set, else the clock), for future dates, feeds and the news sitemap. */
  now?: DateTime;
  /**
   * Results of earlier builds of this site for the stages to reuse: validation results by draft (made at
   * the same `now`), planned pages and list entries by the objects they were made from.
   */
  memo?: { validation?: ValidationMemo; plan?: PlanMemo };
  /** Keep the whole page plan and return it, with what was made from it, as `BuildResult.kept` (else pages' content goes once written). */
  keepPlan?: boolean;
}

/** One finished stage of a build. */
export interface ProgressStep {
  /** Stage name: ingest, parse, validate, pair, plan, render, index, offline, publish (render and index may end in either order: see site-stages.ts). */
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
  /** Published stories, newest first, without their bodies (empty: a build lets them go once its pages are written). */
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
  /** Versions dated after the build time, held back, soonest first (none under `future`). */
  heldBack: Article[];
  /** Versions marked `draft: true`, left out (none under `drafts`). */
  drafts: Article[];
  /**
   * What the build cache saved, when one was used: files parsed, and of the sources not parsed, those read
   * again for a body the cache had left out; pages and search shards rendered and reused.
   */
  cache?: { parsed: number; readAgain: number; pagesReused: number; pagesRendered: number; searchShards: number; searchShardsReused: number };
  /** With `keepPlan`: what the output was made from, for changing it later without a whole build. */
  kept?: BuiltSite;
}

/** What a published output was made from. */
export interface BuiltSite {
  /** The whole page plan, every page's content included. */
  plan: SitePlan;
  /** Content-hashed asset URLs the pages link to. */
  assets: AssetMap;
  /** The Traditional → Simplified table written beside the search index. */
  table: ConversionTable;
  /** The build cache, saved and still holding its results in memory (when one was used). */
  cache?: BuildCache;
}
