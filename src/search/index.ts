// Index: one Pagefind record per story in search terms, the conversion table, and the search page's script.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import * as pagefind from "pagefind";
import { hashOf, hashOfAll, linkFiles, mapLimit, stampOf, unchanged, type BuildCache, type FileStamp } from "../cache/index.ts";
import type { ArticlePage } from "../render/index.ts";
import type { Lang } from "../types.ts";
import { buildConversionTable } from "./conversion-table.ts";
import { CONVERSION_FILE, createConverter } from "./convert.ts";
import { storiesOf, storyRecordHtml, type ResultVersion } from "./records.ts";
import { packedFileOf, PACKED_DIR, type PackedStory } from "./packed.ts";

export { termsOf, queryOf, phraseTermOf, hanCode, normalise } from "./tokens.ts";
export { CONVERSION_FILE, createConverter, identity } from "./convert.ts";
export type { ConversionTable, Converter } from "./convert.ts";
export { buildConversionTable } from "./conversion-table.ts";
export { storyRecordHtml, storiesOf } from "./records.ts";
export { packedFileCount, packedFileOf, PACKED_DIR } from "./packed.ts";


/** Files of Pagefind's own search interfaces, which Duet does not use. */
const UNUSED_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
  "wasm.unknown.pagefind",
];

/** Records handed to Pagefind at once. */
const ADD_BATCH = 256;

/** Sizes of the written index. */
export interface IndexSummary {
  /** Records indexed (one per story). */
  records: number;
  /** Files written under `pagefind/`. */
  files: number;
  /** Bytes of the conversion table. */
  tableBytes: number;
  /** True when the last build's index was reused unchanged. */
  reused: boolean;
}

/**
 * Builds the search index of the site into `<outDir>/pagefind/`. Pagefind's error results become thrown
 * errors; its service is always closed. With a cache, an index whose records are all unchanged is
 * linked from the last output instead (Pagefind cannot update an index, so any change rebuilds it).
 */
export async function indexSite(pages: readonly ArticlePage[], outDir: string, cache?: BuildCache, options: IndexOptions = {}): Promise<IndexSummary> {
  const packed = options.packedFiles ?? 0;
  const stories = storiesOf(pages);
  const texts = pages.flatMap((p) => [p.title, p.lead, ...p.keywords.map((k) => k.name)]);
  // Cutting OpenCC's dictionaries to the corpus takes over a second at 10,000 stories; the texts decide it.
  const table = cache ? cache.tables.get(hashOfAll(texts), () => buildConversionTable(texts)) : buildConversionTable(texts);
  const tableJson = JSON.stringify(table);
  const convert = createConverter(table);
  const recordOf = (story: Partial<Record<Lang, ArticlePage>>) => {
    if (!cache) return storyRecordHtml(story, convert);
    // A record depends on these fields of each version and on the conversion table, nothing else.
    const fields = (["zh", "en"] as const).map((lang) => {
      const p = story[lang];
      return p && [p.key, p.title, p.url, p.lead, p.dateText, p.dateIso, p.date.toSeconds(), p.keywords.map((k) => k.name)];
    });
    return cache.records.get(hashOf(tableJson, JSON.stringify(fields)), () => storyRecordHtml(story, convert));
  };
  const records = stories.map((story) => ({ url: (story.zh ?? story.en)!.url, content: recordOf(story) }));
  const bundlePath = path.join(outDir, "pagefind");
  const summary = { records: stories.length, tableBytes: Buffer.byteLength(tableJson) };
  const key = cache ? hashOfAll([cache.version, tableJson, String(packed), ...records.flatMap((r) => [r.url, r.content])]) : "";
  if (cache?.search?.key === key && (await allUnchanged(path.join(cache.out, "pagefind"), cache.search.files))) {
    await linkFiles(path.join(cache.out, "pagefind"), bundlePath, Object.keys(cache.search.files));
    cache.next.search = cache.search;
    return { ...summary, files: Object.keys(cache.search.files).length, reused: true };
  }
  // One index for both languages: every record is written in language-neutral search terms.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Records go to Pagefind's service in batches: its pipe stays busy without holding every record at once.
    for (let i = 0; i < records.length; i += ADD_BATCH) {
      await Promise.all(
        records.slice(i, i + ADD_BATCH).map(async (record) => {
          const added = await index.addHTMLFile(record);
          if (added.errors.length > 0) throw new Error(`Pagefind rejected ${record.url}: ${added.errors.join("; ")}`);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: bundlePath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  await writeFile(path.join(bundlePath, CONVERSION_FILE), tableJson);
  // Pagefind also writes its own search interfaces; Duet has its own, so they are not published.
  for (const unused of UNUSED_FILES) await rm(path.join(bundlePath, unused), { force: true });
  if (packed > 0) await packFragments(bundlePath, packed);
  const entries = await readdir(bundlePath, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(bundlePath, path.join(e.parentPath, e.name)));
  if (cache) {
    const stamps: Record<string, FileStamp> = {};
    await mapLimit(files, 16, async (file) => {
      const stamp = await stampOf(path.join(bundlePath, file));
      if (stamp) stamps[file] = stamp;
    });
    cache.next.search = { key, files: stamps };
  }
  return { ...summary, files: files.length, reused: false };
}

/** How the index is written. */
export interface IndexOptions {
  /**
   * Pack the results' display data into this many files (see packed.ts) and drop Pagefind's
   * one fragment file per story; 0 (the default) keeps the fragments. The search page must be told the same.
   */
  packedFiles?: number;
}

/**
 * Moves the display data of every Pagefind fragment (gzip, `pagefind_dcd` then JSON) into packed
 * files keyed by record id, then removes the fragments. Ids are sorted, so the files are reproducible.
 */
async function packFragments(bundle: string, count: number): Promise<void> {
  const dir = path.join(bundle, "fragment");
  const names = (await readdir(dir)).filter((name) => name.endsWith(".pf_fragment")).sort();
  const stories = await mapLimit(names, 16, async (name): Promise<[string, PackedStory]> => {
    const text = gunzipSync(await readFile(path.join(dir, name))).toString("utf8");
    const { meta } = JSON.parse(text.replace(/^pagefind_dcd/, "")) as { meta: Record<string, string | undefined> };
    const zh = meta.zh ? (JSON.parse(meta.zh) as ResultVersion) : undefined;
    const en = meta.en ? (JSON.parse(meta.en) as ResultVersion) : undefined;
    return [name.slice(0, -".pf_fragment".length), { date: meta.date ?? "", ...(zh ? { zh } : {}), ...(en ? { en } : {}) }];
  });
  const files = new Map<string, Record<string, PackedStory>>();
  for (const [id, story] of stories) {
    const file = packedFileOf(id, count);
    const entries = files.get(file) ?? {};
    entries[id] = story;
    files.set(file, entries);
  }
  await rm(path.join(bundle, PACKED_DIR), { recursive: true, force: true });
  await mkdir(path.join(bundle, PACKED_DIR), { recursive: true });
  await mapLimit([...files], 16, ([file, entries]) => writeFile(path.join(bundle, file), JSON.stringify(entries)));
  await rm(dir, { recursive: true });
}

/** True when every file of `files` under `dir` is still the one stamped. */
async function allUnchanged(dir: string, files: Record<string, FileStamp>): Promise<boolean> {
  const checks = await mapLimit(Object.entries(files), 16, ([file, stamp]) => unchanged(path.join(dir, file), stamp));
  return checks.every(Boolean);
}
