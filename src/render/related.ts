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
  const byKeyword = new Map<string, ArticlePage[]>();
  for (const page of pages) {
    for (const url of new Set(page.keywords.map((k) => k.url))) {
      const group = byKeyword.get(url);
      if (group) group.push(page);
      else byKeyword.set(url, [page]);
    }
  }
  // Each group newest first (url breaks ties), so the best stories sharing one keyword are its first ones,
  // and a page's earlier stories are those after it.
  const groups = new Map([...byKeyword].map(([url, group]): [string, Group] => [url, { pages: group.sort(newestFirst), at: new Map(group.map((page, i) => [page, i])) }]));
  return (page, max = RELATED_MAX) => {
    const own = [...new Set(page.keywords.map((k) => k.url))].flatMap((url) => groups.get(url) ?? []);
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

/** The pages sharing one keyword, newest first, and each page's place among them. */
type Group = { pages: ArticlePage[]; at: Map<ArticlePage, number> };

/**
 * The best `max` stories of the page's keyword groups, one count of shared keywords at a time, most first.
 * A story sharing `c` of the page's `k` keywords is in at least one of its `k - c + 1` smallest groups, so
 * each round walks only those, newest first from the page's own place, and stops as soon as it has enough: a
 * hot keyword shared by half the site is walked only until its first few stories that share nothing else.
 */
function topRelated(page: ArticlePage, groups: readonly Group[], max: number): ArticlePage[] {
  const sorted = [...groups].sort((a, b) => a.pages.length - b.pages.length);
  const related: ArticlePage[] = [];
  for (let count = sorted.length; count >= 1 && related.length < max; count--) {
    let previous: ArticlePage | undefined;
    for (const other of newestOf(sorted.slice(0, sorted.length - count + 1), page)) {
      if (other === previous || other.key === page.key || other.lang !== page.lang) continue;
      previous = other;
      if (sorted.reduce((n, group) => n + (group.at.has(other) ? 1 : 0), 0) !== count) continue;
      related.push(other);
      if (related.length === max) break;
    }
  }
  return related;
}

/** The pages after `page` in several newest-first groups it belongs to, merged, newest first (a page in two groups comes twice in a row). */
function* newestOf(groups: readonly Group[], page: ArticlePage): Generator<ArticlePage> {
  const next = groups.map((group) => placeAfter(group, page));
  for (;;) {
    let best = -1;
    for (let i = 0; i < groups.length; i++) {
      const candidate = groups[i]!.pages[next[i]!];
      if (candidate && (best < 0 || newestFirst(candidate, groups[best]!.pages[next[best]!]!) < 0)) best = i;
    }
    if (best < 0) return;
    yield groups[best]!.pages[next[best]!++]!;
  }
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
