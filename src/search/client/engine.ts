// The search engine the page uses: Pagefind underneath, Duet's terms, Traditional→Simplified, one result per story.
import { CONVERSION_FILE, createConverter, identity, type ConversionTable, type Converter } from "../convert.ts";
import { formTermsOf, hasHan, phraseTermOf, queryOf } from "../tokens.ts";
import { fromStoredVersion, type ResultVersion } from "../result-data.ts";
import { packedFileOf, type PackedStory } from "../packed.ts";
import type { SearchShard } from "../../shared/search-layout.ts";


/** One story found. */
export interface StoryResult {
  /** The record's id: its shard and Pagefind's id within it. */
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
interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, string> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string; excerptLength: number }): PagefindInstance;
}

/** Scores within this fraction of each other count as a tie, which the newer story wins. */
const TIE = 0.01;

/** A Pagefind result and the shard it came from (its place in the layout, and the shard itself). */
interface ShardResult {
  shard: number;
  spec: SearchShard;
  result: PagefindResult;
}

/** An opened shard. */
interface OpenShard {
  spec: SearchShard;
  instance: PagefindInstance;
}

/**
 * Starts the engine: loads Pagefind from `bundle` (a URL ending in `/`), with results linked under `base`,
 * and opens every shard of the bundle's layout (see layout.ts). A shard with packed result files takes a
 * result's display data from its packed file (fetched once, shared by the stories in it) instead of
 * Pagefind's per-story fragment.
 */
