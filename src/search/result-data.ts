// What the search page shows of a result: one language version's display data, as the code reads it
// and as a record stores it. Shared by the build and the search page's script (keep it free of Node imports).

/** What the browser shows for one language version of a search result. */
export interface ResultVersion {
  /** Headline. */
  title: string;
  /** Site-relative URL. */
  url: string;
  /** Keywords, joined with "、" (zh) or ", " (en). */
  keywords: string;
  /** Lead, shortened. */
  lead: string;
  /** Date as the language writes it ("2024年1月29日"); the story's ISO date travels beside the versions. */
  dateText: string;
}

/**
 * A `ResultVersion` as records and packed files store it, one letter a key. Not to save bytes (readable
 * keys barely change the bundle's size after gzip): Pagefind indexes metadata values as words, a key glued
 * to the first word of its value, so a stored key such as `lead` would make a query for "lead" match
 * every story.
 */
export interface StoredResultVersion {
  t: string;
  u: string;
  k: string;
  l: string;
  d: string;
}

/** The stored form of `version`, keys in the order records have always had them. */
export function toStoredVersion(version: ResultVersion): StoredResultVersion {
  return { t: version.title, u: version.url, k: version.keywords, l: version.lead, d: version.dateText };
}

/** True for a value with every field of a `StoredResultVersion`, each a string. */
export function isStoredVersion(value: unknown): value is StoredResultVersion {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (["t", "u", "k", "l", "d"] as const).every((key) => typeof fields[key] === "string");
}

/** The version a stored value holds; undefined when it is not a `StoredResultVersion`. */
export function fromStoredVersion(value: unknown): ResultVersion | undefined {
  if (!isStoredVersion(value)) return undefined;
  return { title: value.t, url: value.u, keywords: value.k, lead: value.l, dateText: value.d };
}
