// Processing the photos the articles use: check each file, encode it once (or reuse the cache), and report every problem.
import { copyFile, link, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { error, quote, warning } from "../diagnostics.ts";
import { mapLimit } from "../shared/concurrency.ts";
import { sameStamp } from "../shared/files.ts";
import { ROOT_PATHS, type Diagnostic, type ImageSet } from "../types.ts";
import { decodeSrc, type ImageUse } from "./find.ts";
import { renditionsToImageSet, MEDIA_URL } from "./image-set.ts";
import { findImageFile, readImage, type ImageProblem } from "./locate.ts";
import type { Rendition } from "./render.ts";
import { openStore, pruneStore, saveStore, storedRenditions, storeRenditions } from "./store.ts";
import { makeImageTable, type ImageTable } from "./table.ts";

/** Options of `processImages`. */
export interface ProcessOptions {
  /** The working directory the photo paths are relative to. */
  cwd: string;
  /** The articles folder (absolute): photos outside it are refused. */
  articlesDir: string;
  /** The build cache folder (absolute): renditions are kept in its `images/` folder and reused by later builds. */
  cacheDir?: string;
}

/** What `processImages` produced. */
export interface ProcessedImages {
  /** Each article's processed photos. */
  table: ImageTable;
  /** Every problem with a photo, on the line that names it (errors, and `image/no-alt` warnings). */
  diagnostics: Diagnostic[];
  /** Every rendition to publish: its file and its site-relative URL (`/media/<name>`), sorted by URL. */
  files: { from: string; url: string }[];
  /** Photos encoded by this run. */
  processed: number;
  /** Photos whose renditions the cache already held. */
  reused: number;
  /** Time taken, in milliseconds. */
  millis: number;
  /** The folder the renditions are in. */
  dir: string;
  /** True when `dir` is a temp folder for `disposeImages` to remove. */
  temporary: boolean;
}

/** Photos encoded at once: each encode already keeps libvips' threads busy, and a large photo's pixels take memory. */
const ENCODERS = 2;
/** Photos read and hashed at once (each at most 20 MB held in memory). */
const READERS = 8;

/**
 * The encoder (eleventy-img and sharp, about a quarter of a second to load), loaded only when a photo must be
 * hashed or encoded: a build whose photos are all as the cache knows them, or that has none, never loads it.
 */
let encoder: Promise<typeof import("./render.ts")> | undefined;
const loadEncoder = () => (encoder ??= import("./render.ts"));

/** What became of one photo: its renditions, or the problem with it. */
type Outcome = Rendition[] | ImageProblem;

/**
 * Processes every photo the uses name: each file is checked (found, inside the articles folder, at most
 * 20 MB, decodable) and encoded once into its renditions, or taken from the cache when its bytes and the
 * rendition options are unchanged (then sharp is not called at all). Problems are diagnostics, never throws.
 */
export async function processImages(uses: readonly ImageUse[], options: ProcessOptions): Promise<ProcessedImages> {
  const started = performance.now();
  const store = await openStore(options.cacheDir);
  const encodeSlot = limiter(ENCODERS);
  const byKey = new Map<string, Promise<Outcome>>();
  const counts = { processed: 0, reused: 0 };
  const used = { keys: new Set<string>(), files: new Set<string>() };
  // A photo's bytes are held only while it is hashed and, on a cache miss, encoded: the same bytes under two names are encoded once.
  const renditionsOf = async (key: string, bytes: Buffer): Promise<Outcome> => {
    const stored = await storedRenditions(store, key);
    counts[stored ? "reused" : "processed"]++;
    if (stored) return stored;
    const encoded = await encodeSlot(async () => (await loadEncoder()).encodeImage(bytes, key));
    return Array.isArray(encoded) ? storeRenditions(store, key, encoded) : encoded;
  };
  const paths = [...new Set(uses.map((u) => u.path))];
  const outcomes = new Map(
    await mapLimit(paths, READERS, async (p): Promise<[string, Outcome]> => {
      const found = await findImageFile(p, options);
      if ("code" in found) return [p, found];
      // A file whose stamp is the one its key was made from is not read again.
      const seen = store.files.get(found.real);
      const stored = seen && sameStamp(seen, found.stamp) ? await storedRenditions(store, seen.key) : undefined;
      used.files.add(found.real);
      if (stored) return (counts.reused++, used.keys.add(seen!.key), [p, stored]);
      const bytes = await readImage(found);
      if ("code" in bytes) return [p, bytes];
      const key = (await loadEncoder()).imageKey(bytes);
      used.keys.add(key);
      store.files.set(found.real, { ...found.stamp, key });
      store.changed = true;
      if (!byKey.has(key)) byKey.set(key, renditionsOf(key, bytes));
      return [p, await byKey.get(key)!];
    }),
  );
  await pruneStore(store, used);
  await saveStore(store);
  const result = collect(uses, (p) => outcomes.get(p)!, store.dir);
  return { ...result, ...counts, millis: performance.now() - started, dir: store.dir, temporary: store.temporary };
}

/** Runs tasks with at most `slots` at once; a finished task hands its slot straight to the next waiting. */
function limiter(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = slots;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

/** The table, diagnostics and files from each photo's outcome: its renditions, or the problem with it. */
function collect(uses: readonly ImageUse[], outcomeOf: (path: string) => Outcome, dir: string) {
  const diagnostics: Diagnostic[] = [];
  const entries: { file: string; written: string; set: ImageSet }[] = [];
  const files = new Map<string, string>();
  for (const use of uses) {
    const shown = quote(use.lead ? use.written : decodeSrc(use.written));
    if (!use.lead && use.alt === "") diagnostics.push(warning(use.file, use.line, "image/no-alt", `image ${shown} has no alt text: say what it shows between the brackets, ![…](…)`));
    const outcome = outcomeOf(use.path);
    if (!Array.isArray(outcome)) {
      diagnostics.push(error(use.file, use.line, outcome.code, `image ${shown} ${outcome.says}`));
      continue;
    }
    entries.push({ file: use.file, written: use.written, set: renditionsToImageSet(outcome) });
    for (const r of outcome) files.set(`${MEDIA_URL}${r.name}`, path.join(dir, r.name));
  }
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([url, from]) => ({ from, url }));
  return { table: makeImageTable(entries), diagnostics, files: sorted };
}

/** Puts the renditions into `<staging>/media/`: hard links when the file system allows, else copies. */
export async function writeImages(result: ProcessedImages, staging: string): Promise<void> {
  if (result.files.length === 0) return;
  const media = path.join(staging, ROOT_PATHS.media);
  await mkdir(media, { recursive: true });
  await mapLimit(result.files, 16, async (file) => {
    const to = path.join(media, path.posix.basename(file.url));
    await link(file.from, to).catch(async (cause: NodeJS.ErrnoException) => {
      // Names are content hashes: a file already there is this one.
      if (cause.code !== "EEXIST") await copyFile(file.from, to);
    });
  });
}

/** Removes the temp folder of a run without a cache (a cache's renditions are kept). */
export async function disposeImages(result: ProcessedImages): Promise<void> {
  if (result.temporary) await rm(result.dir, { recursive: true, force: true });
}
