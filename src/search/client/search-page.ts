// The search page: one box for both languages, facets, sorting, highlighting, keyboard navigation, URL state.
import { highlight } from "../highlight.ts";
import { createEngine, type SearchFilters, type StoryResult } from "./engine.ts";
import type { SearchShard } from "../../shared/search-layout.ts";
import { nearestKeywords } from "./suggest.ts";
import type { SearchUiStrings } from "../../render/strings.ts";


const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;

const root = document.getElementById("search")!;
const input = document.getElementById("site-search") as HTMLInputElement;
const status = root.querySelector<HTMLElement>(".search-status")!;
const list = root.querySelector<HTMLOListElement>(".search-results")!;
const facets = root.querySelector<HTMLElement>(".search-facets")!;
const langSelect = root.querySelector<HTMLSelectElement>("#search-lang")!;
const sortSelect = root.querySelector<HTMLSelectElement>("#search-sort")!;
const yearSelect = root.querySelector<HTMLSelectElement>("#search-year")!;
const readerLang = root.dataset.lang === "en" ? "en" : "zh";
const otherLang = readerLang === "zh" ? "en" : "zh";
const ui = JSON.parse(root.dataset.ui!) as SearchUiStrings;
/** The "only in this language" mark of each language, shown in the story's own language (as lists do). */
const onlyMarks = JSON.parse(root.dataset.onlyMarks!) as Record<"zh" | "en", string>;
const engine = await createEngine(root.dataset.bundle!, root.dataset.base!, JSON.parse(root.dataset.shards!) as SearchShard[]);

interface State {
  q: string;
  lang: string;
  sort: "relevance" | "newest";
  kw: string;
  year: string;
}

/** Reads the state from the URL (shared links and the back button restore a search). */
function stateFromUrl(): State {
  const p = new URLSearchParams(location.search);
  return { q: p.get("q") ?? "", lang: p.get("lang") ?? "", sort: p.get("sort") === "newest" ? "newest" : "relevance", kw: p.get("kw") ?? "", year: p.get("year") ?? "" };
}

function urlOf(state: State): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value && !(key === "sort" && value === "relevance")) p.set(key, value);
  const query = p.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

let state = stateFromUrl();
let ticket = 0;
/**
 * Facet counts need Pagefind's filter index (about 200 KB at 10,000 stories). It is fetched once the
 * reader has looked at results for this long without searching again, so a reader refining a query
 * on a slow connection never waits behind it.
 */
const FACET_DELAY_MS = 1000;
let facetTimer: ReturnType<typeof setTimeout> | undefined;

