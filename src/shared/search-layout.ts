// The search bundle's layout: which Pagefind indexes it holds and where, decided from the stories' months.
// Shared by the plan (the search page is told the layout), the indexer and the search page's script;
// so it imports nothing, and runs in the browser as well as in Node.

/**
 * Most stories in one Pagefind index. Pagefind holds a whole index in memory while writing it, so a
 * month with more stories is split (memory per story: bench/RESULTS.md). Shards of past years are filled
 * up to it: a reader's query loads one index chunk per shard and term, so fewer shards cost readers less.
 */
export const SHARD_SIZE = 10_000;

/**
 * Stories a shard of the newest year gathers before it is closed. A new story indexes again only the
 * newest shard, so small shards make publishing cheap; but every shard costs a reader's first query about
 * the same (one index chunk per shard and term, about 80 kB at 10,000 stories, whatever the shard's size),
 * so the newest year is not cut by month, its newest month apart (`SHARD_TAIL`; the trade-off, measured: bench/RESULTS.md).
 */
export const SHARD_MIN = 2_500;

/**
 * Most stories a shard may hold together with the newest month; past that, the newest month is a shard of
 * its own. Publishing is adding to the newest month, and Pagefind indexes a shard whole, so a new story
 * then indexes its month again (about 250 stories at 10,000 over four years) rather than the newest year's
 * shard (about 2,500). It costs a large site one shard more, a small one none.
 */
export const SHARD_TAIL = 1_000;

/** Stories per packed result file the build aims for (see search/packed.ts): a page of ten results then fetches at most ten small files. */
const STORIES_PER_PACKED_FILE = 16;

/** How many packed result files a shard of `stories` stories gets: one per 16 stories (625 at 10,000 stories). */
export function packedFileCount(stories: number): number {
  return Math.max(1, Math.ceil(stories / STORIES_PER_PACKED_FILE));
}

/** One Pagefind index of the bundle. */
export interface SearchShard {
  /** Folder inside the bundle: "" for the oldest (which also holds Pagefind's script and WebAssembly), else `p<first month>/`. */
  dir: string;
  /** Stories in it. */
  stories: number;
  /** Packed result files in it (see search/packed.ts); 0 when results come from Pagefind's fragments. */
  packed: number;
}

/** How a site's search bundle is laid out. */
export interface LayoutOptions {
  /** Most stories per index (default `SHARD_SIZE`); past years' shards are filled up to it. */
  shardSize?: number;
  /** Stories a shard of the newest year gathers before it is closed (default `SHARD_MIN`, at most `shardSize`). */
  minStories?: number;
  /** Most stories the newest month may share a shard with, itself included (default `SHARD_TAIL`). */
  tailStories?: number;
  /** Pack result display data (see search/packed.ts). */
  pack?: boolean;
}

/** The publication period a story is filed under: the month of its ISO date as written in the news time zone ("2024-03"). */
export function periodOf(dateIso: string): string {
  return dateIso.slice(0, 7);
}

/** A month, or a part of a month with more stories than a shard may hold: what shards are made of. */
interface Unit {
  /** "2024-03", or "2024-03.2" for the second part of a split month. */
  name: string;
  stories: number;
}

/**
 * The indexes of a site whose stories fall in `periods` (one month, from `periodOf`, per story; in any
 * order). Months are taken oldest first; a month with more than `shardSize` stories is cut into parts of
 * `shardSize` (the last holding the rest). A shard takes the next month (or part) if it still fits within
 * `shardSize` and, for a month of the newest year (the newest story's), only while the shard holds fewer
 * than `minStories`: past years make few, full shards, the newest year small ones. The newest month (its
 * last part) joins a shard only while the two hold at most `tailStories`. Every boundary is decided from
 * the oldest side by the months' story counts alone: a story added to the newest month changes only the
 * newest shard (and the one before, once, when the month outgrows it), an edit that keeps a story's month
 * changes no boundary, and a full shard is never cut again. The first story of a new year makes the year before a past one, once: the shards
 * from the last past shard that was not full on are cut again. A shard's folder is named after its first month.
 */
export function searchLayout(periods: readonly string[], options: LayoutOptions = {}): SearchShard[] {
  const size = Math.max(1, Math.floor(options.shardSize ?? SHARD_SIZE));
  const min = Math.min(size, Math.max(1, Math.floor(options.minStories ?? SHARD_MIN)));
  const tail = Math.max(1, Math.floor(options.tailStories ?? SHARD_TAIL));
  const units = unitsOf(periods, size);
  const newestYear = units.at(-1)?.name.slice(0, 4) ?? "";
  const groups: { first: string; stories: number }[] = [];
  let open: { first: string; stories: number } | undefined;
  for (const [i, unit] of units.entries()) {
    const wanted = unit.name.slice(0, 4) < newestYear ? size : min;
    const most = i === units.length - 1 ? Math.min(size, tail) : size;
    if (open && open.stories < wanted && open.stories + unit.stories <= most) open.stories += unit.stories;
    else groups.push((open = { first: unit.name, stories: unit.stories }));
  }
  if (groups.length === 0) groups.push({ first: "", stories: 0 });
  return groups.map((group, i) => ({
    dir: i === 0 ? "" : `p${group.first}/`,
    stories: group.stories,
    packed: options.pack ? packedFileCount(group.stories) : 0,
  }));
}

/** The months of `periods` with their story counts, oldest first, each month over `size` cut into parts. */
function unitsOf(periods: readonly string[], size: number): Unit[] {
  const counts = new Map<string, number>();
  for (const period of periods) counts.set(period, (counts.get(period) ?? 0) + 1);
  const months = [...counts.keys()].sort();
  return months.flatMap((month) => {
    const stories = counts.get(month)!;
    const parts = Math.ceil(stories / size);
    return Array.from({ length: parts }, (_, i) => ({ name: i === 0 ? month : `${month}.${i + 1}`, stories: Math.min(size, stories - i * size) }));
  });
}
