// `npm start`: build into the dev server's own folder, serve it on http://localhost:8080/, bring it up
// to date on every change and reload open pages. It never writes a deploy's output (`dist/`).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { guardChildren } from "../src/children.ts";
import { DEV_SHARD_SIZE, devFolders } from "../src/dev/index.ts";
import { startDevServer } from "../src/dev/server.ts";
import { createDevReport } from "../src/dev/terminal.ts";
import { failUnexpectedly, parseCommand, USAGE_ERROR, verbose, wholeValue } from "./cli.ts";

const { values: given } = parseCommand("npm start --", "Serves the site while you edit: builds it into the dev server's own folder (never dist/), brings it up to date on every change to the articles or templates, and reloads open pages; errors show over them.", {
  articles: { type: "string", value: "DIR", default: "articles", help: "article sources" },
  port: { type: "string", value: "N", default: "8080", whole: { min: 1, max: 65535 }, help: "port to serve on, at http://localhost:N/" },
  // Its own cache: the dev site differs from a deploy (local base URL, no offline worker), so sharing would evict both.
  cache: { type: "string", value: "DIR", default: ".duet-cache/dev", help: "the dev server's folder: the site it serves (DIR/site) and its build cache (DIR/cache)" },
  "no-cache": { type: "boolean", help: "start from an empty build cache, and leave DIR/cache alone" },
  "search-shard-size": { type: "string", value: "N", default: String(DEV_SHARD_SIZE), whole: { min: 1 }, help: "most stories per search shard (shards are cut by month): an edit indexes one shard again" },
});
const values = given as Record<"articles" | "port" | "cache" | "search-shard-size", string> & Record<"no-cache", boolean>;
const port = wholeValue(values.port)!;
const folders = devFolders(values.cache);

// A deploy's output is the build's alone: a dev folder inside it would change it.
const production = path.resolve("dist");
const devDir = path.resolve(values.cache);
if (devDir === production || devDir.startsWith(production + path.sep)) {
  console.error(`duet: --cache ${values.cache} lies inside dist/, which npm start never writes; see --help`);
  process.exit(USAGE_ERROR);
}

guardChildren();
// Exiting (rather than dying of the signal) runs the exit hooks: no staging folder or child process is left.
for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) process.once(signal, () => process.exit(status));
process.on("uncaughtException", (cause) => failUnexpectedly(cause, "npm start stopped"));
try {
  const dev = await startDevServer({
    articles: values.articles,
    out: folders.site,
    templates: path.resolve(import.meta.dirname, "../templates"),
    port,
    baseUrl: `http://localhost:${port}/`,
    // Without the cache, the session still needs one: a new, empty one.
    cacheDir: values["no-cache"] ? await mkdtemp(path.join(os.tmpdir(), "duet-dev-")) : folders.cache,
    searchShardSize: wholeValue(values["search-shard-size"]),
    report: createDevReport({ log: (line) => console.log(line), error: (line) => console.error(line), verbose }),
  });
  console.log(`duet: serving ${dev.server.url} from ${folders.site} — edit ${values.articles}/ or templates/ and open pages reload`);
} catch (cause) {
  if ((cause as NodeJS.ErrnoException).code !== "EADDRINUSE") failUnexpectedly(cause, "npm start failed");
  console.error(`duet: port ${port} is in use (another npm start?); stop it or choose another port with --port`);
  process.exit(1);
}
