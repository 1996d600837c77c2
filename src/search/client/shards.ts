// The shards of a search bundle, opened in Pagefind: opened on the first search, searched together,
// and replaced one by one when the dev server writes a new index.
import type { SearchShard } from "../../shared/search-layout.ts";
import type { FacetCounts, PagefindInstance, PagefindModule, PagefindResult, PagefindSearchOptions } from "./pagefind-api.ts";

/** An opened shard. */
interface OpenShard {
  spec: SearchShard;
  instance: PagefindInstance;
}

/** A Pagefind result and the shard it came from (its place in the layout, and the shard itself). */
export interface ShardResult {
  shard: number;
  spec: SearchShard;
  result: PagefindResult;
}

/** One search run on every shard: each shard's results in Pagefind's order, and the facet counts added up. */
export interface ShardSearch {
  results: ShardResult[][];
  filters: FacetCounts;
}

/** The shards of the bundle at `bundle` (a URL ending in `/`), results linked under `base`. */
export function createShards(module: PagefindModule, bundle: string, base: string, initial: readonly SearchShard[]) {
  let layout = initial;
  let opened: Promise<OpenShard[]> | undefined;
  const open = (spec: SearchShard) => openShard(module, `${bundle}${spec.dir}`, base);
  // Shards open on the first search, so the page never waits for them.
  const all = () => (opened ??= openInTurn(layout, open));

  /** Runs one search on every shard; null when Pagefind dropped it for a newer one. */
  async function search(query: string | null, options: PagefindSearchOptions): Promise<ShardSearch | null> {
    const shards = await all();
    const found = await Promise.all(
      shards.map(async ({ spec, instance }, shard) => {
        const searched = await instance.search(query, options);
        return searched && { filters: searched.filters, results: searched.results.map((result): ShardResult => ({ shard, spec, result })) };
      }),
    );
    const complete = found.filter((f) => f !== null);
    if (complete.length < found.length) return null;
    return { results: complete.map((f) => f.results), filters: mergeCounts(complete.map((f) => f.filters)) };
  }

  /** Every shard's facet counts, added up (this loads Pagefind's filter index). */
  async function filters(): Promise<FacetCounts> {
    const shards = await all();
    return mergeCounts(await Promise.all(shards.map((s) => s.instance.filters())));
  }

  /** Takes the layout `next`: the shards in folders `changed`, added or gone are opened anew or closed. */
  async function refresh(next: readonly SearchShard[], changed: readonly string[]): Promise<void> {
    layout = next;
    if (!opened) return;
    opened = opened.then((shards) => reopenChanged(shards, next, changed, open));
    await opened;
  }

  return { search, filters, refresh };
}

/** A result's id across shards: Pagefind's record id within its shard, prefixed with the shard. */
export function idOf({ shard, result }: Pick<ShardResult, "shard" | "result">): string {
  return `${shard}/${result.id}`;
}

/** Facet counts of several shards added up. */
export function mergeCounts(all: readonly FacetCounts[]): FacetCounts {
  const merged: FacetCounts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (merged[filter] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return merged;
}

/** Opens the Pagefind index at `basePath`, its results linked under `base` and shown without excerpts. */
async function openShard(module: PagefindModule, basePath: string, base: string): Promise<PagefindInstance> {
  const options = { baseUrl: base, excerptLength: 0 };
  const instance = module.createInstance({ basePath, ...options });
  await instance.options(options);
  return instance;
}

/**
 * Opens the first shard, then the others together. The first starts Pagefind's worker and loads its
 * WebAssembly; Pagefind keeps one WebAssembly instance per worker, and shards loading it at the same time
 * would each replace it, leaving the first shard's index behind in a discarded one. An empty search
 * returns once the index is loaded; the others' entry files point at the same WebAssembly file, by then
 * in the browser's cache.
 */
async function openInTurn(specs: readonly SearchShard[], open: (spec: SearchShard) => Promise<PagefindInstance>): Promise<OpenShard[]> {
  const [head, ...rest] = specs;
  if (!head) return [];
  const first = await open(head);
  if (rest.length > 0) await first.search("");
  const others = await Promise.all(rest.map(async (spec) => ({ spec, instance: await open(spec) })));
  return [{ spec: head, instance: first }, ...others];
}

/** The shards of `next`: kept when unchanged (same folder, same packing), otherwise opened anew; the rest closed. */
async function reopenChanged(
  shards: readonly OpenShard[],
  next: readonly SearchShard[],
  changed: readonly string[],
  open: (spec: SearchShard) => Promise<PagefindInstance>,
): Promise<OpenShard[]> {
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
}
