// `npm run build`: build articles/ into dist/, print every diagnostic, end with a summary.
import { parseArgs } from "node:util";
import { build } from "../src/build.ts";
import { guardChildren } from "../src/children.ts";
import { BuildError, countSeverity, formatDiagnostic } from "../src/diagnostics.ts";

const USAGE = `Usage: npm run build -- [options]
  --articles DIR   article sources (default: articles)
  --out DIR        output directory (default: dist)
  --base-url URL   URL the site is served under, e.g. https://example.org/news/
  --strict         warnings fail the build
  --skip-invalid   leave out stories with errors and publish the rest
  --report FILE    write a JSON report of stories and diagnostics
  --offline-stories N      newest stories per language precached for offline reading (default 20)
  --precache-budget BYTES  fail when the service worker's precache is larger (default 5242880)
  --search-precache-max BYTES  precache the whole search bundle up to this size (default 2097152), else cache it after a first search
  --kill-service-worker    publish a service worker that clears the offline caches and unregisters itself
  --pack-search    pack search results into a few hundred files instead of one per story (for hosts that limit files per deploy)
  --search-shard-size N  stories per search index (default 10000): larger sites are indexed in shards, bounding memory
  --cache DIR      build cache: unchanged sources, pages and search index are reused (default: .duet-cache)
  --no-cache       build everything anew and leave the cache alone`;

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "articles" },
    out: { type: "string", default: "dist" },
    "base-url": { type: "string" },
    strict: { type: "boolean", default: false },
    "skip-invalid": { type: "boolean", default: false },
    report: { type: "string" },
    "offline-stories": { type: "string" },
    "precache-budget": { type: "string" },
    "kill-service-worker": { type: "boolean", default: false },
    "search-precache-max": { type: "string" },
    "pack-search": { type: "boolean", default: false },
    "search-shard-size": { type: "string" },
    cache: { type: "string", default: ".duet-cache" },
    "no-cache": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** The value of a numeric option, or undefined when absent; anything but a whole number ≥ `min` ends the command with usage status 2. */
function whole(name: "offline-stories" | "precache-budget" | "search-precache-max" | "search-shard-size", min: number): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min) {
    console.error(`duet: error: --${name} expects a whole number of at least ${min}, not "${text}"`);
    process.exit(2);
  }
  return n;
}

/** Common static hosts refuse deploys above this many files (Cloudflare Pages, for one). */
const HOST_FILE_LIMIT = 20_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

guardChildren();
// A stopped build removes its staging folder on the way out (see publish/staging.ts) and says so.
for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    console.error(`duet: build stopped (${signal}); ${values.out} was left as it was`);
    process.exit(status);
  });
}

try {
  const result = await build({
    onProgress: (s) => console.error(`duet: ${s.stage.padEnd(8)} ${String(s.count).padStart(7)} ${s.unit.padEnd(16)} ${seconds(s.millis)}`),
    articles: values.articles,
    out: values.out,
    baseUrl: values["base-url"],
    strict: values.strict,
    skipInvalid: values["skip-invalid"],
    report: values.report,
    offlineStories: whole("offline-stories", 0),
    precacheBudget: whole("precache-budget", 0),
    killServiceWorker: values["kill-service-worker"],
    searchPrecacheMax: whole("search-precache-max", 0),
    packSearch: values["pack-search"],
    searchShardSize: whole("search-shard-size", 1),
    ...(values["no-cache"] ? {} : { cacheDir: values.cache }),
    removeOldOutputInBackground: true,
  });
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  const zh = result.stories.filter((s) => s.versions.zh).length;
  const en = result.stories.filter((s) => s.versions.en).length;
  const warnings = countSeverity(result.diagnostics, "warning");
  const skipped = countSeverity(result.diagnostics, "error");
  console.log(
    `duet: ${result.stories.length} stories (zh ${zh}, en ${en}), ${result.pages} pages, ` +
      `${warnings} warning(s)${skipped ? `, ${skipped} error(s) skipped` : ""}, ${(result.millis / 1000).toFixed(2)} s → ${values.out}/`,
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const w = result.weights;
  const out = result.output;
  console.log(`duet: output: ${out.files} files, ${(out.bytes / 1024 / 1024).toFixed(1)} MiB`);
  if (out.files > HOST_FILE_LIMIT) {
    const packHint = values["pack-search"] ? "" : `; --pack-search keeps the search index to a few hundred files`;
    console.log(`duet: note: ${out.files} files is more than the ${HOST_FILE_LIMIT} some static hosts accept per deploy (search index: ${out.searchFiles})${packHint}`);
  }
  const c = result.cache;
  if (c) {
    console.log(`duet: cache: ${c.pagesReused} pages unchanged, ${c.pagesRendered} rendered; ${c.parsed} files parsed; search index ${c.searchShards === 1 ? (c.searchShardsReused ? "unchanged" : "rebuilt") : `${c.searchShards - c.searchShardsReused} of ${c.searchShards} shards rebuilt`}`);
  }
  const o = result.offline;
  const searchWhen = o.searchPrecached ? "precached" : "cached after a reader's first search";
  console.log(`duet: offline: precache ${o.precacheFiles} files, ${kb(o.precacheBytes)}; search bundle ${kb(o.searchBytes)}, ${searchWhen}`);
  console.log(`duet: page weight: article HTML ${kb(w.articleHtml)} on average, CSS ${kb(w.css)}, JS ${kb(w.contentJs)} (service worker client); search page adds ${kb(w.searchJs)} + Pagefind`);
} catch (cause) {
  // Every failure ends in one "build failed" line and status 1; the stack only when asked for.
  const verbose = /\bduet\b/.test(process.env.DEBUG ?? "");
  if (cause instanceof BuildError) {
    for (const d of cause.diagnostics) console.error(formatDiagnostic(d));
    console.error(`duet: ${cause.message}`);
    if (cause.cause && verbose) console.error(cause.cause);
  } else {
    console.error(`duet: build failed: ${(cause as Error)?.message ?? String(cause)}; ${values.out} was left as it was`);
    if (verbose) console.error(cause);
  }
  const internal = !(cause instanceof BuildError) || cause.cause !== undefined;
  if (internal && !verbose) console.error("duet: run again with DEBUG=duet to see where it failed");
  process.exit(1);
}
