// `npm run build`: build articles/ into dist/, print every diagnostic, end with a summary.
import { build } from "../src/build.ts";
import { guardChildren } from "../src/children.ts";
import { BuildError, countSeverity, formatDiagnostic } from "../src/diagnostics.ts";
import { DEFAULT_PRECACHE_BUDGET, DEFAULT_SEARCH_PRECACHE_MAX } from "../src/offline/index.ts";
import { SHARD_SIZE } from "../src/search/index.ts";
import { exitWhenPrinted, failUnexpectedly, parseCommand, verbose, wholeValue } from "./cli.ts";

const { values: given } = parseCommand("npm run build --", "Builds the article sources into a static site: pages in both languages, feeds, sitemaps, the search index and the service worker.", {
  articles: { type: "string", value: "DIR", default: "articles", help: "article sources" },
  out: { type: "string", value: "DIR", default: "dist", help: "output folder, replaced whole by a successful build (a new or empty folder, or an earlier output)" },
  "base-url": { type: "string", value: "URL", help: "URL the site is served under, e.g. https://example.org/news/ (default: site.yaml's url, else http://localhost:8080/ with a warning)" },
  strict: { type: "boolean", help: "warnings fail the build" },
  "skip-invalid": { type: "boolean", help: "leave out stories with errors and publish the rest" },
  future: { type: "boolean", help: "publish stories dated after the build time now (by default they are held back until a build after their date)" },
  report: { type: "string", value: "FILE", help: "write a JSON report of stories and diagnostics" },
  "offline-stories": { type: "string", value: "N", help: "newest stories per language precached for offline reading (default: 20)", whole: { min: 0 } },
  "precache-budget": { type: "string", value: "BYTES", default: String(DEFAULT_PRECACHE_BUDGET), whole: { min: 0 }, help: "fail when the service worker's precache is larger" },
  "search-precache-max": { type: "string", value: "BYTES", default: String(DEFAULT_SEARCH_PRECACHE_MAX), whole: { min: 0 }, help: "precache the whole search bundle up to this size, else cache it after a reader's first search" },
  "kill-service-worker": { type: "boolean", help: "publish a service worker that clears the offline caches and unregisters itself" },
  "pack-search": { type: "boolean", help: "pack search results into a few hundred files instead of one per story (hosts that limit files per deploy)" },
  "search-shard-size": { type: "string", value: "N", default: String(SHARD_SIZE), whole: { min: 1 }, help: "most stories per search index (shards are cut by publication month), bounding memory" },
  jobs: { type: "string", value: "N", whole: { min: 1 }, help: "processes rendering pages at once (default: the machine's cores)" },
  cache: { type: "string", value: "DIR", default: ".duet-cache", help: "build cache: unchanged sources, pages and search index are reused" },
  "no-cache": { type: "boolean", help: "build everything anew and leave the cache alone" },
});
const values = given as Record<string, string | undefined> & Record<"strict" | "skip-invalid" | "future" | "kill-service-worker" | "pack-search" | "no-cache", boolean>;

/** Common static hosts refuse deploys above this many files (Cloudflare Pages, for one). */
const HOST_FILE_LIMIT = 20_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

guardChildren();
// A stopped build removes its staging folder on the way out (see publish/staging.ts). Stopped during
// the swap, the output may be the new one or (between the two renames) missing until the next build
// puts it back, so the line promises only that.
for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    console.error(`duet: build stopped (${signal}); the next build puts right anything it left`);
    process.exit(status);
  });
}

try {
  const result = await build({
    onProgress: (s) => console.error(`duet: ${s.stage.padEnd(8)} ${String(s.count).padStart(7)} ${s.unit.padEnd(16)} ${seconds(s.millis)}`),
    articles: values.articles!,
    out: values.out!,
    baseUrl: values["base-url"],
    production: true,
    strict: values.strict,
    skipInvalid: values["skip-invalid"],
    future: values.future,
    report: values.report,
    offlineStories: wholeValue(values["offline-stories"]),
    precacheBudget: wholeValue(values["precache-budget"]),
    killServiceWorker: values["kill-service-worker"],
    searchPrecacheMax: wholeValue(values["search-precache-max"]),
    packSearch: values["pack-search"],
    searchShardSize: wholeValue(values["search-shard-size"]),
    jobs: wholeValue(values.jobs),
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
  // One line per version held back, so the desk sees what goes out when (the next build after that time publishes it).
  for (const a of result.heldBack) console.log(`duet: held back until ${a.date.toISO({ suppressMilliseconds: true })}: ${a.file} (${a.lang}) ${JSON.stringify(a.title)}`);
  if (result.drafts.length > 0) console.log(`duet: ${result.drafts.length} draft(s) left out: ${result.drafts.map((a) => `${a.file} (${a.lang})`).join(", ")}`);
  const c = result.cache;
  if (c) {
    console.log(`duet: cache: ${c.pagesReused} pages unchanged, ${c.pagesRendered} rendered; ${c.parsed} files parsed; search index ${c.searchShards === 1 ? (c.searchShardsReused ? "unchanged" : "rebuilt") : `${c.searchShards - c.searchShardsReused} of ${c.searchShards} shards rebuilt`}`);
  }
  const o = result.offline;
  const searchWhen = o.searchPrecached ? "precached" : "cached after a reader's first search";
  console.log(`duet: offline: precache ${o.precacheFiles} files, ${kb(o.precacheBytes)}; search bundle ${kb(o.searchBytes)}, ${searchWhen}`);
  console.log(`duet: page weight: article HTML ${kb(w.articleHtml)} on average, CSS ${kb(w.css)}, JS ${kb(w.contentJs)} (service worker client); search page adds ${kb(w.searchJs)} + Pagefind`);
  // The site is published and the cache saved: nothing is left to wait for but Node's teardown.
  await exitWhenPrinted();
} catch (cause) {
  // Every failure ends in one "build failed" line and status 1; the stack only when asked for.
  if (!(cause instanceof BuildError)) failUnexpectedly(cause, "build failed");
  for (const d of cause.diagnostics) console.error(formatDiagnostic(d));
  console.error(`duet: ${cause.message}`);
  if (cause.cause && verbose()) console.error(cause.cause);
  else if (cause.cause) console.error("duet: run again with --verbose (or DEBUG=duet) to see where it failed");
  process.exit(1);
}
