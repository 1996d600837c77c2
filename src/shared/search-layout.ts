// The search bundle's layout: how many Pagefind indexes it holds and where, decided from the story count.
// Shared by the plan (the search page is told the layout), the indexer and the search page's script;
// so it imports nothing, and runs in the browser as well as in Node.

/**
 * Stories per Pagefind index. Pagefind holds a whole index in memory while writing it, so a larger site
 * is split into shards, indexed one after another, and the search page searches every shard
 * (memory per story: bench/RESULTS.md).
 */
export const SHARD_SIZE = 10_000;

/** Stories per packed result file the build aims for (see search/packed.ts): a page of ten results then fetches at most ten small files. */
const STORIES_PER_PACKED_FILE = 16;

/** How many packed result files a shard of `stories` stories gets: one per 16 stories (625 at 10,000 stories). */
export function packedFileCount(stories: number): number {
  return Math.max(1, Math.ceil(stories / STORIES_PER_PACKED_FILE));
}

/** One Pagefind index of the bundle. */
export interface SearchShard {
  /** Folder inside the bundle, "" for the first (which also holds Pagefind's script and WebAssembly) or `shard-N/`. */
  dir: string;
  /** Stories in it. */
  stories: number;
  /** Packed result files in it (see search/packed.ts); 0 when results come from Pagefind's fragments. */
  packed: number;
}

/** How a site's search bundle is laid out. */
export interface LayoutOptions {
  /** Stories per index (default `SHARD_SIZE`). */
  shardSize?: number;
  /** Pack result display data (see search/packed.ts). */
  pack?: boolean;
}

/**
 * The indexes of a site of `stories` stories. Stories are ordered oldest first (by date, then key) and cut
 * into runs of `shardSize`: the first index holds the oldest, the last the newest and any remainder. A new
 * story, being the newest, changes only the last index, so a cached build rebuilds only that one.
 */
export function searchLayout(stories: number, options: LayoutOptions = {}): SearchShard[] {
  const size = Math.max(1, Math.floor(options.shardSize ?? SHARD_SIZE));
  const count = Math.max(1, Math.ceil(stories / size));
  return Array.from({ length: count }, (_, i) => {
    const n = Math.min(size, stories - i * size);
    return { dir: i === 0 ? "" : `shard-${i}/`, stories: Math.max(0, n), packed: options.pack ? packedFileCount(n) : 0 };
  });
}
