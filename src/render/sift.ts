// The sift of a cached build: each article, list and index page keyed by its planned content, and the pages
// whose file in the last output is still the one written linked from it rather than rendered again.
import path from "node:path";
import { DateTime } from "luxon";
import { lookedStamp, stillStamped, type FileStamp } from "../shared/files.ts";
import type { OutputLook } from "../shared/output-look.ts";
import { allSettled } from "../shared/concurrency.ts";
import { hashOf, hashOfAll } from "../shared/hash.ts";
import type { SitePlan } from "./plan.ts";

/** A published page: the hash of everything it was rendered from, and the file it became. */
export interface PageStamp extends FileStamp {
  key: string;
}

/** What rendering asks of a build cache to reuse pages of the last output (see cache/). */
export interface PageReuse {
  /** Hash of the code the cached results were made by: part of every page's key. */
  version: string;
  /** The last output folder (absolute), whose files may be linked. */
  out: string;
  /** Published pages of the last build, by output path relative to `out`. */
  pages: ReadonlyMap<string, PageStamp>;
  /** Filled in by this build for the next: every page it published. */
  next: { pages: Map<string, PageStamp> };
  /** The last output's files as a worker thread looked at them, and that worker, which links them. */
  look?: OutputLook;
}

/** The file a page URL is written to: `/zh/a/` → `zh/a/index.html`, `/zh/feed.xml` → `zh/feed.xml`. */
export function outputFileOf(url: string): string {
  const rel = url.replace(/^\//, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

/**
 * Every file the plan's pages are written to (relative to the output, `/`-separated): articles, lists and
 * indexes, fronts, search and offline pages, the newsroom's pages, feeds and sitemaps. The templates' other
 * files (the root's, and each language's manifest) lie in the output's top two levels.
 */
export function plannedFiles(plan: Pick<SitePlan, "articles" | "fronts" | "lists" | "indexes" | "searches" | "offline" | "pages" | "feeds" | "sitemaps" | "sitemapIndexes">): string[] {
  const pages = [plan.articles, plan.fronts, plan.lists, plan.indexes, plan.searches, plan.offline, plan.pages].flatMap((list) => list.map((page) => page.url));
  const files = [...plan.feeds.flatMap((feed) => [feed.atomPath, feed.jsonPath]), ...plan.sitemaps.map((s) => s.path), ...plan.sitemapIndexes.map((s) => s.path)];
  return [...pages, ...files].map(outputFileOf);
}

/**
 * The parts of a plan entry's cache key: the entry as JSON, and an article's body HTML on its own (the
 * largest field, hashed as it is: escaping it into JSON is slow on a large site). Its head data is left
 * out: every page's head is computed from the entry's other fields and the site address (see
 * `articleHead` and `basicMeta`), both in the key, and it is much of the text. An article's luxon date is
 * keyed by its instant and zone, which say what its slow ISO `toJSON` would. The list entries a page
 * shows (a list's stories, an article's related ones) are one object per story in a plan, shown on many
 * pages: each is hashed once, through `shown`, and a page's key holds their hashes, not their JSON.
 */
function entryParts(entry: object, shown: (item: object) => string): string[] {
  const { date, html, related, entries } = entry as { date?: unknown; html?: unknown; related?: unknown; entries?: unknown };
  const rest = { ...entry, head: undefined, html: undefined, related: undefined, entries: undefined, ...(DateTime.isDateTime(date) ? { date: [date.toMillis(), date.zoneName] } : {}) };
  const items = (name: string, list: unknown) => (Array.isArray(list) ? [`${name}:${list.length}`, ...list.map((item: object) => shown(item))] : []);
  return [JSON.stringify(rest), ...items("related", related), ...items("entries", entries), ...(typeof html === "string" ? [html] : [])];
}

/**
 * The hash of an object's JSON, by identity, each made once: for list entries, which a plan shares among
 * the pages showing them (a story's entry is on its keyword, section and archive lists and beside its
 * related stories), so that each is written and hashed once rather than once per page.
 */
function hashOnce(): (item: object) => string {
  const hashed = new WeakMap<object, string>();
  return (item) => {
    let hash = hashed.get(item);
    if (hash === undefined) hashed.set(item, (hash = hashOf(JSON.stringify(item))));
    return hash;
  };
}

/** The pages a cached build renders, those it links from the last output, and the links' progress. */
export interface Sifted {
  pages: Pick<SitePlan, "articles" | "lists" | "indexes">;
  reused: string[];
  fresh: { file: string; key: string }[];
  /** Settles once the look's worker has linked every reused page (at once without a worker); never rejects unhandled. */
  linked: Promise<void>;
}

/** Entries keyed between two turns of the event loop, and so reused pages handed to the worker at once. */
const SIFT_RUN = 1_000;

/**
 * Keys each article, list and index page and splits them: unchanged pages whose file in the last output is
 * still the one written are reused, the others rendered. With the look's worker, the reused pages are linked
 * as they are found, while the sift goes on and then while Eleventy writes, and the sift lets the event loop
 * turn between runs (Pagefind's process waits on this thread for its records). Eleventy must never write
 * through a link into the last output: so every file is planned once (checked first), and what is linked is
 * never rendered (the templates' other files lie in the output's top two levels, where no such page does).
 */
export async function siftPages(site: Omit<SitePlan, "diagnostics" | "deferred">, cache: PageReuse, shared: string, outDir: string): Promise<Sifted> {
  const planned = new Set<string>();
  for (const file of plannedFiles(site)) {
    if (planned.has(file)) throw new Error(`${file} is planned twice`);
    planned.add(file);
  }
  const looked = await cache.look?.stamps();
  // The plan is not changed while its pages are keyed, so an entry's hash holds for the whole sift.
  const shown = hashOnce();
  const [reused, fresh, links]: [string[], Sifted["fresh"], Promise<void>[]] = [[], [], []];
  let handed = 0;
  const hand = () => {
    if (cache.look && handed < reused.length) links.push(cache.look.link(cache.out, outDir, reused.slice(handed)));
    handed = reused.length;
  };
  const sift = async <T extends { url: string }>(kind: string, entries: readonly T[]): Promise<T[]> => {
    const kept: T[] = [];
    for (let at = 0; at < entries.length; at++) {
      if (at % SIFT_RUN === SIFT_RUN - 1) {
        hand();
        await new Promise(setImmediate);
      }
      const entry = entries[at]!;
      const file = outputFileOf(entry.url);
      const key = hashOfAll([shared, kind, ...entryParts(entry, shown)]);
      const last = cache.pages.get(file);
      const now = last?.key === key ? stillStamped(path.join(cache.out, file), last, lookedStamp(looked, cache.out, file)) : undefined;
      if (now) {
        reused.push(file);
        cache.next.pages.set(file, { ...now, key });
      } else {
        fresh.push({ file, key });
        kept.push(entry);
      }
    }
    return kept;
  };
  let pages: Sifted["pages"];
  try {
    pages = { articles: await sift("article", site.articles), lists: await sift("list", site.lists), indexes: await sift("index", site.indexes) };
  } catch (cause) {
    // Nothing may still link into the staging folder the failed build removes.
    await allSettled(links).catch(() => {});
    throw cause;
  }
  hand();
  const linked = allSettled(links);
  // Awaited once the render is done; a failure before then is not left unhandled.
  linked.catch(() => {});
  return { pages, reused, fresh, linked };
}
