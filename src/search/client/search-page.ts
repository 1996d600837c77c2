// The search page: one box for both languages, facets, sorting, highlighting, keyboard navigation, URL state.
import type { SearchShard } from "../../shared/search-layout.ts";
import { highlight } from "../highlight.ts";
import { createEngine, type SearchFilters, type SearchOutcome, type StoryResult } from "./engine.ts";
import { renderFacets, suggestionsItem, type FacetContext } from "./facets-view.ts";
import { isSearchShard, readPageConfig } from "./page-config.ts";
import { renderResult, type ResultContext } from "./results-view.ts";
import { nearestKeywords } from "./suggest.ts";
import { stateFromUrl, urlOf, type State } from "./url-state.ts";

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
/**
 * Facet counts need Pagefind's filter index, which grows with the keywords (bench/RESULTS.md). It is
 * fetched once the reader has looked at results this long without searching again, so a reader
 * refining a query on a slow connection never waits behind it.
 */
const FACET_DELAY_MS = 1000;

/** The element `selector` finds in `scope`; throws, naming it, when the page lacks it. */
function required<T extends Element>(scope: ParentNode, selector: string): T {
  const found = scope.querySelector<T>(selector);
  if (!found) throw new Error(`the search page has no ${selector}`);
  return found;
}

const root = required<HTMLElement>(document, "#search");
const input = required<HTMLInputElement>(document, "#site-search");
const status = required<HTMLElement>(root, ".search-status");
const list = required<HTMLOListElement>(root, ".search-results");
const facets = required<HTMLElement>(root, ".search-facets");
const langSelect = required<HTMLSelectElement>(root, "#search-lang");
const sortSelect = required<HTMLSelectElement>(root, "#search-sort");
const yearSelect = required<HTMLSelectElement>(root, "#search-year");
const config = readPageConfig(root);
const { ui } = config;
const readerLang = config.lang;
const engine = await createEngine(config.bundle, config.base, config.shards);

let state = stateFromUrl();
/** Counts searches, so a slower earlier one never overwrites a newer one. */
let ticket = 0;
let facetTimer: ReturnType<typeof setTimeout> | undefined;

/** Runs the current state's search and renders it; a slower earlier search never overwrites a newer one. */
async function run(): Promise<void> {
  const mine = ++ticket;
  clearTimeout(facetTimer);
  const filters: SearchFilters = { lang: state.lang, year: state.year, [`kw_${readerLang}`]: state.kw };
  if (state.q.trim() === "" && !state.kw && !state.year) return clearResults();
  status.textContent = ui.loading;
  let outcome: SearchOutcome;
  let stories: StoryResult[];
  try {
    outcome = await engine.search(state.q, filters, state.sort);
    stories = await Promise.all(outcome.hits.slice(0, PAGE_SIZE).map((h) => h.data()));
  } catch (error) {
    // Offline before the search bundle was ever cached, or a failed download: say so, never hang.
    console.warn("search failed:", error);
    if (mine === ticket) status.textContent = ui.unavailable;
    return;
  }
  if (mine !== ticket) return;
  list.replaceChildren(...stories.map((story) => renderResult(story, resultContext())));
  renderFacets(outcome.facets, facetContext());
  status.textContent = outcome.hits.length > 0 ? ui.results.replace("{n}", String(outcome.hits.length)) : ui.noResults;
  askToCacheSearch();
  if (!engine.hasFacets()) facetTimer = setTimeout(() => countFacets(mine, filters), FACET_DELAY_MS);
  if (outcome.hits.length === 0) await showSuggestions(mine);
}

function clearResults(): void {
  list.replaceChildren();
  facets.replaceChildren();
  status.textContent = "";
}

/** Loads the filter index and redraws only the facets; the results (and whichever one has focus) stay as they are. */
function countFacets(mine: number, filters: SearchFilters): void {
  if (mine !== ticket) return;
  void engine.loadFacets().then(async () => {
    if (mine !== ticket) return;
    const counted = await engine.search(state.q, filters, state.sort);
    if (mine === ticket) renderFacets(counted.facets, facetContext());
  });
}

