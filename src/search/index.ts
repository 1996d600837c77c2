// Index: one Pagefind record per story in search terms, the conversion table, and the search page's script.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { watchChildren } from "../children.ts";
import { linkFiles, type FileStamp } from "../shared/files.ts";
import { hashOf, hashOfAll } from "../shared/hash.ts";
import type { ArticlePage } from "../render/index.ts";
import type { Lang } from "../types.ts";
import { buildConversionTable } from "./conversion-table.ts";
import { CONVERSION_FILE, createConverter, type ConversionTable } from "./convert.ts";
import { recordFields, storiesOf, storyRecordHtml } from "./records.ts";
import { allUnchanged, listBundleFiles, packFragments, shareWasm, stampFiles } from "./bundle-files.ts";
import { searchLayout, type SearchShard } from "../shared/search-layout.ts";

export { termsOf, queryOf, phraseTermOf, formTermsOf, inflectionBase, hanCode, normalise } from "./tokens.ts";
export { CONVERSION_FILE, createConverter, identity } from "./convert.ts";
export type { ConversionTable, Converter } from "./convert.ts";
export { buildConversionTable } from "./conversion-table.ts";
export { recordFields, storyRecordHtml, storiesOf } from "./records.ts";
export { packedFileOf, PACKED_DIR } from "./packed.ts";
export { packedFileCount } from "../shared/search-layout.ts";
export { searchLayout, SHARD_SIZE, type SearchShard } from "../shared/search-layout.ts";


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
  /** Pagefind indexes (shards) in the bundle. */
  shards: number;
  /** Shards linked unchanged from the last build's output; the others were indexed anew. */
  reusedShards: number;
  /** The Traditional → Simplified table written beside the index. */
  table: ConversionTable;
}

/** One shard of the last search bundle: its folder, the hash of its records and its files (relative to the bundle). */
export interface SearchStamp {
  dir: string;
  key: string;
  files: Record<string, FileStamp>;
}

/** Remembers a value by a content key, computing it on a miss (a build cache's memo; see cache/). */
export interface Remembered<T> {
  get(key: string, compute: () => T): T;
}

/** What indexing asks of a build cache to reuse records, tables and unchanged shards of the last output (see cache/). */
export interface SearchReuse {
  /** Hash of the code the cached results were made by: part of every shard's key. */
  version: string;
  /** The last output folder (absolute), whose search bundle may be linked. */
  out: string;
  /** Search records (HTML for Pagefind) by the hash of the story fields they are made from. */
  records: Remembered<string>;
  /** Traditional → Simplified tables by the hash of the texts they were cut to. */
  tables: Remembered<ConversionTable>;
  /** The last build's search bundle, by shard. */
  search?: readonly SearchStamp[];
  /** Filled in by this build for the next. */
  next: { search?: SearchStamp[] };
}

/** How the index is written. */
export interface IndexOptions {
  /** The bundle's layout (see shared/search-layout.ts), as the plan told the search page; default: `searchLayout` of the stories. */
  shards?: readonly SearchShard[];
}

/** Files Pagefind writes into every index folder that only the first shard's folder keeps. */
const ROOT_ONLY_FILES = ["pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"];

/**
 * Builds the search index of the site into `<outDir>/pagefind/`, one Pagefind index per shard of
 * the layout, one after another, each in a Pagefind process of its own so that only one shard's index is
 * ever in memory. Pagefind's error results become thrown errors; its service is always closed. With a
 * cache, a shard whose records are all unchanged is linked from the last output instead (Pagefind cannot
 * update an index, so any change to a shard's records indexes that shard again).
 */
