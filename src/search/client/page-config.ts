// The search page's configuration: what the template hands the script in `data-*` attributes of
// `#search`, parsed and checked, so a wrong value stops the script with an error that names it.
import type { SearchUiStrings } from "../../render/strings.ts";
import type { SearchShard } from "../../shared/search-layout.ts";
import { parseJson } from "./json.ts";

/** What the page tells its script. */
export interface PageConfig {
  /** The reader's language. */
  lang: "zh" | "en";
  /** URL of the search bundle, ending in `/`. */
  bundle: string;
  /** URL path the site is served under, ending in `/`. */
  base: string;
  /** The bundle's layout. */
  shards: SearchShard[];
  /** The strings the script shows. */
  ui: SearchUiStrings;
  /** The "only in this language" mark of each language, in that language. */
  onlyMarks: Record<"zh" | "en", string>;
}

/** Every key of `SearchUiStrings`, as a record so the compiler says when one is missing or extra. */
const UI_KEYS: Record<keyof SearchUiStrings, true> = {
  results: true, noResults: true, suggestions: true, allLanguages: true, zh: true, en: true, language: true, sort: true,
  relevance: true, newest: true, keywords: true, year: true, any: true, alsoIn: true, loading: true, unavailable: true,
};

/** Reads `root`'s `data-*` attributes; throws an error naming the first that is missing or of the wrong shape. */
export function readPageConfig(root: HTMLElement): PageConfig {
  const { dataset } = root;
  const json = (name: string, text: string | undefined): unknown => {
    if (text === undefined) throw new Error(`#search has no data-${name}`);
    return parseJson(text, `#search's data-${name}`);
  };
  const text = (name: string, value: string | undefined): string => {
    if (value === undefined) throw new Error(`#search has no data-${name}`);
    return value;
  };
  const shards = json("shards", dataset.shards);
  const ui = json("ui", dataset.ui);
  const onlyMarks = json("only-marks", dataset.onlyMarks);
  if (!Array.isArray(shards) || shards.length === 0 || !shards.every(isSearchShard)) throw new Error("#search's data-shards is not a search layout");
  if (!hasStrings(ui, Object.keys(UI_KEYS) as (keyof SearchUiStrings)[])) throw new Error("#search's data-ui lacks some of the search page's strings");
  if (!hasStrings(onlyMarks, ["zh", "en"] as const)) throw new Error("#search's data-only-marks lacks a language's mark");
  return {
    lang: dataset.lang === "en" ? "en" : "zh",
    bundle: text("bundle", dataset.bundle),
    base: text("base", dataset.base),
    shards,
    ui,
    onlyMarks,
  };
}

/** True for a value of the `SearchShard` shape. */
export function isSearchShard(value: unknown): value is SearchShard {
  if (typeof value !== "object" || value === null) return false;
  const { dir, stories, packed } = value as Record<string, unknown>;
  return typeof dir === "string" && Number.isInteger(stories) && Number.isInteger(packed);
}

/** True for an object with a string under each of `keys`. */
function hasStrings<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, string> {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return keys.every((key) => typeof fields[key] === "string");
}
