// `npm start`: build, serve on http://localhost:8080/, bring the site up to date on every change and reload open pages.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BuildError, formatDiagnostic } from "../src/diagnostics.ts";
import { DEV_SHARD_SIZE, type DevResult } from "../src/dev/index.ts";
import { startDevServer } from "../src/dev/server.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "articles" },
    out: { type: "string", default: "dist" },
    port: { type: "string", default: "8080" },
    // Its own cache: the dev site differs from a deploy (local base URL, no offline worker), so sharing would evict both.
    cache: { type: "string", default: ".duet-cache/dev" },
    "no-cache": { type: "boolean", default: false },
    "search-shard-size": { type: "string", default: String(DEV_SHARD_SIZE) },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const port = Number(values.port);
const shardSize = Number(values["search-shard-size"]);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(shardSize) || shardSize < 1) {
  console.error("duet: --port takes 0–65535 and --search-shard-size a whole number of at least 1");
  process.exit(2);
}

function describe(r: DevResult): string {
  const seconds = `${(r.millis / 1000).toFixed(2)} s`;
  if (r.kind === "build") return `built ${r.stories} stories in ${seconds}`;
  const later = r.deferred > 0 ? ` (${r.deferred} list page(s) and sitemaps still being written)` : "";
  return `updated in ${seconds}: ${r.written} page(s) written${later}, ${r.removed} removed, ${r.indexed} of ${r.shards} search shard(s) indexed`;
}

const dev = await startDevServer({
  articles: values.articles,
  out: values.out,
  templates: path.join(root, "templates"),
  port,
  baseUrl: `http://localhost:${port}/`,
  // Without the cache, the session still needs one: a new, empty one.
  cacheDir: values["no-cache"] ? await mkdtemp(path.join(os.tmpdir(), "duet-dev-")) : values.cache,
  searchShardSize: shardSize,
  report: (outcome) => {
    for (const d of outcome.diagnostics) console.error(formatDiagnostic(d));
    if (outcome instanceof BuildError) {
      console.error(`duet: ${outcome.message}`);
      // As for builds: the stack of an unexpected failure only when asked for.
      if (outcome.cause && /\bduet\b/.test(process.env.DEBUG ?? "")) console.error(outcome.cause);
    } else console.log(`duet: ${describe(outcome)}`);
  },
});
console.log(`duet: serving ${dev.server.url} — edit articles/ or templates/ and open pages reload`);