export async function createEngine(bundle: string, base: string, initial: readonly SearchShard[]) {
  let layout = initial;
  const module = (await import(`${bundle}pagefind.js`)) as PagefindModule;
  const open = async (shard: SearchShard) => {
    const options = { baseUrl: base, excerptLength: 0 };
    const instance = module.createInstance({ basePath: `${bundle}${shard.dir}`, ...options });
    await instance.options(options);
    return instance;
  };
  // The first shard starts Pagefind's worker and loads its WebAssembly; the others reuse both, so they open
  // only once it is ready: Pagefind keeps one WebAssembly instance per worker, and shards loading it at the
  // same time would each replace it, leaving the first shard's index behind in a discarded one. An empty
  // search returns as soon as the index is loaded. (The others' entry files point at the same WebAssembly
  // file, by then in the browser's cache.) Shards open on the first search, so the page never waits for them.
  let opened: Promise<OpenShard[]> | undefined;
  const openAll = () =>
    (opened ??= (async (specs) => {
      const first = await open(specs[0]!);
      if (specs.length > 1) await first.search("");
      const instances = [first, ...(await Promise.all(specs.slice(1).map(open)))];
      return instances.map((instance, at) => ({ spec: specs[at]!, instance }));
    })(layout));
  let convert: Converter = identity;
  // Pagefind reports facet counts only once its filter index is loaded. That index grows with the
  // number of keywords (about 200 KB at 10,000 stories), so it is fetched after the first results.
  let filtersLoaded: Promise<Record<string, Record<string, number>>> | undefined;
  let facetsReady = false;
  const allFilters = () =>
    (filtersLoaded ??= openAll()
      .then((shards) => Promise.all(shards.map((s) => s.instance.filters()))).then((f) => ((facetsReady = true), mergeCounts(f))));
  const loaded = new Map<string, Promise<Record<string, PackedStory>>>();
  const packed = (shard: SearchShard, id: string): Promise<PackedStory> => {
    const file = `${shard.dir}${packedFileOf(id, shard.packed)}`;
    if (!loaded.has(file)) {
      const loading = fetch(`${bundle}${file}`).then((r) => (r.ok ? (r.json() as Promise<Record<string, PackedStory>>) : Promise.reject(new Error(`${file}: ${r.status}`))));
      // A failed fetch (offline, say) is not remembered: the next search tries again.
      loading.catch(() => loaded.delete(file));
      loaded.set(file, loading);
    }
    return loaded.get(file)!.then((stories) => stories[id] ?? Promise.reject(new Error(`${id} is not in ${file}`)));
  };
  const storyOf = (found: ShardResult): Promise<StoryResult> => {
    const { spec, result } = found;
    const id = idOf(found);
    return spec.packed > 0
      ? packed(spec, result.id).then((s) => ({ id, score: result.score, zh: fromStoredVersion(s.zh), en: fromStoredVersion(s.en), date: s.date }))
      : result.data().then((d) => toStory(id, result.score, d.meta));
  };
  /** Runs one search on every shard; each shard's results keep their order, tagged with the shard. */
  const everywhere = async (query: string | null, options: { filters: Record<string, string>; sort?: Record<string, string> }) => {
    const shards = await openAll();
    const found = await Promise.all(shards.map((s) => s.instance.search(query, options)));
    if (found.some((f) => !f)) return null;
    return {
      results: found.map((f, shard) => f!.results.map((result): ShardResult => ({ shard, spec: shards[shard]!.spec, result }))),
      filters: mergeCounts(found.map((f) => f!.filters)),
    };
  };
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
    // Two more searches rank what a reader means first. A multi-word query is also searched as one phrase
    // term: the stories tagged with exactly that keyword. Its English words are also searched as word-form
    // terms: the stories whose title or keywords hold each word in some inflection ("approves" for
    // "approved"), ahead of those Pagefind's stemmer only relates to it ("approval").
    const phrase = sort === "relevance" ? phraseTermOf(text, convert) : undefined;
    const forms = sort === "relevance" ? formTermsOf(text, convert).join(" ") : "";
    const [relevant, newest, tagged, formed] = await Promise.all([
      everywhere(query || null, { filters: active }),
      everywhere(query || null, { filters: active, sort: { date: "desc" } }),
      phrase ? everywhere(phrase, { filters: active }) : null,
      forms ? everywhere(forms, { filters: active }) : null,
    ]);
    if (!relevant || !newest) return { hits: [], facets: {} };
    // Shards hold runs of stories oldest first, so newest first is each shard's date order, last shard first.
    const byDate = newest.results.toReversed().flat();
    const recency = new Map(byDate.map((r, i) => [idOf(r), i]));
    const exact = new Set(tagged?.results.flat().map(idOf));
    const inForm = new Set(formed?.results.flat().map(idOf));
    // Each result's sort keys, worked out once: its tier (tagged with the phrase, holding the words' forms,
    // the rest), its score and its place in date order.
    const keyed = relevant.results.flat().map((r) => {
      const id = idOf(r);
      return { r, tier: exact.has(id) ? 0 : inForm.has(id) ? 1 : 2, score: r.result.score, age: recency.get(id)! };
    });
    const ordered =
      sort === "newest" || query === ""
        ? byDate
        : keyed
            .sort((a, b) => {
              if (a.tier !== b.tier) return a.tier - b.tier;
              const top = Math.max(a.score, b.score);
              if (Math.abs(a.score - b.score) > top * TIE) return b.score - a.score;
              return a.age - b.age;
            })
            .map((k) => k.r);
    return {
      hits: ordered.map((r) => ({ id: idOf(r), score: r.result.score, data: () => storyOf(r) })),
      facets: relevant.filters,
    };
  }

  /**
   * Takes a new index after the dev server (`npm start`) wrote one: the shards of `next` in folders `changed`,
   * added or gone are opened anew or closed, the others kept as they are. Searches from then on use the new
   * layout. Pagefind's WebAssembly, already loaded, is reused.
   */
  async function refresh(next: readonly SearchShard[], changed: readonly string[]): Promise<void> {
    layout = next;
    // Facet counts change with the index; they are loaded again when next asked for.
    filtersLoaded = undefined;
    facetsReady = false;
    if (!opened) return;
    opened = opened.then(async (shards) => {
      const kept = new Map(shards.map((shard) => [shard.spec.dir, shard]));
      const now: OpenShard[] = [];
      for (const spec of next) {
        const old = kept.get(spec.dir);
        kept.delete(spec.dir);
        if (old && old.spec.packed === spec.packed && !changed.includes(spec.dir)) {
          now.push({ spec, instance: old.instance });
          continue;
        }
        await old?.instance.destroy();
        now.push({ spec, instance: await open(spec) });
      }
      for (const gone of kept.values()) await gone.instance.destroy();
      return now;
    });
    await opened;
  }

  /** Every keyword of a language with its story count, for suggestions. */
  async function keywords(lang: "zh" | "en"): Promise<Record<string, number>> {
    return (await allFilters())[`kw_${lang}`] ?? {};
  }

  return {
    search,
    refresh,
    keywords,
    converter: () => convert,
    /** True once facet counts are available. */
    hasFacets: () => facetsReady,
    /** Loads the filter index so later searches report facet counts. */
    loadFacets: () => allFilters().then(() => undefined),
  };
}

/** A result's id across shards: Pagefind's record id within its shard, prefixed with the shard. */
function idOf({ shard, result }: Pick<ShardResult, "shard" | "result">): string {
  return `${shard}/${result.id}`;
}

/** Facet counts of several shards added up. */
function mergeCounts(all: readonly Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (merged[filter] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return merged;
}

function toStory(id: string, score: number, meta: Record<string, string>): StoryResult {
  const parse = (json: string | undefined) => (json ? fromStoredVersion(JSON.parse(json)) : undefined);
  return { id, score, zh: parse(meta.zh), en: parse(meta.en), date: meta.date ?? "" };
}

/** The engine's interface. */
export type Engine = Awaited<ReturnType<typeof createEngine>>;
