// Index: one Pagefind record per story in search terms, the conversion table, and the search page's script.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { linkFiles, type FileStamp } from "../shared/files.ts";
import { hashOf, hashOfAll } from "../shared/hash.ts";
import type { ArticlePage } from "../render/index.ts";
import type { Lang } from "../types.ts";
import { scanTexts, tableFromScans, type TextScan } from "./conversion-table.ts";
import { CONVERSION_FILE, createConverter, tableFor, type ConversionTable } from "./convert.ts";
import { convertedTexts, recordFields, storiesOf, storyRecordHtml } from "./records.ts";
import { allStillStamped, listBundleFiles, stampFiles } from "./bundle-files.ts";
import { periodOf, searchLayout, type SearchShard } from "../shared/search-layout.ts";
import { writeShards, type SearchRecord } from "./write-shards.ts";

export { termsOf, queryOf, phraseTermOf, formTermsOf, inflectionBase, hanCode, normalise } from "./tokens.ts";
export { CONVERSION_FILE, createConverter, identity, tableFor } from "./convert.ts";
export type { ConversionTable, Converter } from "./convert.ts";
export { buildConversionTable, scanTexts, tableFromScans, type TextScan } from "./conversion-table.ts";
export { recordFields, storyRecordHtml, storiesOf } from "./records.ts";
export { packedFileOf, PACKED_DIR } from "./packed.ts";
export { packedFileCount } from "../shared/search-layout.ts";
export { searchLayout, periodOf, SHARD_SIZE, SHARD_MIN, SHARD_TAIL, type SearchShard } from "../shared/search-layout.ts";
export { writeShards, processesFor, type SearchRecord, type ShardJob } from "./write-shards.ts";

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

/** Remembers values by a content key within groups (the search records of one shard, by its folder); see cache/grouped.ts. */
export interface GroupedRemembered<T> {
  get(group: string, key: string, compute: () => T): T;
  /** The groups the site still has: the others may be forgotten. */
  keepOnly?(groups: Iterable<string>): void;
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
}

/** How the index is written. */
export interface IndexOptions {
  /** The bundle's layout (see shared/search-layout.ts), as the plan told the search page; default: `searchLayout` of the stories. */
  shards?: readonly SearchShard[];
  /** Called with the number of stories to index again once they are known, before Pagefind starts (a build collects its garbage then, for a large index). */
  beforeIndexing?: (stories: number) => void;
}

/**
 * Builds the search index of the site into `<outDir>/pagefind/`, one Pagefind index per shard of the
 * layout (shards of publication periods: shared/search-layout.ts), a few at once (see `writeShards`).
 * With a cache, a shard whose records are all unchanged is linked from the last output instead (Pagefind
 * cannot update an index, so any change to a shard's records indexes that shard again); a new story
 * changes only the newest shard, an edit only its period's.
 */
export async function indexSite(pages: readonly ArticlePage[], outDir: string, cache?: SearchReuse, options: IndexOptions = {}): Promise<IndexSummary> {
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
  const bundlePath = path.join(outDir, "pagefind");
  const tableJson = JSON.stringify(table);
  const planLines = await Promise.all(layout.map((shard, at) => reuseOf(members[at]!.map(recordOf), shard, { table, json: tableJson }, cache)));
  const reused = planLines.filter((line) => line.last !== undefined);
  for (const { last } of reused) await linkFiles(path.join(cache!.out, "pagefind"), bundlePath, Object.keys(last!.files));
  const fresh = planLines.filter((line) => line.last === undefined);
  // Only the shards indexed again need their records' content: a cache reads the others' records not at all.
  cache?.records.keepOnly?.(layout.map((shard) => shard.dir));
  const made = (shard: SearchShard, record: PendingRecord) => ({ url: record.url, content: cache ? cache.records.get(shard.dir, record.key(), record.make) : record.make() });
  options.beforeIndexing?.(fresh.reduce((n, line) => n + line.shard.stories, 0));
  await writeShards(fresh.map(({ records, shard }) => ({ records: records.map((record) => made(shard, record)), shard, dir: path.join(bundlePath, shard.dir) })));
  const stamps: SearchStamp[] = [];
  let files = 0;
  for (const { shard, key, last, part } of planLines) {
    // The first shard's folder is the bundle itself: the other shards' folders inside it are theirs.
    const written = last ? Object.keys(last.files) : ownFiles(await listBundleFiles(path.join(bundlePath, shard.dir), bundlePath), shard, layout);
    files += written.length;
    if (cache) stamps.push({ ...(last ?? { dir: shard.dir, key, files: await stampFiles(bundlePath, written) }), part });
  }
  await writeFile(path.join(bundlePath, CONVERSION_FILE), tableJson);
  if (cache) cache.next.search = stamps;
  return { records: stories.length, files: files + 1, tableBytes: Buffer.byteLength(tableJson), shards: layout.length, reusedShards: reused.length, table };
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
  const files = last && allStillStamped(path.join(cache.out, "pagefind"), last.files);
  return { shard, records, key, part, ...(files && { last: { ...last, files } }) };
}

