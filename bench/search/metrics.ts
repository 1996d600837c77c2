// Relevance and summary arithmetic for the search benchmark: recall@10, reciprocal rank, medians, URL → story id.

/** How many results a reader looks at. */
export const TOP_K = 10;

/** One query's score against what a system returned. */
export interface QueryScore {
  /** |expected ∩ top 10| / min(10, |expected|). */
  recall: number;
  /** 1 / rank of the first expected story in the top 10, 0 when none is there. */
  reciprocalRank: number;
  /** Expected stories missing from the top 10. */
  missing: string[];
}

/** Scores `got` (story ids in rank order, already deduplicated) against the `expected` ids. */
export function scoreQuery(expected: readonly string[], got: readonly string[]): QueryScore {
  const wanted = new Set(expected);
  const top = got.slice(0, TOP_K);
  const hits = top.filter((id) => wanted.has(id)).length;
  const first = top.findIndex((id) => wanted.has(id));
  const shown = new Set(top);
  return {
    recall: wanted.size === 0 ? 1 : hits / Math.min(TOP_K, wanted.size),
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    missing: expected.filter((id) => !shown.has(id)),
  };
}

/** Arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Median (mean of the middle two for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The story slug in a result URL (`/<lang>/<slug>/`, any origin or sub-path before it), or undefined. */
export function slugOfUrl(url: string): string | undefined {
  const pathname = new URL(url, "http://x").pathname;
  return /\/(?:zh|en)\/([^/]+)\/(?:index\.html)?$/.exec(pathname)?.[1];
}

/** Maps result URLs to story ids, dropping pages that are not stories and repeats (a story's zh and en page). */
export function storyIdsOf(urls: readonly string[], idBySlug: ReadonlyMap<string, string>): string[] {
  const ids: string[] = [];
  for (const url of urls) {
    const slug = slugOfUrl(url);
    const id = slug === undefined ? undefined : idBySlug.get(slug);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
