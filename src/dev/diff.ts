// What changed between two plans of one site: the pages to write again and the files to remove.
import { DateTime } from "luxon";
import { outputFileOf, type SiteData, type SitePlan } from "../render/index.ts";

/** The part of a plan to render again, and the output files (relative to the output folder) no page makes any more. */
export interface PlanChanges {
  /** The new plan with only its changed pages; single files (news sitemap, root page …) are always written. */
  pages: SiteData;
  /** How many planned pages and files `pages` holds. */
  count: number;
  /** Output files of the old plan that the new one does not make. */
  removed: string[];
}

/**
 * Compares two plans page by page (by URL or path). Article pages planned from unchanged articles are the
 * same objects (see `PlanMemo`), so most comparisons end at the first identity check.
 */
export function planChanges(before: SitePlan, after: SitePlan): PlanChanges {
  // A page's head data is computed from its other fields and the site address (see render/head.ts),
  // so it is left out of the comparison, as it is of the build cache's page keys: it was most of the work.
  const changed = <T>(old: readonly T[], now: readonly T[], id: (entry: T) => string): T[] => {
    const byId = new Map(old.map((entry) => [id(entry), entry]));
    return now.filter((entry) => !sameData(byId.get(id(entry)), entry, "head"));
  };
  const byUrl = (entry: { url: string }) => entry.url;
  const byPath = (entry: { path: string }) => entry.path;
  const { diagnostics: _, ...site } = after;
  const pages: SiteData = {
    ...site,
    articles: changed(before.articles, after.articles, byUrl),
    fronts: changed(before.fronts, after.fronts, byUrl),
    lists: changed(before.lists, after.lists, byUrl),
    indexes: changed(before.indexes, after.indexes, byUrl),
    searches: changed(before.searches, after.searches, byUrl),
    offline: changed(before.offline, after.offline, byUrl),
    feeds: changed(before.feeds, after.feeds, (feed) => feed.atomPath),
    sitemaps: changed(before.sitemaps, after.sitemaps, byPath),
    sitemapIndexes: changed(before.sitemapIndexes, after.sitemapIndexes, byPath),
  };
  const count = (["articles", "fronts", "lists", "indexes", "searches", "offline", "feeds", "sitemaps", "sitemapIndexes"] as const).reduce((n, kind) => n + pages[kind].length, 0);
  const kept = filesOf(after);
  return { pages, count, removed: [...filesOf(before)].filter((file) => !kept.has(file)) };
}

/** Every output file a plan's pages, feeds and sitemaps make. */
export function filesOf(plan: SiteData): Set<string> {
  const urls = [plan.articles, plan.fronts, plan.lists, plan.indexes, plan.searches, plan.offline].flatMap((pages) => pages.map((p: { url: string }) => p.url));
  const paths = [...plan.feeds.flatMap((f) => [f.atomPath, f.jsonPath]), ...plan.sitemaps.map((s) => s.path), ...plan.sitemapIndexes.map((s) => s.path)];
  return new Set([...urls, ...paths].map(outputFileOf));
}

/**
 * Deep equality of plan data: plain objects, arrays, primitives and luxon dates (same instant and zone).
 * `skip` names a field of the outermost objects to leave out.
 */
export function sameData(a: unknown, b: unknown, skip?: string): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (DateTime.isDateTime(a) || DateTime.isDateTime(b)) {
    return DateTime.isDateTime(a) && DateTime.isDateTime(b) && a.toMillis() === b.toMillis() && a.zoneName === b.zoneName;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === skip || (Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])));
}

/** A plan part with no pages, feeds or sitemaps: rendering it writes only the site's single files. */
export const NO_PAGES = { articles: [], fronts: [], lists: [], indexes: [], searches: [], offline: [], feeds: [], sitemaps: [], sitemapIndexes: [] };

/**
 * Splits the pages to write into what a reader is likely to open next, written first, and the rest: the
 * older pages of lists (a story's edit may change many of them) and the sitemaps.
 */
export function splitChanges(pages: SiteData): { first: SiteData; later: SiteData } {
  return {
    first: { ...pages, lists: pages.lists.filter((list) => list.newest), sitemaps: [], sitemapIndexes: [] },
    later: { ...pages, ...NO_PAGES, lists: pages.lists.filter((list) => !list.newest), sitemaps: pages.sitemaps, sitemapIndexes: pages.sitemapIndexes },
  };
}
