// Ranking: the searches behind one query, and the order a reader sees their results in.
import type { Converter } from "../convert.ts";
import { formTermsOf, phraseTermOf } from "../tokens.ts";
import type { FacetCounts } from "./pagefind-api.ts";
import { idOf, type createShards, type ShardResult, type ShardSearch } from "./shards.ts";

/** Scores within this fraction of each other count as a tie, which the newer story wins. */
const TIE = 0.01;

/** What one query is asked: its search text, its query terms, the active filters and the order wanted. */
export interface RankedQuery {
  text: string;
  query: string;
  filters: Record<string, string>;
  sort: "relevance" | "newest";
  convert: Converter;
}

/** A query's results in the order shown, and the facet counts of its results. */
export interface Ranked {
  ordered: ShardResult[];
  facets: FacetCounts;
}

/**
 * Searches every shard for `asked` and orders the results: newest first when asked so (or when only
 * filters were given), otherwise by tier, score and date (see `byRelevance`). Null when Pagefind dropped
 * the search for a newer one.
 */
export async function searchRanked(shards: ReturnType<typeof createShards>, asked: RankedQuery): Promise<Ranked | null> {
  const { text, query, filters, sort, convert } = asked;
  // Two more searches rank what a reader means first. A multi-word query is also searched as one phrase
  // term: the stories tagged with exactly that keyword. Its English words are also searched as word-form
  // terms: the stories whose title or keywords hold each word in some inflection ("approves" for
  // "approved"), ahead of those Pagefind's stemmer only relates to it ("approval").
  const phrase = sort === "relevance" ? phraseTermOf(text, convert) : undefined;
  const forms = sort === "relevance" ? formTermsOf(text, convert).join(" ") : "";
  const [relevant, newest, tagged, formed] = await Promise.all([
    shards.search(query || null, { filters }),
    shards.search(query || null, { filters, sort: { date: "desc" } }),
    phrase ? shards.search(phrase, { filters }) : null,
    forms ? shards.search(forms, { filters }) : null,
  ]);
  if (!relevant || !newest) return null;
  // Shards hold runs of stories oldest first, so newest first is each shard's date order, last shard first.
  const byDate = newest.results.toReversed().flat();
  const ordered = sort === "newest" || query === "" ? byDate : byRelevance(relevant, byDate, tagged, formed);
  return { ordered, facets: relevant.filters };
}

/**
 * Orders `relevant`'s results by tier (tagged with the phrase, then holding the words' forms, then the
 * rest), then by score, a near tie going to the newer story.
 */
function byRelevance(relevant: ShardSearch, byDate: readonly ShardResult[], tagged: ShardSearch | null, formed: ShardSearch | null): ShardResult[] {
  const recency = new Map(byDate.map((r, i) => [idOf(r), i]));
  const exact = new Set(tagged?.results.flat().map(idOf));
  const inForm = new Set(formed?.results.flat().map(idOf));
  // Each result's sort keys, worked out once. Both searches ask the same, so every result has a place in
  // date order; one without would sort last among its ties.
  const keyed = relevant.results.flat().map((r) => {
    const id = idOf(r);
    return { r, tier: exact.has(id) ? 0 : inForm.has(id) ? 1 : 2, score: r.result.score, age: recency.get(id) ?? byDate.length };
  });
  return keyed
    .sort((a, b) => {
      if (a.tier !== b.tier) return a.tier - b.tier;
      const top = Math.max(a.score, b.score);
      if (Math.abs(a.score - b.score) > top * TIE) return b.score - a.score;
      return a.age - b.age;
    })
    .map((k) => k.r);
}
