// @ts-check
// Runs one of Duet's commands (`node scripts/launch.mjs scripts/build.ts …`) from a bundle of its
// TypeScript made by esbuild and kept in node_modules/.cache/duet/, under the hash of Duet's sources: tsx's
// loader sees every module Node loads, Eleventy's hundreds included, and costs a build about half a second
// to start (bench/RESULTS.md). An edited source makes a new bundle on the next run. Where no bundle can be made or
// kept (a read-only checkout), the command runs through tsx, as `node --import tsx` would run it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "..");
/** What a bundle is made from: a change to any of these makes a new one. */
const SOURCES = ["src", "scripts", ".eleventy.ts", "package-lock.json", "tsconfig.json"];
/** Bundles unused for this long (made for sources since edited) are removed: a command running from one is long done. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The bundle of the command at `entry` and of the Eleventy adapter for the sources as they are now,
 * made when missing. Throws when it can be neither found nor made.
 * @param {string} entry
 */
async function bundled(entry) {
  const name = path.basename(entry, ".ts");
  const home = path.join(ROOT, "node_modules", ".cache", "duet");
  const dir = path.join(home, `${sourceHash()}-${name}`);
  const main = path.join(dir, `${name}.mjs`);
  const adapter = path.join(dir, "eleventy-adapter.mjs");
  if (existsSync(main) && existsSync(adapter)) {
    // Marked as used: bundles are removed once unused for a day.
    utimesSync(dir, new Date(), new Date());
    return { main, adapter };
  }
  const { build } = await import("esbuild");
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: { [name]: entry, "eleventy-adapter": path.join(ROOT, ".eleventy.ts") },
    outdir: temp,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Modules loaded on demand (the photo encoder) stay apart, and so still load only on demand.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "silent",
    plugins: [sourcePlaces],
  });
  mkdirSync(home, { recursive: true });
  try {
    renameSync(temp, dir);
  } catch (cause) {
    // Another command made the same bundle first: theirs is as good.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(main)) throw cause;
  }
  removeStale(home, dir);
  return { main, adapter };
}

/** The hash of every file the bundles are made from, by path and content. */
function sourceHash() {
  // The checkout too: bundles hold its paths, and checkouts may share one node_modules.
  const hash = createHash("sha256").update(process.version).update("\0").update(ROOT).update("\0");
  const files = SOURCES.flatMap((item) => {
    const abs = path.join(ROOT, item);
    if (!statSync(abs).isDirectory()) return [abs];
    return readdirSync(abs, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  });
  for (const file of files.sort()) hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/**
 * Keeps each module's own place: `import.meta.dirname` and `import.meta.url` are written in as the
 * source file's, so a module finds the templates and scripts beside it from inside the bundle too.
 * @type {import("esbuild").Plugin}
 */
const sourcePlaces = {
  name: "source-places",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (load) => {
      if (load.path.split(path.sep).includes("node_modules")) return undefined;
      const text = readFileSync(load.path, "utf8")
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(load.path)))
        .replaceAll("import.meta.filename", JSON.stringify(load.path))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(load.path).href));
      return { contents: text, loader: "ts" };
    });
  },
};

/**
 * Removes the bundles no command has started from for a day.
 * @param {string} home
 * @param {string} current
 */
function removeStale(home, current) {
  for (const entry of readdirSync(home)) {
    const dir = path.join(home, entry);
    if (dir !== current && Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

// The command, run once the constants above are set.
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/launch.mjs scripts/<command>.ts [options]");
  process.exit(2);
}
const entry = path.resolve(ROOT, script);
// The command reads its options from process.argv, as if started on its own.
process.argv = [process.argv[0] ?? "node", entry, ...args];

const verbose = args.includes("--verbose") || Boolean(process.env.DEBUG);
// Eleventy registers a module loader hook (its own documented switch turns it off) so that a watching session
// imports edited files afresh. A command runs once, and the hook's loader thread cost it about 0.15 s.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
const bundle = await bundled(entry).catch((cause) => void (verbose && console.error("duet: running through tsx, no bundle:", cause)));
if (bundle) {
  // The Eleventy adapter, compiled alongside, stands in for .eleventy.ts (see src/render/runs.ts).
  process.env.DUET_COMPILED_ADAPTER = `${path.join(ROOT, ".eleventy.ts")}\n${bundle.adapter}`;
  if (verbose) process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle.main).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(entry).href);
}

