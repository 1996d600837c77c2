// `npm start`: build, serve on http://localhost:8080/, rebuild on every change and reload open pages.
import { watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "../src/build.ts";
import { BuildError, formatDiagnostic } from "../src/diagnostics.ts";
import { serveSite } from "../src/serve/index.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "articles" },
    out: { type: "string", default: "dist" },
    port: { type: "string", default: "8080" },
    // Its own cache: the dev site differs from a deploy (local base URL, no offline worker), so sharing would evict both.
    cache: { type: "string", default: ".duet-cache/dev" },
    "no-cache": { type: "boolean", default: false },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const port = Number(values.port);

/** One build; a failed build prints its diagnostics and leaves the served site as it was. */
async function rebuild(): Promise<boolean> {
  const started = performance.now();
  try {
    // The dev site gets the service-worker kill switch: a caching worker would hide edits.
    const result = await build({
      articles: values.articles,
      out: values.out,
      baseUrl: `http://localhost:${port}/`,
      killServiceWorker: true,
      ...(values["no-cache"] ? {} : { cacheDir: values.cache }),
    });
    for (const d of result.diagnostics) console.error(formatDiagnostic(d));
    console.log(`duet: rebuilt ${result.stories.length} stories in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return true;
  } catch (cause) {
    if (!(cause instanceof BuildError)) throw cause;
    for (const d of cause.diagnostics) console.error(formatDiagnostic(d));
    console.error(`duet: ${cause.message}`);
    return false;
  }
}

await rebuild();
const server = await serveSite(path.resolve(values.out), { port, liveReload: true });
console.log(`duet: serving ${server.url} — edit articles/ or templates/ and open pages reload`);

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> = Promise.resolve();
const schedule = () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(async () => {
      if (await rebuild()) server.reload();
    });
  }, 100);
};
for (const dir of [values.articles, path.join(root, "templates")]) watch(dir, { recursive: true }, schedule);
