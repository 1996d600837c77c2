// Pagefind's browser API (`pagefind.js`), as far as Duet's search engine calls it.

/** Facet counts: for each filter, value → number of results with it. */
export type FacetCounts = Record<string, Record<string, number>>;

/** Options of one Pagefind search. */
export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, string>;
}

/** One result of a Pagefind search. */
export interface PagefindResult {
  /** Record id within its index, such as `en_3fa9c01`. */
  id: string;
  score: number;
  /** Loads the record's fragment: its metadata, as strings. */
  data(): Promise<{ meta: Record<string, string> }>;
}

/** What a Pagefind search returns. */
export interface PagefindSearch {
  results: PagefindResult[];
  filters: FacetCounts;
}

/** One Pagefind index, opened. */
export interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  /** Null when a later search superseded this one. */
  search(query: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
  filters(): Promise<FacetCounts>;
  destroy(): Promise<void>;
}

/** The module `pagefind.js` exports. */
export interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string; excerptLength: number }): PagefindInstance;
}

/** Imports `pagefind.js` from `bundle` (a URL ending in `/`), checking it has what the engine calls. */
export async function loadPagefind(bundle: string): Promise<PagefindModule> {
  const module: unknown = await import(`${bundle}pagefind.js`);
  if (typeof (module as Partial<PagefindModule> | null)?.createInstance !== "function") {
    throw new Error(`${bundle}pagefind.js has no createInstance: not a Pagefind bundle Duet knows`);
  }
  return module as PagefindModule;
}
