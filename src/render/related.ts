// Related stories: earlier stories of the same language sharing keywords, most shared first, then newest.
// Only earlier ones, so that publishing a story never changes the pages of the stories before it.
import { hashOf, hashOfAll } from "../shared/hash.ts";
import type { ArticlePage } from "./articles.ts";

/** Related stories shown at the end of an article by default. */
export const RELATED_MAX = 5;

/** Finds the stories related to a page among the pages an index was built from. */
export type RelatedFinder = (page: ArticlePage, max?: number) => ArticlePage[];

/** Remembers pages' related stories (their URLs) by a key covering all that decides them: a build cache's memo (see cache/). */
export interface RelatedMemo {
  get(key: string, compute: () => string[]): string[];
}

/**
 * Indexes `pages` by keyword and by pair of keywords once, so that finding a page's related stories walks
 * its keyword pairs' lists (each at most the smaller of its two keyword groups) and a few steps of its
 * keyword groups, rather than whole groups (a popular keyword is on one story in ten). Keywords are compared by their page URL,
 * which already names the language, so pages of both languages may share one index.
 */
export function relatedIndex(pages: readonly ArticlePage[], memo?: RelatedMemo): RelatedFinder {
  const index = indexPages(pages);
  const remembered = memo && rememberedFinder(index, memo);
  return (page, max = RELATED_MAX) => {
    if (max <= 0) return [];
    return remembered?.(page, max) ?? topRelated(index, page, max);
  };
}

/**
 * Up to `max` earlier stories (another `key`, published before `page`) among `candidates` sharing at least one
 * keyword with `page`: most shared keywords first, then newest, then by URL. The order is total, so the result
 * depends on no input order; a story sharing no keyword with the page never changes it, nor does a later one.
 */
export function relatedStories(page: ArticlePage, candidates: readonly ArticlePage[], max = RELATED_MAX): ArticlePage[] {
  return relatedIndex(candidates)(page, max);
}

/**
 * Every page numbered newest first (the URL breaks ties), so that the lists below hold numbers in ascending
 * order and "the stories before a page" is the tail of each list from one number on. Keywords, stories and
 * languages are numbered too, and each page's numbers kept in flat arrays by rank: the walks below look at
 * millions of candidates on a large site, and numbers side by side are read far faster than pages' fields.
 */
interface Index {
  ranked: ArticlePage[];
  rank: Map<ArticlePage, number>;
  keywordIds: Map<string, number>;
  storyIds: Map<string, number>;
  langIds: Map<string, number>;
  /** By rank: the numbers of the page's story and language. */
  story: Int32Array;
  lang: Int32Array;
  /** The page of rank `r` has the keywords `keywords[from[r]]` to `keywords[from[r + 1] - 1]`, ascending, each once. */
  from: Int32Array;
  keywords: Int32Array;
  /** By keyword number: the ranks of the pages having it. */
  byKeyword: number[][];
  /** The ranks of the pages having both keywords of each pair (see `pairKey`): made on first need, as a build whose related stories are all remembered needs none. */
  byPair?: Map<number, number[]>;
}

function indexPages(pages: readonly ArticlePage[]): Index {
  const ranked = [...pages].sort(newestFirst);
  const [keywordIds, storyIds, langIds] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const [story, lang, from] = [new Int32Array(ranked.length), new Int32Array(ranked.length), new Int32Array(ranked.length + 1)];
  const keywords: number[] = [];
  const byKeyword: number[][] = [];
  for (const [rank, page] of ranked.entries()) {
    story[rank] = numberOf(storyIds, page.key);
    lang[rank] = numberOf(langIds, page.lang);
    for (const id of keywordUrls(page).map((url) => numberOf(keywordIds, url)).sort((x, y) => x - y)) {
      keywords.push(id);
      (byKeyword[id] ??= []).push(rank);
    }
    from[rank + 1] = keywords.length;
  }
  const rank = new Map(ranked.map((page, r) => [page, r]));
  return { ranked, rank, keywordIds, storyIds, langIds, story, lang, from, keywords: Int32Array.from(keywords), byKeyword };
}

function pairsOf(index: Index): Map<number, number[]> {
  if (index.byPair) return index.byPair;
  const byPair = new Map<number, number[]>();
  for (let rank = 0; rank < index.ranked.length; rank++) {
    const own = keywordsOf(index, rank);
    for (let i = 0; i < own.length; i++) {
      for (let j = i + 1; j < own.length; j++) {
        const key = pairKey(index, own[i]!, own[j]!);
        const list = byPair.get(key);
        if (list) list.push(rank);
        else byPair.set(key, [rank]);
      }
    }
  }
  return (index.byPair = byPair);
}

/**
 * The best `max` stories before `page`, one count of shared keywords at a time, most first. A story sharing
 * `c` of the page's keywords is in `c(c-1)/2` of the lists of its keyword pairs, so in at least one of the
 * smallest `P - c(c-1)/2 + 1` of its `P` pair lists; one sharing a single keyword is in one of its keyword
 * groups. Each round walks only those lists, merged newest first from the page's own place, and stops as
 * soon as it has enough. A pair list is at most the smaller of its two keyword groups, and far shorter when
 * the two keywords seldom meet.
 */