/** The files of `shard` among `files` (relative to the bundle): the first shard's leave out the other shards' folders. */
function ownFiles(files: readonly string[], shard: SearchShard, layout: readonly SearchShard[]): string[] {
  if (shard.dir !== "") return [...files];
  const others = layout.filter((s) => s.dir !== "").map((s) => s.dir);
  return files.filter((file) => !others.some((dir) => file.split(path.sep).join("/").startsWith(dir)));
}

/** A story's search record before it is made: the URL of its first version, what decides its content, and how to make it. */
export interface PendingRecord {
  url: string;
  /** The story's texts the conversion table is applied to. */
  texts: () => string[];
  /** The story's fields the record is made from, as JSON (made on the first call). */
  fields: () => string;
  /** The hash of the story's fields and of the part of the table its texts can use (made on the first call). */
  key: () => string;
  make: () => string;
}

/** Stories' search records as `PendingRecord`s, for a conversion table. */
export function pendingRecordMaker(table: ConversionTable): (story: StoryPages) => PendingRecord {
  const convert = createConverter(table);
  return (story) => {
    let key: string | undefined;
    let fields: string | undefined;
    const fieldsOf = () => (fields ??= JSON.stringify(recordFields(story)));
    // Keyed by the part of the table the story's texts can use, not the whole: a new story bringing new
    // characters into the table (most do, on a young site) would otherwise make every record again.
    const keyOf = () => (key ??= hashOf(JSON.stringify(tableFor(convertedTexts(story), table)), fieldsOf()));
    return { url: (story.zh ?? story.en)!.url, texts: () => convertedTexts(story), fields: fieldsOf, key: keyOf, make: () => storyRecordHtml(story, convert) };
  };
}

/** Makes stories' search records with a conversion table, reusing those `records` holds in `group` (keyed as `PendingRecord`s are). */
export function recordMaker(table: ConversionTable, records?: GroupedRemembered<string>, group = ""): (story: StoryPages) => SearchRecord {
  const pending = pendingRecordMaker(table);
  return (story) => {
    const record = pending(story);
    return { url: record.url, content: records ? records.get(group, record.key(), record.make) : record.make() };
  };
}

/** The article pages of one story, by language (what its search record is made from). */
export type StoryPages = Partial<Record<Lang, ArticlePage>>;

/** Each shard's stories (from `storiesOf`), as `layout` cuts them: oldest first, by month, date then key. */
export function shardStories(stories: readonly StoryPages[], layout: readonly SearchShard[]): StoryPages[][] {
  const ordered = oldestFirst(stories);
  let next = 0;
  return layout.map((shard) => ordered.slice(next, (next += shard.stories)));
}

/** A story's first version (Chinese when it has one): its date files the story under a period. */
function firstOf(story: StoryPages): ArticlePage {
  return (story.zh ?? story.en)!;
}

/** Stories oldest first, by month, date then key: the order shards are cut in (see shared/search-layout.ts). */
function oldestFirst(stories: readonly StoryPages[]): StoryPages[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return stories
    .map((story) => ({ story, period: periodOf(firstOf(story).dateIso), millis: firstOf(story).date.toMillis(), key: firstOf(story).key }))
    .sort((a, b) => compare(a.period, b.period) || a.millis - b.millis || compare(a.key, b.key))
    .map((s) => s.story);
}

