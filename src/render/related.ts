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
 * Indexes `pages` by keyword once, so that finding each page's related stories costs about the size of
 * its keywords' smaller groups rather than the whole site. Keywords are compared by their page URL, which
 * already names the language, so pages of both languages may share one index.
 */
export function relatedIndex(pages: readonly ArticlePage[], memo?: RelatedMemo): RelatedFinder {
  // Every page numbered newest first (URL breaks ties) by one sort, so that the walks below compare numbers.
  const ranked = [...pages].sort(newestFirst);
  const byKeyword = new Map<string, Group>();
  // Taken newest first, each group comes out newest first: a page's earlier stories are those after it.
  for (const [rank, page] of ranked.entries()) {
    for (const url of new Set(page.keywords.map((k) => k.url))) {
      let group = byKeyword.get(url);
      if (!group) byKeyword.set(url, (group = { pages: [], ranks: [], at: new Map() }));
      group.at.set(page, group.pages.length);
      group.pages.push(page);
      group.ranks.push(rank);
    }
  }
  const remembered = memo && rememberedFinder(ranked, byKeyword, memo);
  return (page, max = RELATED_MAX) => {
    const own = [...new Set(page.keywords.map((k) => k.url))].flatMap((url) => byKeyword.get(url) ?? []);
    if (max <= 0) return [];
    return remembered?.(page, own, max) ?? topRelated(page, own, max);
  };
}

/**
 * Related stories through `memo`. A page's related stories are decided by the page (URL, story, language,
 * time) and, in each of its keyword groups, by the stories before it (the same of each, in order): the
 * key hashes exactly that, so a page keeps its entry until a story before it that shares a keyword is
 * added, edited or removed. Each group's earlier members are hashed once, from its oldest, as a chain.
 * Undefined for a page outside the index (its groups' chains do not hold it).
 */
function rememberedFinder(ranked: readonly ArticlePage[], byKeyword: ReadonlyMap<string, Group>, memo: RelatedMemo) {
  const byUrl = new Map(ranked.map((page) => [page.url, page]));
  const identity = new Map(ranked.map((page) => [page, `${page.url}\n${page.key}\n${page.lang}\n${page.date.toMillis()}`]));
  // before.get(group)[i]: the hash of the members after the i-th (the earlier stories), oldest last.
  const before = new Map<Group, string[]>();
  for (const group of byKeyword.values()) {
    const chain = new Array<string>(group.pages.length);
    let hash = "";
    for (let i = group.pages.length - 1; i >= 0; i--) {
      chain[i] = hash;
      hash = hashOf(hash, identity.get(group.pages[i]!)!);
    }
    before.set(group, chain);
  }
  return (page: ArticlePage, own: readonly Group[], max: number): ArticlePage[] | undefined => {
    const urls = [...new Set(page.keywords.map((k) => k.url))].sort();
    const chains = urls.map((url) => {
      const group = byKeyword.get(url);
      const at = group?.at.get(page);
      return at === undefined ? undefined : before.get(group!)![at];
    });
    if (byUrl.get(page.url) !== page || chains.some((chain) => chain === undefined)) return undefined;
    const key = hashOfAll(["related", String(max), identity.get(page)!, ...urls.flatMap((url, i) => [url, chains[i]!])]);
    const found = memo.get(key, () => topRelated(page, own, max).map((p) => p.url)).map((url) => byUrl.get(url));
    return found.every((p) => p !== undefined) ? (found as ArticlePage[]) : topRelated(page, own, max);
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

/** The pages sharing one keyword, newest first, their numbers in the newest-first order of all pages, and each page's place among them. */
type Group = { pages: ArticlePage[]; ranks: number[]; at: Map<ArticlePage, number> };

/**
 * The best `max` stories of the page's keyword groups, one count of shared keywords at a time, most first.
 * A story sharing `c` of the page's `k` keywords is in at least one of its `k - c + 1` smallest groups, so
 * each round walks only those, merged newest first from the page's own place, and stops as soon as it has
 * enough: a hot keyword shared by half the site is walked only until its first few stories that share nothing else.
 */
function topRelated(page: ArticlePage, groups: readonly Group[], max: number): ArticlePage[] {
  const sorted = [...groups].sort((a, b) => a.pages.length - b.pages.length);
  const related: ArticlePage[] = [];
  for (let count = sorted.length; count >= 1 && related.length < max; count--) {
    const walked = sorted.slice(0, sorted.length - count + 1);
    const next = walked.map((group) => placeAfter(group, page));
    let previous: ArticlePage | undefined;
    for (;;) {
      // The newest page not yet taken from any walked group (a page in two groups comes twice in a row).
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i < walked.length; i++) {
        const candidate = walked[i]!.ranks[next[i]!];
        if (candidate !== undefined && candidate < bestRank) [best, bestRank] = [i, candidate];
      }
      if (best < 0) break;
      const other = walked[best]!.pages[next[best]!++]!;
      if (other === previous || other.key === page.key || other.lang !== page.lang) continue;
      previous = other;
      let shared = 0;
      for (const group of sorted) if (group.at.has(other)) shared++;
      if (shared !== count) continue;
      related.push(other);
      if (related.length === max) break;
    }
  }
  return related;
}

/** Where the pages after `page` begin in `group`: just after it when it is a member, else found by bisection. */
function placeAfter(group: Group, page: ArticlePage): number {
  const own = group.at.get(page);
  if (own !== undefined) return own + 1;
  let low = 0;
  let high = group.pages.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (newestFirst(group.pages[mid]!, page) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Newest first; the URL orders stories of one instant. */
function newestFirst(a: ArticlePage, b: ArticlePage): number {
  const byDate = b.date.toMillis() - a.date.toMillis();
  return byDate !== 0 ? byDate : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}
