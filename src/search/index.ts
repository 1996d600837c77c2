// Index: one Pagefind record per story in search terms, the conversion table, and the search page's script.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { linkFiles, type FileStamp } from "../shared/files.ts";
import { allSettled, bothSettled } from "../shared/concurrency.ts";
import type { OutputLook } from "../shared/output-look.ts";
import { hashOf, hashOfAll } from "../shared/hash.ts";
import type { ArticlePage } from "../render/index.ts";
import { scanTexts, tableFromScans, type TextScan } from "./conversion-table.ts";
import { CONVERSION_FILE, tableFor, type ConversionTable } from "./convert.ts";
import { storiesOf } from "./records.ts";
import { firstOf, pendingRecordMaker, shardStories, type GroupedRemembered, type PendingRecord } from "./pending.ts";
import { allStillStamped, listBundleFiles, stampFiles } from "./bundle-files.ts";
import { periodOf, searchLayout, type SearchShard } from "../shared/search-layout.ts";
import { writeShards } from "./write-shards.ts";

export { termsOf, queryOf, phraseTermOf, formTermsOf, inflectionBase, hanCode, normalise } from "./tokens.ts";
export { CONVERSION_FILE, createConverter, identity, tableFor } from "./convert.ts";
export type { ConversionTable, Converter } from "./convert.ts";
export { buildConversionTable, scanTexts, tableFromScans, type TextScan } from "./conversion-table.ts";
export { recordFields, storyRecordHtml, storiesOf } from "./records.ts";
export { packedFileOf, PACKED_DIR } from "./packed.ts";
export { packedFileCount } from "../shared/search-layout.ts";
export { searchLayout, periodOf, SHARD_SIZE, SHARD_MIN, SHARD_TAIL, type SearchShard } from "../shared/search-layout.ts";
export { writeShards, processesFor, type SearchRecord, type ShardJob } from "./write-shards.ts";
export { pendingRecordMaker, recordMaker, shardStories, type GroupedRemembered, type PendingRecord, type StoryPages } from "./pending.ts";

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
  /**
   * The part of the conversion table the shard's texts can use, as it was worked out: `of` hashes the texts
   * and the whole table, `hash` is the part's. Working it out reads every text of the shard, so a build whose
   * shard texts and table are as they were takes it from here.
   */
  part?: { of: string; hash: string };
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
  /** Search records (HTML for Pagefind) by the hash of the story fields they are made from, grouped by shard folder. */
  records: GroupedRemembered<string>;
  /** What each part of the corpus brings to the Traditional → Simplified table, by the hash of its texts. */
  scans: Remembered<TextScan>;
  /** The last build's search bundle, by shard. */
  search?: readonly SearchStamp[];
  /** Filled in by this build for the next. */
  next: { search?: SearchStamp[] };
  /** The last output's files (search files as `pagefind/<file>`) as a worker thread looked at them, and that worker, which links them. */
  look?: OutputLook;
}

/** How the index is written. */
export interface IndexOptions {
  /** The bundle's layout (see shared/search-layout.ts), as the plan told the search page; default: `searchLayout` of the stories. */
  shards?: readonly SearchShard[];
}

/**
 * Builds the search index of the site into `<outDir>/pagefind/`, one Pagefind index per shard of the
 * layout (shards of publication periods: shared/search-layout.ts), a few at once (see `writeShards`).
 * With a cache, a shard whose records are all unchanged is linked from the last output instead (Pagefind
 * cannot update an index, so any change to a shard's records indexes that shard again); a new story
 * changes only the newest shard, an edit only its period's.
 */
export async function indexSite(pages: readonly ArticlePage[], outDir: string, cache?: SearchReuse, options: IndexOptions = {}): Promise<IndexSummary> {
  return (await planIndex(pages, outDir, cache, options)).write();
}

/** The search index once planned: how much of it Pagefind must make again, and how to write it. */
export interface PlannedIndex {
  /** Stories in the shards Pagefind indexes again (all of them without a cache). */
  stories: number;
  /** Links the unchanged shards from the last output, indexes the others and writes the conversion table. */
  write(): Promise<IndexSummary>;
}

/**
 * The first half of `indexSite`: the layout, the conversion table, and which shards are unchanged since
 * the last output. Nothing is written until `write` is called, so a build can decide, from `stories`,
 * whether Pagefind's process may run beside its other work.
 */
export async function planIndex(pages: readonly ArticlePage[], outDir: string, cache?: SearchReuse, options: IndexOptions = {}): Promise<PlannedIndex> {
  const stories = storiesOf(pages);
  const layout = options.shards ?? searchLayout(stories.map((story) => periodOf(firstOf(story).dateIso)));
  const planned = layout.reduce((n, shard) => n + shard.stories, 0);
  if (planned !== stories.length) throw new Error(`the search layout holds ${planned} stories, the site has ${stories.length}`);
  const members = shardStories(stories, layout);
  // Cutting OpenCC's dictionaries to the corpus is slow on a large site: each shard's texts are read for it
  // only when they changed (a new story reads the newest shard's).
  const scans = members.map((shard) => {
    const texts = shard.flatMap((story) => Object.values(story).flatMap((p) => [p.title, p.lead, ...p.keywords.map((k) => k.name)]));
    return cache ? cache.scans.get(hashOfAll(texts), () => scanTexts(texts)) : scanTexts(texts);
  });
  const table = tableFromScans(scans);
  const recordOf = pendingRecordMaker(table);
  const tableJson = JSON.stringify(table);
  const lines = await Promise.all(layout.map((shard, at) => reuseOf(members[at]!.map(recordOf), shard, { table, json: tableJson }, cache)));
  const fresh = lines.reduce((n, line) => n + (line.last ? 0 : line.shard.stories), 0);
  const index = { lines, layout, table, tableJson, bundlePath: path.join(outDir, "pagefind"), records: stories.length };
  return { stories: fresh, write: () => writeIndex(index, cache) };
}

