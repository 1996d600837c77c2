// What a search costs a reader: bytes and time for a cold first query and a warm one, each run in a fresh browser context.
import type { Browser } from "playwright-core";
import type { Query, QueryClass, QuerySet } from "../queries.ts";
import { askDuetPage, loadStockPagefind, searchStock } from "./pages.ts";
import { CONTEXT_OPTIONS, langOfClass } from "./relevance.ts";
import { recordTransfers, type Bytes } from "./transfer.ts";

/** One cold-then-warm run. */
export interface CostRun {
  lang: "zh" | "en";
  coldQuery: string;
  warmQuery: string;
  /** From navigation start until the first query's results were shown. */
  coldBytes: Bytes;
  /** From setting the first query until its results were shown, page already loaded. */
  coldMillis: number;
  /** The second query on the same page: time and bytes it added. */
  warmMillis: number;
  warmBytes: Bytes;
  /** Duet only: a third query typed (input event), so including the search box's debounce. */
  typedMillis?: number;
}

/** Queries for cost runs: three per run, taken in turn from each class of the language, each query once. */
export function costQueries(set: QuerySet, lang: "zh" | "en", runs: number): string[][] {
  const classes = (Object.keys(set) as QueryClass[]).filter((c) => langOfClass(c) === lang);
  const picked: string[] = [];
  for (let i = 0; picked.length < runs * 3 && classes.some((c) => i < set[c].length); i++) {
    for (const c of classes) {
      const query: Query | undefined = set[c][i];
      if (query && !picked.includes(query.query)) picked.push(query.query);
    }
  }
  return Array.from({ length: Math.floor(Math.min(picked.length, runs * 3) / 3) }, (_, r) => picked.slice(r * 3, r * 3 + 3));
}

/** One Duet run in a fresh context: load the search page, then a cold, a warm and a typed query. */
export async function costDuet(browser: Browser, site: string, root: string, lang: "zh" | "en", queries: string[]): Promise<CostRun> {
  const [coldQuery, warmQuery, typedQuery] = queries as [string, string, string];
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const transfers = recordTransfers(context, root);
    const page = await context.newPage();
    await page.goto(`${site}${lang}/search/`);
    await page.waitForSelector("#search.ready");
    const coldMillis = (await askDuetPage(page, coldQuery, false)).millis;
    const coldBytes = await transfers.take();
    const warmMillis = (await askDuetPage(page, warmQuery, false)).millis;
    const warmBytes = await transfers.take();
    const typedMillis = (await askDuetPage(page, typedQuery, true)).millis;
    return { lang, coldQuery, warmQuery, coldBytes, coldMillis, warmMillis, warmBytes, typedMillis };
  } finally {
    await context.close();
  }
}

/** One baseline run in a fresh context: load the page and stock Pagefind's script, then a cold and a warm search. */
export async function costBaseline(browser: Browser, site: string, root: string, lang: "zh" | "en", queries: string[]): Promise<CostRun> {
  const [coldQuery, warmQuery] = queries as [string, string];
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const transfers = recordTransfers(context, root);
    const page = await context.newPage();
    await page.goto(`${site}${lang}/search/`);
    // Duet's page imports Pagefind while loading; the baseline does the same before the clock starts.
    await loadStockPagefind(page);
    const cold = await searchStock(page, coldQuery);
    const coldBytes = await transfers.take();
    const warm = await searchStock(page, warmQuery);
    const warmBytes = await transfers.take();
    return { lang, coldQuery, warmQuery, coldBytes, coldMillis: cold.millis, warmMillis: warm.millis, warmBytes };
  } finally {
    await context.close();
  }
}