function topRelated(index: Index, page: ArticlePage, max: number): ArticlePage[] {
  const rank = index.rank.get(page);
  // A page outside the index: its keywords no indexed page has cannot be shared, so they are left out.
  const known = () => keywordUrls(page).flatMap((url) => index.keywordIds.get(url) ?? []);
  const own = rank !== undefined ? keywordsOf(index, rank) : Int32Array.from(known()).sort();
  const [story, lang] = [index.storyIds.get(page.key) ?? -1, index.langIds.get(page.lang) ?? -1];
  const start = firstAfter(index, page);
  const groups = Array.from(own, (id) => index.byKeyword[id]!);
  const byPair = own.length > 1 ? pairsOf(index) : undefined;
  const pairs: number[][] = [];
  for (let i = 0; i < own.length; i++) for (let j = i + 1; j < own.length; j++) pairs.push(byPair!.get(pairKey(index, own[i]!, own[j]!)) ?? []);
  pairs.sort((a, b) => a.length - b.length);
  const related: ArticlePage[] = [];
  for (let count = own.length; count >= 1 && related.length < max; count--) {
    const lists = count === 1 ? groups : pairs.slice(0, pairs.length - (count * (count - 1)) / 2 + 1);
    walkMerged(lists, start, (other) => {
      if (index.story[other] === story || index.lang[other] !== lang || sharedCount(index, other, own) !== count) return true;
      related.push(index.ranked[other]!);
      return related.length < max;
    });
  }
  return related;
}

/** Calls `visit` with the ranks of ascending lists from `start` on, merged in ascending order, each once, while it returns true. */
function walkMerged(lists: readonly (readonly number[])[], start: number, visit: (rank: number) => boolean): void {
  const next = lists.map((list) => firstFrom(list, start));
  let previous = -1;
  for (;;) {
    let least = Infinity;
    let from = -1;
    for (let i = 0; i < lists.length; i++) {
      const rank = lists[i]![next[i]!];
      if (rank !== undefined && rank < least) {
        least = rank;
        from = i;
      }
    }
    if (from < 0) return;
    next[from]!++;
    if (least !== previous && !visit((previous = least))) return;
  }
}

/**
 * Related stories through `memo`. A page's related stories are decided by the page (URL, story, language,
 * time) and, in each of its keyword groups, by the stories before it (the same of each, in order): the
 * key hashes exactly that, so a page keeps its entry until a story before it that shares a keyword is
 * added, edited or removed. Each group's earlier members are hashed once, from its oldest, as a chain.
 * Undefined for a page outside the index (its groups' chains do not hold it).
 */
function rememberedFinder(index: Index, memo: RelatedMemo) {
  const { ranked } = index;
  const byUrl = new Map(ranked.map((page) => [page.url, page]));
  const identity = ranked.map((page) => `${page.url}\n${page.key}\n${page.lang}\n${page.date.toMillis()}`);
  // before[id][i]: the hash of the members after the i-th of keyword `id`'s group (the earlier stories), oldest last.
  const before = index.byKeyword.map((group) => {
    const chain = new Array<string>(group.length);
    let hash = "";
    for (let i = group.length - 1; i >= 0; i--) {
      chain[i] = hash;
      hash = hashOf(hash, identity[group[i]!]!);
    }
    return chain;
  });
  return (page: ArticlePage, max: number): ArticlePage[] | undefined => {
    const rank = index.rank.get(page);
    if (rank === undefined || byUrl.get(page.url) !== page) return undefined;
    const urls = keywordUrls(page);
    const chains = urls.map((url) => index.keywordIds.get(url)!).map((id) => before[id]![firstFrom(index.byKeyword[id]!, rank)]!);
    const key = hashOfAll(["related", String(max), identity[rank]!, ...urls.flatMap((url, i) => [url, chains[i]!])]);
    const found = memo.get(key, () => topRelated(index, page, max).map((p) => p.url)).map((url) => byUrl.get(url));
    return found.every((p) => p !== undefined) ? (found as ArticlePage[]) : topRelated(index, page, max);
  };
}

/** The keyword numbers of the page of `rank`. */
function keywordsOf(index: Index, rank: number): Int32Array {
  return index.keywords.subarray(index.from[rank]!, index.from[rank + 1]!);
}

/** How many of `own` the page of `rank` has. */
function sharedCount(index: Index, rank: number, own: Int32Array): number {
  let count = 0;
  for (let at = index.from[rank]!; at < index.from[rank + 1]!; at++) if (own.includes(index.keywords[at]!)) count++;
  return count;
}

/** One number per two keyword numbers, given in ascending order. */
function pairKey(index: Index, a: number, b: number): number {
  return a * index.keywordIds.size + b;
}

/** The number of `name`, given to it on first sight. */
function numberOf(numbers: Map<string, number>, name: string): number {
  let id = numbers.get(name);
  if (id === undefined) numbers.set(name, (id = numbers.size));
  return id;
}

/** A page's keyword URLs, sorted, each once. */
function keywordUrls(page: ArticlePage): string[] {
  return [...new Set(page.keywords.map((k) => k.url))].sort();
}

/** The rank where the stories before `page` begin: just after its own, or found by bisection for a page outside the index. */
function firstAfter(index: Index, page: ArticlePage): number {
  const own = index.rank.get(page);
  if (own !== undefined) return own + 1;
  let low = 0;
  let high = index.ranked.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (newestFirst(index.ranked[mid]!, page) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first place in an ascending list of ranks holding `rank` or a greater one. */
function firstFrom(list: readonly number[], rank: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! < rank) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Newest first; the URL orders stories of one instant. */
function newestFirst(a: ArticlePage, b: ArticlePage): number {
  const byDate = b.date.toMillis() - a.date.toMillis();
  return byDate !== 0 ? byDate : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}