/** What `planIndex` found, for `writeIndex`. */
interface IndexLines {
  lines: ShardLine[];
  layout: readonly SearchShard[];
  table: ConversionTable;
  tableJson: string;
  bundlePath: string;
  /** Stories in the whole index. */
  records: number;
}

/** Links the unchanged shards, indexes the others, writes the conversion table and, with a cache, the shards' stamps. */
async function writeIndex({ lines, layout, table, tableJson, bundlePath, records }: IndexLines, cache?: SearchReuse): Promise<IndexSummary> {
  const reused = lines.filter((line) => line.last !== undefined);
  const fresh = lines.filter((line) => line.last === undefined);
  // Only the shards indexed again need their records' content: a cache reads the others' records not at all.
  cache?.records.keepOnly?.(layout.map((shard) => shard.dir));
  const made = (shard: SearchShard, record: PendingRecord) => ({ url: record.url, content: cache ? cache.records.get(shard.dir, record.key(), record.make) : record.make() });
  const jobs = fresh.map(({ records, shard }) => ({ records: records.map((record) => made(shard, record)), shard, dir: path.join(bundlePath, shard.dir) }));
  // A shard's files lie in its own folder, apart from the others' (the first shard's leave theirs out): the
  // unchanged shards are linked by the look's worker while Pagefind writes the others (after it, without one).
  const from = path.join(cache?.out ?? "", "pagefind");
  const linked = allSettled(reused.map(({ last }) => cache!.look?.link(from, bundlePath, Object.keys(last!.files)) ?? Promise.resolve()));
  // Both settle before a failure of either is thrown (the staging folder is then removed). The worker links one shard at a time.
  await bothSettled(writeShards(jobs), linked);
  if (!cache?.look) for (const { last } of reused) await linkFiles(from, bundlePath, Object.keys(last!.files));
  const stamps: SearchStamp[] = [];
  let files = 0;
  for (const { shard, key, last, part } of lines) {
    // The first shard's folder is the bundle itself: the other shards' folders inside it are theirs.
    const written = last ? Object.keys(last.files) : ownFiles(await listBundleFiles(path.join(bundlePath, shard.dir), bundlePath), shard, layout);
    files += written.length;
    if (cache) stamps.push({ ...(last ?? { dir: shard.dir, key, files: await stampFiles(bundlePath, written) }), part });
  }
  await writeFile(path.join(bundlePath, CONVERSION_FILE), tableJson);
  if (cache) cache.next.search = stamps;
  return { records, files: files + 1, tableBytes: Buffer.byteLength(tableJson), shards: layout.length, reusedShards: reused.length, table };
}

/** A shard's records (not yet made), their key, and the last build's stamp of it when it can be linked unchanged. */
interface ShardLine {
  shard: SearchShard;
  records: PendingRecord[];
  key: string;
  last?: SearchStamp;
  /** The part of the table the shard's texts can use (see `SearchStamp`), with a cache. */
  part?: SearchStamp["part"];
}

/** Whether the last output holds `shard` as these records make it, its files untouched since (then `last` is its stamp). */
async function reuseOf(records: PendingRecord[], shard: SearchShard, table: { table: ConversionTable; json: string }, cache?: SearchReuse): Promise<ShardLine> {
  if (!cache) return { shard, records, key: "" };
  // The index is made from the records alone (the table is written beside it), and a record from its story's
  // fields and the part of the table its texts can use: the shard's fields and the part of the table all its
  // texts can use decide every record, without working out each record's key. (Joined by NUL, which no
  // phrase holds, the texts are looked at as one.)
  const texts = records.flatMap((r) => r.texts()).join("\u0000");
  const of = hashOf(texts, table.json);
  const known = cache.search?.find((s) => s.dir === shard.dir && s.part?.of === of)?.part;
  const part = known ?? { of, hash: hashOf(JSON.stringify(tableFor([texts], table.table))) };
  const key = hashOfAll([cache.version, shard.dir, String(shard.packed), part.hash, ...records.flatMap((r) => [r.url, r.fields()])]);
  const last = cache.search?.find((s) => s.dir === shard.dir && s.key === key);
  const looked = last && (await cache.look?.stamps());
  const files = last && allStillStamped(path.join(cache.out, "pagefind"), last.files, looked);
  return { shard, records, key, part, ...(files && { last: { ...last, files } }) };
}

/** The files of `shard` among `files` (relative to the bundle): the first shard's leave out the other shards' folders. */
function ownFiles(files: readonly string[], shard: SearchShard, layout: readonly SearchShard[]): string[] {
  if (shard.dir !== "") return [...files];
  const others = layout.filter((s) => s.dir !== "").map((s) => s.dir);
  return files.filter((file) => !others.some((dir) => file.split(path.sep).join("/").startsWith(dir)));
}