/** The empty state: the keywords nearest to what was typed, as one-click searches. */
async function showSuggestions(mine: number): Promise<void> {
  const nearest = nearestKeywords(state.q, Object.keys(await engine.keywords(readerLang)), 5);
  if (mine !== ticket || nearest.length === 0) return;
  list.replaceChildren(
    suggestionsItem(nearest, ui, (keyword) => {
      input.value = keyword;
      update({ q: keyword }, true);
    }),
  );
}

function resultContext(): ResultContext {
  return { readerLang, base: config.base, ui, onlyMarks: config.onlyMarks, marked };
}

function facetContext(): FacetContext {
  return { facets, yearSelect, readerLang, ui, kw: state.kw, year: state.year, toggleKeyword: (name) => update({ kw: state.kw === name ? "" : name }, true) };
}

/** Text nodes and <mark> elements for `text` with the query's matches marked. */
function marked(text: string): Node[] {
  return highlight(text, state.q, engine.converter()).map((s) => {
    if (!s.mark) return document.createTextNode(s.text);
    const mark = document.createElement("mark");
    mark.textContent = s.text;
    return mark;
  });
}

let cacheRequested = false;
/** After the first search that worked online, ask the service worker to keep the whole search bundle. */
function askToCacheSearch(): void {
  if (cacheRequested || !navigator.onLine) return;
  const controller = navigator.serviceWorker?.controller;
  if (!controller) return;
  cacheRequested = true;
  controller.postMessage({ type: "CACHE_SEARCH" });
}

/** Changes the state, records it in the URL (a new history entry when `push`), and searches. */
function update(change: Partial<State>, push: boolean): void {
  state = { ...state, ...change };
  const url = urlOf(state);
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  void run();
}

function syncControls(): void {
  input.value = state.q;
  langSelect.value = state.lang;
  sortSelect.value = state.sort;
  yearSelect.value = state.year;
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    // Typing on (or deleting) within one query replaces its history entry; a new query gets its own.
    const q = input.value;
    const continues = state.q !== "" && (q.startsWith(state.q) || state.q.startsWith(q));
    update({ q }, !continues);
  }, DEBOUNCE_MS);
});
input.form?.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  if (input.value !== state.q) update({ q: input.value }, true);
});
langSelect.addEventListener("change", () => update({ lang: langSelect.value }, true));
sortSelect.addEventListener("change", () => update({ sort: sortSelect.value === "newest" ? "newest" : "relevance" }, true));
yearSelect.addEventListener("change", () => update({ year: yearSelect.value }, true));
window.addEventListener("popstate", () => {
  state = stateFromUrl();
  syncControls();
  void run();
});

// Arrow keys move from the box through the results; Enter follows the focused link as usual.
root.ownerDocument.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>("a.result-title")];
  if (links.length === 0) return;
  const at = links.findIndex((link) => link === document.activeElement);
  if (document.activeElement !== input && at < 0) return;
  event.preventDefault();
  const next = event.key === "ArrowDown" ? links[Math.min(at + 1, links.length - 1)] : at <= 0 ? input : links[at - 1];
  next?.focus();
});

// The dev server (`npm start`) indexed some shards again after an edit: the page takes the new index in
// place and searches again, the reader's query, filters and scroll kept.
window.addEventListener("duet:search-index", (event) => {
  const detail = (event as CustomEvent<unknown>).detail;
  if (!isIndexUpdate(detail)) return;
  event.preventDefault();
  // Should the new shards fail to open, loading the page again opens them the ordinary way.
  void engine.refresh(detail.layout, detail.shards).then(run, () => location.reload());
});

/** True for the live-reload channel's `search` event data (see serve/): the shards indexed again and the new layout. */
function isIndexUpdate(value: unknown): value is { shards: string[]; layout: SearchShard[] } {
  if (typeof value !== "object" || value === null) return false;
  const { shards, layout } = value as Record<string, unknown>;
  return Array.isArray(shards) && shards.every((s) => typeof s === "string") && Array.isArray(layout) && layout.length > 0 && layout.every(isSearchShard);
}

root.classList.add("ready");
syncControls();
input.focus();
void run();
