// The two sites the search benchmark compares: Duet's build of a generated corpus, and stock Pagefind over the same pages.
import { mkdir, readFile, readdir, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { build } from "../../src/build.ts";
import { generateCorpus } from "../corpus.ts";
import type { CorpusManifest } from "../corpus.ts";

/** Article pages only: the stories, not the search, archive or keyword pages. */
export const BASELINE_GLOB = "{zh,en}/s[0-9]*/index.html";

/** A corpus ready to build. */
export interface PreparedCorpus {
  /** Directory of the sources and `manifest.json`. */
  dir: string;
  manifest: CorpusManifest;
  /** True when an existing corpus with the same options was used as it was. */
  reused: boolean;
}

/** Reuses the corpus in `dir` when its manifest was generated with these options, else generates it there. */
export async function prepareCorpus(dir: string, pairs: number, seed: number): Promise<PreparedCorpus> {
  const wanted = { pairs, seed, format: "mix" as const, singleLanguageShare: 0.05 };
  const existing = await readFile(path.join(dir, "manifest.json"), "utf8")
    .then((text) => JSON.parse(text) as CorpusManifest)
    .catch(() => undefined);
  const same = existing && JSON.stringify(existing.options) === JSON.stringify(wanted) && existing.stories.length === pairs;
  if (existing && same) return { dir, manifest: existing, reused: true };
  const manifest = await generateCorpus({ ...wanted, outDir: dir });
  return { dir, manifest, reused: false };
}

/** What building both sites produced. */
export interface BuiltSites {
  /** Duet's output. */
  duetDir: string;
  /** Duet's search page script, relative to the site (`assets/search.<hash>.js`). */
  searchScript: string;
  /** Duet's output (linked, not copied) whose `pagefind/` is stock Pagefind over the article pages; absent when skipped. */
  baselineDir?: string;
  /** Pages Duet wrote, and its wall time. */
  duetPages: number;
  duetMillis: number;
  /** Pages stock Pagefind indexed, and its wall time. */
  baselinePages: number;
  baselineMillis: number;
}

/**
 * Builds Duet into `<work>/duet` (with `searchShardSize` stories per search index, default Duet's), then
 * (unless `withBaseline` is false) the baseline into `<work>/baseline`.
 */
export async function buildSites(corpusDir: string, work: string, withBaseline = true, searchShardSize?: number): Promise<BuiltSites> {
  const duetDir = path.join(work, "duet");
  const baselineDir = path.join(work, "baseline");
  const built = await build({ articles: path.resolve(corpusDir), out: duetDir, cwd: process.cwd(), searchShardSize });
  const searchScript = await findSearchScript(duetDir);
  const duet = { duetDir, searchScript, duetPages: built.pages, duetMillis: built.millis };
  if (!withBaseline) return { ...duet, baselinePages: 0, baselineMillis: 0 };
  // The baseline site is Duet's output seen through links, less Duet's index and search script (no 3,000-page copy).
  await mirrorExcept(duetDir, baselineDir, ["pagefind", searchScript]);
  // An empty module in place of Duet's client keeps the search page's HTML and CSS as the baseline's page shell
  // while the benchmark drives Pagefind's own API in its place.
  await writeFile(path.join(baselineDir, searchScript), "// Duet's search client is left out of the baseline.\n");
  const started = performance.now();
  const baselinePages = await indexStock(duetDir, baselineDir);
  return { ...duet, baselineDir, baselinePages, baselineMillis: performance.now() - started };
}

/** Recreates `from` at `to` as symbolic links, leaving out the `except` paths (relative, `/`-separated). */
async function mirrorExcept(from: string, to: string, except: readonly string[], under = ""): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    const rel = under ? `${under}/${name}` : name;
    if (except.includes(rel)) continue;
    if (except.some((e) => e.startsWith(`${rel}/`))) await mirrorExcept(path.join(from, name), path.join(to, name), except, rel);
    else await symlink(path.join(from, name), path.join(to, name));
  }
}

/** The search page's own script, as its `<script src>` names it (asset names carry a content hash). */
async function findSearchScript(site: string): Promise<string> {
  const html = await readFile(path.join(site, "zh", "search", "index.html"), "utf8");
  const src = /<script[^>]*\ssrc="\/?([^"]*assets\/search[^"\/]*\.js)"/.exec(html)?.[1];
  if (!src) throw new Error(`no search script in ${path.join(site, "zh", "search", "index.html")}`);
  return src;
}

/** Pagefind as it comes (no options) over the article pages of `site`, written to `out/pagefind/`; returns the page count. */
async function indexStock(site: string, out: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: site, glob: BASELINE_GLOB });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(out, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Total size and file count of a set of files and folders. */
export interface BundleSize {
  bytes: number;
  /** Each file gzipped at zlib's default level, or as it is when it is a gzip stream already (Pagefind's index files). */
  gzipBytes: number;
  files: number;
}

/** Adds up every file under each of `paths` (files count as themselves). */
export async function measureBundle(paths: readonly string[]): Promise<BundleSize> {
  let bytes = 0;
  let gzipBytes = 0;
  let files = 0;
  for (const root of paths) {
    const info = await stat(root);
    const entries = info.isDirectory()
      ? (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
      : [root];
    for (const file of entries) {
      const body = await readFile(file);
      bytes += body.length;
      gzipBytes += body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body).length;
      files++;
    }
  }
  return { bytes, gzipBytes, files };
}
