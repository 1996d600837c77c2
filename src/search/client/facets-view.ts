// The controls a search's results come with: keyword facets, year choices, and suggestions when nothing was found.
import type { SearchUiStrings } from "../../render/strings.ts";
import type { FacetCounts } from "./pagefind-api.ts";

/** Keyword facets shown at most. */
const TOP_KEYWORDS = 12;

/** What drawing the facets needs from the page. */
export interface FacetContext {
  /** Where the keyword facets go. */
  facets: HTMLElement;
  yearSelect: HTMLSelectElement;
  readerLang: "zh" | "en";
  ui: SearchUiStrings;
  /** The keyword and year filters now set ("" for none). */
  kw: string;
  year: string;
  /** Called when a keyword facet is clicked. */
  toggleKeyword(name: string): void;
}

/** Keyword facets (the reader's language, the most counted first) and the year choices, the chosen year kept. */
export function renderFacets(counts: FacetCounts, context: FacetContext): void {
  const { facets, yearSelect, ui, kw } = context;
  const keywords = Object.entries(counts[`kw_${context.readerLang}`] ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_KEYWORDS);
  const heading = document.createElement("h2");
  heading.textContent = ui.keywords;
  const chips = keywords.map(([name, n]) => {
    const button = facetButton(`${name} (${n})`, () => context.toggleKeyword(name));
    button.setAttribute("aria-pressed", String(kw === name));
    return button;
  });
  facets.replaceChildren(...(chips.length ? [heading, ...chips] : []));
  const years = Object.entries(counts.year ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[0].localeCompare(a[0]));
  const keep = context.year;
  yearSelect.replaceChildren(new Option(ui.any, ""), ...years.map(([y, n]) => new Option(`${y} (${n})`, y)));
  if (keep && !years.some(([y]) => y === keep)) yearSelect.append(new Option(keep, keep));
  yearSelect.value = keep;
}

/** The empty state's item: the keywords nearest to what was typed, as one-click searches. */
export function suggestionsItem(nearest: readonly string[], ui: SearchUiStrings, choose: (keyword: string) => void): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "suggestions";
  item.append(`${ui.suggestions} `);
  for (const keyword of nearest) item.append(facetButton(keyword, () => choose(keyword)), " ");
  return item;
}

function facetButton(text: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "facet";
  button.textContent = text;
  button.addEventListener("click", onClick);
  return button;
}
