// Runs every benchmark query through both systems in Chromium and records the story ids each returns in its top 10.
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Query, QueryClass, QuerySet } from "../queries.ts";
import { storyIdsOf, TOP_K } from "./metrics.ts";
import { settledStatus } from "../../tests/browser/harness.ts";
import { askDuetPage, loadStockPagefind, searchStock } from "./pages.ts";

/**
 * Every context the benchmark opens: no service workers, so a site's offline precaching (which downloads the site in
 * the background on a first visit) neither competes with nor counts as search.
 */
export const CONTEXT_OPTIONS = { serviceWorkers: "block" } as const;

/** A query as one system answered it. */
export interface Answer {
  queryClass: QueryClass;
  query: Query;
  /** Story ids of the top 10, in order, each once. */
  got: string[];
  /** What the page said (Duet's status line) or how many results Pagefind found. */
  note: string;
}

/** The language whose page a class is searched from. */
export function langOfClass(queryClass: QueryClass): "zh" | "en" {
  return queryClass.startsWith("en-") ? "en" : "zh";
}

/** Every query of the set, tagged with its class, in class order. */
export function flattenQueries(set: QuerySet): { queryClass: QueryClass; query: Query }[] {
  return (Object.keys(set) as QueryClass[]).flatMap((queryClass) => set[queryClass].map((query) => ({ queryClass, query })));
}

/** Runs `task` over `items` with `workers` running at once, keeping the input order in the output. */
async function pool<T, R>(items: readonly T[], workers: number, task: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const at = next++;
        out[at] = await task(items[at]!, worker);
      }
    }),
  );
  return out;
}

/**
 * Duet. With `freshPages`, a fresh page at `<site><lang>/search/?q=` per query, as a shared link opens it. Otherwise
 * one search page per language and worker, each query submitted from the box as a reader pressing Enter: the same
 * search and the same ranking, without starting Pagefind's WebAssembly worker again for every query (about a second each).
 */
export async function askDuet(browser: Browser, site: string, set: QuerySet, idBySlug: ReadonlyMap<string, string>, workers: number, freshPages = false): Promise<Answer[]> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const pages = new Map<string, Page>();
  try {
    return await pool(flattenQueries(set), workers, async ({ queryClass, query }, worker) => {
      const lang = langOfClass(queryClass);
      let hrefs: string[];
      let status: string;
      if (freshPages) {
        const page = await context.newPage();
        await page.goto(`${site}${lang}/search/?q=${encodeURIComponent(query.query)}`);
        status = await settledStatus(page);
        hrefs = await page.$$eval(".search-results a.result-title", (links) => links.map((a) => (a as HTMLAnchorElement).href));
        await page.close();
      } else {
        let page = pages.get(`${lang}${worker}`);
        if (!page) {
          page = await context.newPage();
          pages.set(`${lang}${worker}`, page);
          await page.goto(`${site}${lang}/search/`);
          await page.waitForSelector("#search.ready");
        }
        ({ status, hrefs } = await askDuetPage(page, query.query, false));
      }
      return { queryClass, query, got: storyIdsOf(hrefs.slice(0, TOP_K), idBySlug), note: status };
    });
  } finally {
    await context.close();
  }
}

/** Baseline: stock Pagefind's API on a search page of the query's language, one warm page per language and worker. */
export async function askBaseline(browser: Browser, site: string, set: QuerySet, idBySlug: ReadonlyMap<string, string>, workers: number): Promise<Answer[]> {
  const context: BrowserContext = await browser.newContext(CONTEXT_OPTIONS);
  const pages = new Map<string, Page>();
  const pageFor = async (lang: "zh" | "en", worker: number): Promise<Page> => {
    const key = `${lang}${worker}`;
    let page = pages.get(key);
    if (!page) {
      page = await context.newPage();
      pages.set(key, page);
      await page.goto(`${site}${lang}/search/`);
      await loadStockPagefind(page);
    }
    return page;
  };
  try {
    return await pool(flattenQueries(set), workers, async ({ queryClass, query }, worker) => {
      const page = await pageFor(langOfClass(queryClass), worker);
      const { urls, count } = await searchStock(page, query.query);
      return { queryClass, query, got: storyIdsOf(urls, idBySlug), note: `${count} results` };
    });
  } finally {
    await context.close();
  }
}