/** Runs the current state's search and renders it; a slower earlier search never overwrites a newer one. */
async function run(): Promise<void> {
  const mine = ++ticket;
  clearTimeout(facetTimer);
  const filters: SearchFilters = { lang: state.lang, year: state.year, [`kw_${readerLang}`]: state.kw };
  if (state.q.trim() === "" && !state.kw && !state.year) {
    list.replaceChildren();
    facets.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = ui.loading;
  let outcome: Awaited<ReturnType<typeof engine.search>>;
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
  list.replaceChildren(...stories.map(renderResult));
  renderFacets(outcome.facets);
  status.textContent = outcome.hits.length > 0 ? ui.results.replace("{n}", String(outcome.hits.length)) : ui.noResults;
  askToCacheSearch();
  // Only the facets are redrawn when their counts arrive; the results (and whichever one has focus) stay as they are.
  if (!engine.hasFacets()) {
    facetTimer = setTimeout(() => {
      if (mine !== ticket) return;
      void engine.loadFacets().then(async () => {
        if (mine !== ticket) return;
        const counted = await engine.search(state.q, filters, state.sort);
        if (mine === ticket) renderFacets(counted.facets);
      });
    }, FACET_DELAY_MS);
  }
  if (outcome.hits.length === 0) await renderSuggestions(mine);
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

function renderResult(story: StoryResult): HTMLLIElement {
  const item = document.createElement("li");
  const shown = story[readerLang] ?? story[otherLang]!;
  const shownLang = story[readerLang] ? readerLang : otherLang;
  if (shownLang !== readerLang) item.lang = shownLang === "zh" ? "zh-CN" : "en";
  const link = document.createElement("a");
  link.href = root.dataset.base!.replace(/\/$/, "") + shown.url;
  link.className = "result-title";
  link.append(...marked(shown.title));
  const meta = document.createElement("p");
  meta.className = "result-meta";
  const date = document.createElement("span");
  date.textContent = shown.dateText;
  meta.append(date);
  if (shownLang !== readerLang) meta.append(" ", badge(onlyMarks[shownLang]));
  const other = story[otherLang];
  if (shownLang === readerLang && other) {
    const alt = document.createElement("a");
    alt.href = root.dataset.base!.replace(/\/$/, "") + other.url;
    alt.lang = otherLang === "zh" ? "zh-CN" : "en";
    alt.hreflang = alt.lang;
    alt.textContent = ui.alsoIn;
    meta.append(" · ", alt);
  }
  const lead = document.createElement("p");
  lead.className = "result-lead";
  lead.append(...marked(shown.lead));
  item.append(link, meta, lead);
  if (shown.keywords) {
    const keywords = document.createElement("p");
    keywords.className = "result-keywords";
    keywords.append(...marked(shown.keywords));
    item.append(keywords);
  }
  return item;
}

function badge(text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = "only-mark";
  span.textContent = text;
  return span;
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

/** Keyword facets (the reader's language, top 12 by count) and the year choices. */
function renderFacets(counts: Record<string, Record<string, number>>): void {
  const keywords = Object.entries(counts[`kw_${readerLang}`] ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 12);
  const heading = document.createElement("h2");
  heading.textContent = ui.keywords;
  const chips = keywords.map(([name, n]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "facet";
    button.setAttribute("aria-pressed", String(state.kw === name));
    button.textContent = `${name} (${n})`;
    button.addEventListener("click", () => update({ kw: state.kw === name ? "" : name }, true));
    return button;
  });
  facets.replaceChildren(...(chips.length ? [heading, ...chips] : []));
  const years = Object.entries(counts.year ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[0].localeCompare(a[0]));
  const keep = state.year;
  yearSelect.replaceChildren(new Option(ui.any, ""), ...years.map(([y, n]) => new Option(`${y} (${n})`, y)));
  if (keep && !years.some(([y]) => y === keep)) yearSelect.append(new Option(keep, keep));
  yearSelect.value = keep;
}

/** The empty state: the keywords nearest to what was typed, as one-click searches. */
async function renderSuggestions(mine: number): Promise<void> {
  const nearest = nearestKeywords(state.q, Object.keys(await engine.keywords(readerLang)), 5);
  if (mine !== ticket || nearest.length === 0) return;
  const item = document.createElement("li");
  item.className = "suggestions";
  item.append(`${ui.suggestions} `);
  for (const keyword of nearest) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "facet";
    button.textContent = keyword;
    button.addEventListener("click", () => {
      input.value = keyword;
      update({ q: keyword }, true);
    });
    item.append(button, " ");
  }
  list.replaceChildren(item);
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
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (document.activeElement !== input && at < 0) return;
  event.preventDefault();
  if (event.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)]!.focus();
  else if (at <= 0) input.focus();
  else links[at - 1]!.focus();
});

// The dev server (`npm start`) indexed some shards again after an edit: the page takes the new index in
// place and searches again, the reader's query, filters and scroll kept.
window.addEventListener("duet:search-index", (event) => {
  const detail = (event as CustomEvent<{ shards: string[]; layout: SearchShard[] }>).detail;
  event.preventDefault();
  // Should the new shards fail to open, loading the page again opens them the ordinary way.
  void engine.refresh(detail.layout, detail.shards).then(run, () => location.reload());
});

root.classList.add("ready");
syncControls();
input.focus();
void run();
