// Offline: a Workbox service worker whose precache list comes from the real output, within a size budget.
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { mapLimit } from "../shared/concurrency.ts";
import { tmpdir } from "node:os";
import path from "node:path";
// The entry points used, imported alone: the package's index also loads generateSW's bundler, which
// would slow every build's start.
import { injectManifest } from "workbox-build/build/inject-manifest.js";
import { getManifest } from "workbox-build/build/get-manifest.js";
import { bundleScript } from "../render/bundle.ts";
import { CONVERSION_FILE } from "../search/convert.ts";
import { SEARCH_FILE_LIST } from "./files.ts";
import { KILL_SWITCH_WORKER } from "./kill-switch.ts";
import { ROOT_PATHS } from "../types.ts";

export { KILL_SWITCH_WORKER } from "./kill-switch.ts";

/** What the offline stage produced. */
export interface OfflineSummary {
  /** Files precached on install. */
  precacheFiles: number;
  /** Their total size in bytes. */
  precacheBytes: number;
  /** Size of the whole search bundle, cached after the reader's first search. */
  searchBytes: number;
  /** True when the whole search bundle is in the precache; else it is cached after a reader's first search. */
  searchPrecached: boolean;
}

/** Options of the offline stage. */
export interface OfflineOptions {
  /** Site-relative URLs of the article pages to precache (the newest stories). */
  articles: readonly string[];
  /** Largest precache allowed, in bytes; the build fails above it. */
  budgetBytes: number;
  /** Write the kill switch instead: a worker that clears every cache and unregisters. */
  kill?: boolean;
  /** Precache the whole search bundle when it is at most this many bytes (default 2 MiB); else it is cached after a first search. */
  searchPrecacheMax?: number;
  /** Folders of the search bundle's shards (see shared/search-layout.ts), "" for the first; default: one shard. */
  searchShards?: readonly string[];
  /** Sizes of output files known already (a cached build's stamps), by their path in the output (`/`-separated): these are not looked at again. */
  sizes?: ReadonlyMap<string, number>;
}

/** Search bundles up to this size are precached whole: offline search then works from the first visit. */
export const DEFAULT_SEARCH_PRECACHE_MAX = 2 * 1024 * 1024;

/** Default precache budget: the shell, two homes and 40 stories fit many times over. */
export const DEFAULT_PRECACHE_BUDGET = 5 * 1024 * 1024;

/** The shell every reader gets on install: pages, assets, and the part of search needed to start. */
const SHELL = [
  "index.html",
  "404.html",
  "assets/*",
  "{zh,en}/index.html",
  "{zh,en}/search/index.html",
  "{zh,en}/offline/index.html",
  "{zh,en}/manifest.webmanifest",
  "pagefind/pagefind.js",
  "pagefind/pagefind-worker.js",
  "pagefind/pagefind-entry.json",
  "pagefind/*.pf_meta",
  "pagefind/wasm.en.pagefind",
  `pagefind/${CONVERSION_FILE}`,
];

/** Writes the search bundle's file list (which the service worker caches after a first search); returns the files' names. */
export async function writeSearchFileList(outDir: string): Promise<string[]> {
  await rm(path.join(outDir, "pagefind", SEARCH_FILE_LIST), { force: true });
  const names = await listSearchFiles(path.join(outDir, "pagefind"));
  await writeFile(path.join(outDir, "pagefind", SEARCH_FILE_LIST), JSON.stringify(names));
  return names;
}

/** Writes `sw.js` (and the search bundle's file list) into the built site at `outDir`. */
export async function buildServiceWorker(outDir: string, options: OfflineOptions): Promise<OfflineSummary> {
  const names = await writeSearchFileList(outDir);
  if (options.kill) {
    await writeFile(path.join(outDir, "sw.js"), KILL_SWITCH_WORKER);
    return { precacheFiles: 0, precacheBytes: 0, searchBytes: 0, searchPrecached: false };
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "duet-sw-"));
  try {
    const swSrc = path.join(scratch, "sw.js");
    await writeFile(swSrc, await bundleScript(path.join(import.meta.dirname, "sw.ts"), "iife"));
    const articles = options.articles.map((url) => `${url.slice(1)}index.html`);
    const searchBytes = await totalSize(path.join(outDir, "pagefind"), names, (name) => options.sizes?.get(`pagefind/${name}`));
    const searchPrecached = searchBytes <= (options.searchPrecacheMax ?? DEFAULT_SEARCH_PRECACHE_MAX);
    const globbing = {
      globDirectory: outDir,
      globPatterns: [...SHELL, ...shardStarts(options.searchShards ?? []), ...articles, ...(searchPrecached ? ["pagefind/**/*"] : [])],
      // Photos are cached at run time, when a page shows them (sw.ts): never precached, never in the budget.
      globIgnores: [`${ROOT_PATHS.media}**`],
      // Hashed asset names and Pagefind's hashed files change name when their content does.
      dontCacheBustURLsMatching: /\.[0-9a-f]{10}\.\w+$|\.pf_(?:meta|index|filter|fragment)$/,
      // No per-file limit: the budget below is on the whole precache, and reports its largest files.
      maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
    };
    const result = await injectManifest({ swSrc, swDest: path.join(outDir, "sw.js"), ...globbing });
    if (result.warnings.length > 0) throw new Error(`Workbox: ${result.warnings.join("; ")}`);
    if (result.size > options.budgetBytes) throw new Error(await overBudget(outDir, globbing, result.size, options.budgetBytes));
    return { precacheFiles: result.count, precacheBytes: result.size, searchBytes, searchPrecached };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The total size of `files` under `dir`: each file's size as `known` gives it, else as it is on disk. */
async function totalSize(dir: string, files: readonly string[], known: (file: string) => number | undefined): Promise<number> {
  let total = 0;
  const unknown: string[] = [];
  for (const file of files) {
    const size = known(file);
    if (size === undefined) unknown.push(file);
    else total += size;
  }
  const looked = await mapLimit(unknown, 32, async (file) => (await stat(path.join(dir, file))).size);
  return looked.reduce((a, b) => a + b, total);
}

/** Files of the precache listed when it is over its budget. */
const LARGEST_SHOWN = 10;

/** Why the precache is over budget: its total and its largest files, so the operator sees what to cut. */
async function overBudget(outDir: string, globbing: Parameters<typeof getManifest>[0], total: number, budget: number): Promise<string> {
  const { manifestEntries } = await getManifest(globbing);
  const sized = await mapLimit(manifestEntries ?? [], 32, async (entry) => ({ url: entry.url, size: (await stat(path.join(outDir, entry.url))).size }));
  const largest = sized.sort((a, b) => b.size - a.size || (a.url < b.url ? -1 : 1)).slice(0, LARGEST_SHOWN);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const list = largest.map((e) => `${e.url} ${kib(e.size)}`).join(", ");
  return `the precache is ${kib(total)} in ${sized.length} files, over the budget of ${kib(budget)} (--precache-budget ${budget}); largest: ${list}; precache fewer stories (--offline-stories) or raise the budget`;
}

/** What the search page loads from every shard after the first (the shell has the first's) before any query: its entry and meta files. */
function shardStarts(dirs: readonly string[]): string[] {
  return dirs.filter((dir) => dir !== "").flatMap((dir) => [`pagefind/${dir}pagefind-entry.json`, `pagefind/${dir}*.pf_meta`]);
}

/** The files under `dir`, relative to it with `/` separators, sorted. */
async function listSearchFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}
