// The search engine the page uses: Pagefind underneath, Duet's terms, Traditional→Simplified, one result per story.
import { CONVERSION_FILE, createConverter, identity, type ConversionTable, type Converter } from "../convert.ts";
import { hasHan, phraseTermOf, queryOf } from "../tokens.ts";
import type { ResultVersion } from "../records.ts";
import { packedFileOf, type PackedStory } from "../packed.ts";


/** One story found. */
export interface StoryResult {
  /** Pagefind's id of the record. */
  id: string;
  /** Relevance score. */
  score: number;
  /** The versions the story has. */
  zh?: ResultVersion;
  en?: ResultVersion;
  /** ISO date with offset. */
  date: string;
}

/** Filters a search can be narrowed by. */
export interface SearchFilters {
  lang?: string;
  kw_zh?: string;
  kw_en?: string;
  year?: string;
}

/** A search's outcome: story ids in order (data loads per page of results) and facet counts. */
export interface SearchOutcome {
  /** Ranked results; call `load` to get display data for a slice. */
  hits: { id: string; score: number; data: () => Promise<StoryResult> }[];
  /** For each filter, value → number of results with it. */
  facets: Record<string, Record<string, number>>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ meta: Record<string, string> }>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, string> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Scores within this fraction of each other count as a tie, which the newer story wins. */
const TIE = 0.01;

/**
 * Starts the engine: loads Pagefind from `bundle` (a URL ending in `/`), with results linked under `base`.
 * With `packedFiles` > 0 the site was built with that many packed result files: a result's display data comes from
 * its packed file (fetched once, shared by the stories in it) instead of Pagefind's per-story fragment.
 */
export async function createEngine(bundle: string, base: string, packedFiles = 0) {
  const pagefind = (await import(`${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 0 });
  let convert: Converter = identity;
  // Pagefind reports facet counts only once its filter index is loaded. That index grows with the
  // number of keywords (about 200 KB at 10,000 stories), so it is fetched after the first results.
  let filtersLoaded: Promise<Record<string, Record<string, number>>> | undefined;
  let facetsReady = false;
  const allFilters = () => (filtersLoaded ??= pagefind.filters().then((f) => ((facetsReady = true), f)));
  const loaded = new Map<string, Promise<Record<string, PackedStory>>>();
  const packed = (id: string): Promise<PackedStory> => {
    const file = packedFileOf(id, packedFiles);
    if (!loaded.has(file)) {
      const loading = fetch(`${bundle}${file}`).then((r) => (r.ok ? (r.json() as Promise<Record<string, PackedStory>>) : Promise.reject(new Error(`${file}: ${r.status}`))));
      // A failed fetch (offline, say) is not remembered: the next search tries again.
      loading.catch(() => loaded.delete(file));
      loaded.set(file, loading);
    }
    return loaded.get(file)!.then((stories) => stories[id] ?? Promise.reject(new Error(`${id} is not in ${file}`)));
  };
  const storyOf = (r: PagefindResult): Promise<StoryResult> =>
    packedFiles > 0 ? packed(r.id).then((s) => ({ id: r.id, score: r.score, ...s })) : r.data().then((d) => toStory(r, d.meta));
  let table: Promise<void> | undefined;
  const loadTable = () =>
    (table ??= fetch(`${bundle}${CONVERSION_FILE}`)
      .then((r) => r.json() as Promise<ConversionTable>)
      .then((t) => void (convert = createConverter(t))));

  /** Searches for `text` (in either language, Simplified or Traditional) with `filters`, by relevance or newest. */
  async function search(text: string, filters: SearchFilters, sort: "relevance" | "newest"): Promise<SearchOutcome> {
    if (hasHan(text)) await loadTable();
    const query = queryOf(text, convert);
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
    if (query === "" && Object.keys(active).length === 0) return { hits: [], facets: {} };
    // A multi-word query is also searched as one phrase term: the stories tagged with exactly that keyword.
    const phrase = sort === "relevance" ? phraseTermOf(text, convert) : undefined;
    const [relevant, newest, tagged] = await Promise.all([
      pagefind.search(query || null, { filters: active }),
      pagefind.search(query || null, { filters: active, sort: { date: "desc" } }),
      phrase ? pagefind.search(phrase, { filters: active }) : null,
    ]);
    if (!relevant || !newest) return { hits: [], facets: {} };
    const recency = new Map(newest.results.map((r, i) => [r.id, i]));
    const exact = new Set(tagged?.results.map((r) => r.id));
    const ordered =
      sort === "newest" || query === ""
        ? newest.results
        : [...relevant.results].sort((a, b) => {
            if (exact.has(a.id) !== exact.has(b.id)) return exact.has(a.id) ? -1 : 1;
            const top = Math.max(a.score, b.score);
            if (Math.abs(a.score - b.score) > top * TIE) return b.score - a.score;
            return recency.get(a.id)! - recency.get(b.id)!;
          });
    return {
      hits: ordered.map((r) => ({ id: r.id, score: r.score, data: () => storyOf(r) })),
      facets: relevant.filters,
    };
  }

  /** Every keyword of a language with its story count, for suggestions. */
  async function keywords(lang: "zh" | "en"): Promise<Record<string, number>> {
    return (await allFilters())[`kw_${lang}`] ?? {};
  }

  return {
    search,
    keywords,
    converter: () => convert,
    /** True once facet counts are available. */
    hasFacets: () => facetsReady,
    /** Loads the filter index so later searches report facet counts. */
    loadFacets: () => allFilters().then(() => undefined),
  };
}

function toStory(result: PagefindResult, meta: Record<string, string>): StoryResult {
  const parse = (json: string | undefined) => (json ? (JSON.parse(json) as ResultVersion) : undefined);
  return { id: result.id, score: result.score, zh: parse(meta.zh), en: parse(meta.en), date: meta.date ?? "" };
}

/** The engine's interface. */
export type Engine = Awaited<ReturnType<typeof createEngine>>;
