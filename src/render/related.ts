// Related stories: earlier stories of the same language sharing keywords, most shared first, then newest.
// Only earlier ones, so that publishing a story never changes the pages of the stories before it.
import type { ArticlePage } from "./articles.ts";

/** Related stories shown at the end of an article by default. */
export const RELATED_MAX = 5;

/** Finds the stories related to a page among the pages an index was built from. */
export type RelatedFinder = (page: ArticlePage, max?: number) => ArticlePage[];

/**
 * Indexes `pages` by keyword once, so that finding each page's related stories costs about the size of
 * its keywords' smaller groups rather than the whole site. Keywords are compared by their page URL, which
 * already names the language, so pages of both languages may share one index.
 */
export function relatedIndex(pages: readonly ArticlePage[]): RelatedFinder {
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
  return (page, max = RELATED_MAX) => {
    const own = [...new Set(page.keywords.map((k) => k.url))].flatMap((url) => byKeyword.get(url) ?? []);
    return max > 0 ? topRelated(page, own, max) : [];
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
