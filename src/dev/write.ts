// Writing an update into the served output: the edited articles first, then the pages that differ from
// the last plan, the pages a reader is less likely to open next last of all.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { BuildCache } from "../cache/index.ts";
import { articleSearchLayout, outputFileOf, renderPages, type ArticlePage, type RunOptions, type SitePlan } from "../render/index.ts";
import type { SearchShard } from "../shared/search-layout.ts";
import { filesOf, NO_PAGES, planChanges, sameData, splitChanges } from "./diff.ts";
import { reindexShards } from "./search.ts";
import type { LastSite } from "./session.ts";
import type { DevEvent, DevOptions } from "./options.ts";

/** Where and how an update writes: the served folder, the Eleventy run options, the cache, and whom to tell. */
export interface UpdateTarget {
  out: string;
  run: RunOptions;
  cache: BuildCache;
  last: LastSite;
  shardSize: number;
  notify?: (event: DevEvent) => void;
  quiet?: DevOptions["quiet"];
  step: (stage: string, count: number, unit: string) => void;
}

/** What `showEditsFirst` did: the search layout of the new articles, the shards indexed again, the article pages written. */
export interface ShownEdits {
  layout: SearchShard[];
  reindexed: string[];
  written: Set<string>;
}

/**
 * What an editor looks at comes first: the edited articles are written and open pages told, while the
 * search shards their records are in are indexed again (Pagefind, in a process of its own, gets the cores
 * while Node waits); then open search pages are told. Open pages get time to load each step before Node
 * goes on to plan the lists, which holds its event loop.
 */
export async function showEditsFirst(articles: readonly ArticlePage[], at: UpdateTarget): Promise<ShownEdits> {
  const layout = articleSearchLayout(articles, { shardSize: at.shardSize });
  const indexing = reindexShards(articles, layout, at.last, at.out, at.cache);
  // Awaited below: a failed index must not go unhandled while the articles are written.
  indexing.catch(() => undefined);
  const known = new Map(at.last.plan.articles.map((a) => [a.url, a]));
  const edited = articles.filter((a) => !sameData(known.get(a.url), a, "head"));
  if (edited.length > 0) {
    // Only the articles; the site's single files come out of the last plan as they are on disk.
    const { diagnostics: _, ...lastSite } = at.last.plan;
    await renderPages({ ...lastSite, ...NO_PAGES, articles: edited }, at.run);
    at.notify?.({ kind: "pages", files: edited.map((a) => outputFileOf(a.url)) });
  }
  const [, indexed] = await Promise.all([edited.length > 0 ? at.quiet?.(150, 1000) : undefined, indexing]);
  at.step("index", indexed.reindexed.length, "shards");
  if (indexed.reindexed.length > 0 || indexed.gone > 0) {
    at.notify?.({ kind: "search", shards: indexed.reindexed, layout });
    await at.quiet?.(150, 1000);
  }
  return { layout, reindexed: indexed.reindexed, written: new Set(edited.map((a) => a.url)) };
}

/**
 * Writes the pages of `plan` that differ from the last plan's, but for the articles `shown` wrote
 * already, and removes the files no page makes any more. Returns how many pages changed, the files
 * removed, and the part of the plan left to write later (the later pages of long lists, the sitemaps).
 */
export async function writeChanges(plan: SitePlan, shown: ShownEdits, at: UpdateTarget) {
  const changes = planChanges(at.last.plan, plan);
  at.step("compare", changes.count, "changed");
  // Pages a reader opens next are written now; the rest (a new story moves every page of a long home list)
  // once open pages have loaded what the edit changed.
  const { first, later } = splitChanges(changes.pages);
  const now = { ...first, articles: first.articles.filter((a) => !shown.written.has(a.url)) };
  const written = filesOf(now);
  // The site's single files are written with every run; of them only the news sitemap can change between
  // builds (its window of recent stories moves with the clock), so with it and every page unchanged
  // Eleventy is not started at all.
  if (written.size > 0 || !sameData(plan.news, at.last.plan.news)) await renderPages(now, at.run);
  for (const file of changes.removed) await rm(path.join(at.out, file), { force: true });
  at.step("render", changes.count, "pages");
  for (const file of changes.removed) written.add(file);
  if (written.size > 0) at.notify?.({ kind: "pages", files: [...written] });
  return { count: changes.count, removed: changes.removed.length, later };
}