export async function indexSite(pages: readonly ArticlePage[], outDir: string, cache?: SearchReuse, options: IndexOptions = {}): Promise<IndexSummary> {
  const stories = storiesOf(pages);
  const layout = options.shards ?? searchLayout(stories.length);
  const planned = layout.reduce((n, shard) => n + shard.stories, 0);
  if (planned !== stories.length) throw new Error(`the search layout holds ${planned} stories, the site has ${stories.length}`);
  const texts = pages.flatMap((p) => [p.title, p.lead, ...p.keywords.map((k) => k.name)]);
  // Cutting OpenCC's dictionaries to the corpus is slow on a large site; the texts decide it.
  const table = cache ? cache.tables.get(hashOfAll(texts), () => buildConversionTable(texts)) : buildConversionTable(texts);
  const recordOf = recordMaker(table, cache?.records);
  const bundlePath = path.join(outDir, "pagefind");
  const stamps: SearchStamp[] = [];
  let files = 0;
  let reusedShards = 0;
  const members = shardStories(stories, layout);
  // The first shard comes first: its folder is the bundle itself, and it is listed before any other is written.
  for (const [at, shard] of layout.entries()) {
    const records = members[at]!.map(recordOf);
    // The index is made from the records alone (the table is written beside it), so they are its key.
    const key = cache ? hashOfAll([cache.version, shard.dir, String(shard.packed), ...records.flatMap((r) => [r.url, r.content])]) : "";
    const last = cache?.search?.find((s) => s.dir === shard.dir && s.key === key);
    if (cache && last && (await allUnchanged(path.join(cache.out, "pagefind"), last.files))) {
      await linkFiles(path.join(cache.out, "pagefind"), bundlePath, Object.keys(last.files));
      stamps.push(last);
      files += Object.keys(last.files).length;
      reusedShards++;
      continue;
    }
    await writeShard(records, path.join(bundlePath, shard.dir), shard);
    const written = await listBundleFiles(path.join(bundlePath, shard.dir), bundlePath);
    files += written.length;
    if (cache) stamps.push({ dir: shard.dir, key, files: await stampFiles(bundlePath, written) });
  }
  const tableJson = JSON.stringify(table);
  await writeFile(path.join(bundlePath, CONVERSION_FILE), tableJson);
  if (cache) cache.next.search = stamps;
  return { records: stories.length, files: files + 1, tableBytes: Buffer.byteLength(tableJson), shards: layout.length, reusedShards, table };
}

/** One story's search record: the URL of its first version, and the HTML Pagefind indexes. */
export interface SearchRecord {
  url: string;
  content: string;
}

/** Makes stories' search records with a conversion table, reusing those `records` holds (keyed by the table and the story's fields). */
export function recordMaker(table: ConversionTable, records?: Remembered<string>): (story: StoryPages) => SearchRecord {
  const tableJson = JSON.stringify(table);
  const convert = createConverter(table);
  return (story) => {
    const content = records ? records.get(hashOf(tableJson, JSON.stringify(recordFields(story))), () => storyRecordHtml(story, convert)) : storyRecordHtml(story, convert);
    return { url: (story.zh ?? story.en)!.url, content };
  };
}

/** The article pages of one story, by language (what its search record is made from). */
export type StoryPages = Partial<Record<Lang, ArticlePage>>;

/** Each shard's stories (from `storiesOf`), as `layout` cuts them: oldest first, by date then key. */
export function shardStories(stories: readonly StoryPages[], layout: readonly SearchShard[]): StoryPages[][] {
  const ordered = oldestFirst(stories);
  let next = 0;
  return layout.map((shard) => ordered.slice(next, (next += shard.stories)));
}

/** Stories oldest first, by date then key: the order shards are cut in (see shared/search-layout.ts). */
function oldestFirst(stories: readonly StoryPages[]): StoryPages[] {
  const firstOf = (story: StoryPages) => (story.zh ?? story.en)!;
  return stories
    .map((story) => ({ story, millis: firstOf(story).date.toMillis(), key: firstOf(story).key }))
    .sort((a, b) => a.millis - b.millis || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((s) => s.story);
}

/** Hands `records` to a new Pagefind index and writes it into `dir`; Pagefind's error results become thrown errors. */
async function indexRecords(records: readonly SearchRecord[], dir: string): Promise<void> {
  // Every record is written in language-neutral search terms, so one index serves both languages.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
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
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
}

/**
 * Indexes one shard's records into `dir` in a Pagefind process of its own. Only the first shard keeps
 * Pagefind's script and WebAssembly; the others' entry files point at the first's WebAssembly (see
 * `shareWasm`), which the search page then loads once. Files of an earlier index in `dir` are not removed.
 */
export async function writeShard(records: readonly SearchRecord[], dir: string, shard: SearchShard): Promise<void> {
  // Pagefind's library never settles its promises should its process die (a panic on a full disk):
  // every call races the process's exit.
  const service = watchChildren("Pagefind's indexing process");
  try {
    await Promise.race([indexRecords(records, dir), service.died]);
  } finally {
    service.stop();
    // Closing ends Pagefind's process, and with it the memory the shard's index took.
    await pagefind.close();
  }
  // Pagefind also writes its own search interfaces; Duet has its own, so they are not published.
  const unused = shard.dir === "" ? UNUSED_FILES : [...UNUSED_FILES, ...ROOT_ONLY_FILES];
  for (const file of unused) await rm(path.join(dir, file), { force: true });
  if (shard.dir !== "") await shareWasm(dir, shard.dir);
  if (shard.packed > 0) await packFragments(dir, shard.packed);
}
