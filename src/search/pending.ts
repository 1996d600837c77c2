// Search records before they are made: what decides each one's content, and the order shards are cut in.
import type { ArticlePage } from "../render/index.ts";
import { hashOf } from "../shared/hash.ts";
import { periodOf, type SearchShard } from "../shared/search-layout.ts";
import type { Lang } from "../types.ts";
import { createConverter, tableFor, type ConversionTable } from "./convert.ts";
import { convertedTexts, recordFields, storyRecordHtml } from "./records.ts";
import type { SearchRecord } from "./write-shards.ts";

/** Remembers values by a content key within groups (the search records of one shard, by its folder); see cache/grouped.ts. */
export interface GroupedRemembered<T> {
  get(group: string, key: string, compute: () => T): T;
  /** The groups the site still has: the others may be forgotten. */
  keepOnly?(groups: Iterable<string>): void;
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
export function firstOf(story: StoryPages): ArticlePage {
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

