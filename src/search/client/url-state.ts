// The search page's state and its URL: shared links and the back button restore a search.

/** What the reader asked for. */
export interface State {
  /** The text in the box. */
  q: string;
  /** Language filter, "" for both. */
  lang: string;
  sort: "relevance" | "newest";
  /** Keyword filter (in the reader's language), "" for none. */
  kw: string;
  /** Year filter, "" for any. */
  year: string;
}

/** The state the page's URL holds. */
export function stateFromUrl(): State {
  const p = new URLSearchParams(location.search);
  return { q: p.get("q") ?? "", lang: p.get("lang") ?? "", sort: p.get("sort") === "newest" ? "newest" : "relevance", kw: p.get("kw") ?? "", year: p.get("year") ?? "" };
}

/** The page's URL for `state`, leaving out what is empty or the default. */
export function urlOf(state: State): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value && !(key === "sort" && value === "relevance")) p.set(key, value);
  const query = p.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}
