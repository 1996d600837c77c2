// The search engine the page uses: Pagefind underneath, Duet's terms, Traditional→Simplified, one result per story.
import type { Converter } from "../convert.ts";
import { hasHan, queryOf } from "../tokens.ts";
import type { SearchShard } from "../../shared/search-layout.ts";
import { createConversion } from "./conversion.ts";
import { loadPagefind, type FacetCounts } from "./pagefind-api.ts";
import { searchRanked } from "./ranking.ts";
import { createShards, idOf } from "./shards.ts";
import { createStoryLoader, type StoryResult } from "./story-data.ts";

export type { StoryResult } from "./story-data.ts";

/** Filters a search can be narrowed by. */
export interface SearchFilters {
  lang?: string;
  kw_zh?: string;
  kw_en?: string;
  year?: string;
}

/** A search's outcome: story ids in order (data loads per page of results) and facet counts. */
export interface SearchOutcome {
  /** Ranked results; call `data` to get display data for one. */
  hits: { id: string; score: number; data: () => Promise<StoryResult> }[];
  /** For each filter, value → number of results with it. */
  facets: FacetCounts;
}

/** The engine's interface. */
export interface Engine {
  /** Searches for `text` (in either language, Simplified or Traditional) with `filters`, by relevance or newest. */
  search(text: string, filters: SearchFilters, sort: "relevance" | "newest"): Promise<SearchOutcome>;
  /**
   * Takes a new index after the dev server (`npm start`) wrote one: the shards of `next` in folders
   * `changed`, added or gone are opened anew or closed, the others kept as they are. Pagefind's
   * WebAssembly, already loaded, is reused.
   */
  refresh(next: readonly SearchShard[], changed: readonly string[]): Promise<void>;
  /** Every keyword of a language with its story count, for suggestions. */
  keywords(lang: "zh" | "en"): Promise<Record<string, number>>;
  /** The Traditional→Simplified converter queries are read with (changing nothing until the table loads). */
  converter(): Converter;
  /** True once facet counts are available. */
  hasFacets(): boolean;
  /** Loads the filter index so later searches report facet counts. */
  loadFacets(): Promise<void>;
}

/**
 * Starts the engine: loads Pagefind from `bundle` (a URL ending in `/`), with results linked under `base`,
 * over the shards of the bundle's layout (see shared/search-layout.ts). A shard with packed result files
 * takes a result's display data from its packed file instead of Pagefind's per-story fragment.
 */
export async function createEngine(bundle: string, base: string, layout: readonly SearchShard[]): Promise<Engine> {
  const shards = createShards(await loadPagefind(bundle), bundle, base, layout);
  const storyOf = createStoryLoader(bundle);
  const conversion = createConversion(bundle);
  // Pagefind reports facet counts only once its filter index is loaded, which grows with the number of
  // keywords (bench/RESULTS.md), so it is fetched only when the page asks, after the first results.
  let filtersLoaded: Promise<FacetCounts> | undefined;
  let facetsReady = false;
  const allFilters = () => (filtersLoaded ??= shards.filters().then((counts) => ((facetsReady = true), counts)));

  async function search(text: string, filters: SearchFilters, sort: "relevance" | "newest"): Promise<SearchOutcome> {
    if (hasHan(text)) await conversion.load();
    const convert = conversion.converter();
    const query = queryOf(text, convert);
    const active = activeFilters(filters);
    if (query === "" && Object.keys(active).length === 0) return { hits: [], facets: {} };
    const ranked = await searchRanked(shards, { text, query, filters: active, sort, convert });
    if (!ranked) return { hits: [], facets: {} };
    return {
      hits: ranked.ordered.map((r) => ({ id: idOf(r), score: r.result.score, data: () => storyOf(r) })),
      facets: ranked.facets,
    };
  }

  async function refresh(next: readonly SearchShard[], changed: readonly string[]): Promise<void> {
    // Facet counts change with the index; they are loaded again when next asked for.
    filtersLoaded = undefined;
    facetsReady = false;
    await shards.refresh(next, changed);
  }

  return {
    search,
    refresh,
    keywords: async (lang) => (await allFilters())[`kw_${lang}`] ?? {},
    converter: () => conversion.converter(),
    hasFacets: () => facetsReady,
    loadFacets: () => allFilters().then(() => undefined),
  };
}

/** The filters that are set, by name. */
function activeFilters(filters: SearchFilters): Record<string, string> {
  const active: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) if (value) active[name] = value;
  return active;
}
