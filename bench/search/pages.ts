// Driving the two search pages in Chromium: Duet's own page, and stock Pagefind's API loaded into a page.
import type { Page } from "playwright-core";
import { TOP_K } from "./metrics.ts";

/**
 * Asks Duet's search page (already loaded) for `text`: typed (an input event, so through the box's debounce) or
 * submitted (Enter). Waits for the status line to pass through "Searching…" and settle; returns the time between,
 * in the page's own clock, what the status said and the result links in order.
 */
export async function askDuetPage(page: Page, text: string, typed: boolean): Promise<{ millis: number; status: string; hrefs: string[] }> {
  return page.evaluate(({ text, typed }) => {
    const input = document.getElementById("site-search") as HTMLInputElement;
    const status = document.querySelector(".search-status")!;
    return new Promise<{ millis: number; status: string; hrefs: string[] }>((resolve, reject) => {
      let searching = false;
      const started = performance.now();
      const timer = setTimeout(() => reject(new Error(`no results for ${text} after 20 s`)), 20_000);
      const observer = new MutationObserver(() => {
        const shown = status.textContent ?? "";
        if (shown.endsWith("…")) searching = true;
        else if (searching && shown !== "") {
          const millis = performance.now() - started;
          observer.disconnect();
          clearTimeout(timer);
          const links = [...document.querySelectorAll<HTMLAnchorElement>(".search-results a.result-title")];
          resolve({ millis, status: shown, hrefs: links.map((a) => a.href) });
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      input.value = text;
      if (typed) input.dispatchEvent(new Event("input", { bubbles: true }));
      else input.form!.requestSubmit();
    });
  }, { text, typed });
}

/** Loads stock Pagefind on `page` (the bundle picks its index by the page's `<html lang>`). */
export async function loadStockPagefind(page: Page): Promise<void> {
  await page.evaluate(async (bundle) => {
    const pf = (await import(bundle)) as { options(o: object): Promise<void> };
    await pf.options({ baseUrl: "/" });
    (window as unknown as { pf: unknown }).pf = pf;
  }, "/pagefind/pagefind.js");
}

/** Searches with the stock Pagefind loaded on `page`; returns the top 10 URLs, the result count and the time taken. */
export async function searchStock(page: Page, text: string): Promise<{ urls: string[]; count: number; millis: number }> {
  return page.evaluate(async ({ text, k }) => {
    type Hit = { data(): Promise<{ url: string }> };
    const pf = (window as unknown as { pf: { search(q: string): Promise<{ results: Hit[] }> } }).pf;
    const started = performance.now();
    const found = await pf.search(text);
    const top = await Promise.all(found.results.slice(0, k).map((hit) => hit.data()));
    return { urls: top.map((d) => d.url), count: found.results.length, millis: performance.now() - started };
  }, { text, k: TOP_K });
}
