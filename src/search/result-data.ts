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
  /** The lead photo's smallest rendition, when the story has a local one: the result's thumbnail. */
  thumb?: ResultThumb;
}

/** A result's thumbnail: a rendition under `media/`, `<name>-<width>.<avif|webp|fallback>`. */
export interface ResultThumb {
  /** The renditions' shared name: 20 hex digits. */
  name: string;
  width: number;
  height: number;
  /** The fallback's file extension, as the photo stage names renditions (src/images/render.ts): `jpg` or `png`. */
  fallback: "jpg" | "png";
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
  /**
   * The thumbnail as one word no reader types: name, `w`, width, `h`, height, then `j` (JPEG) or `p` (PNG),
   * such as `46a24c6a8a3888a47d9dw480h270j`. A URL would add "media" and "jpeg" to every such story's words.
   */
  i?: string;
}

const THUMB_RE = /^([0-9a-f]{20})w(\d{1,5})h(\d{1,5})([jp])$/;

/** The stored form of `version`, keys in the order records have always had them. */
export function toStoredVersion(version: ResultVersion): StoredResultVersion {
  const { thumb } = version;
  const i = thumb && `${thumb.name}w${thumb.width}h${thumb.height}${thumb.fallback === "png" ? "p" : "j"}`;
  return { t: version.title, u: version.url, k: version.keywords, l: version.lead, d: version.dateText, ...(i && { i }) };
}

/** True for a value with every field of a `StoredResultVersion`, each a string. */
export function isStoredVersion(value: unknown): value is StoredResultVersion {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (["t", "u", "k", "l", "d"] as const).every((key) => typeof fields[key] === "string") && (fields.i === undefined || typeof fields.i === "string");
}

/** The version a stored value holds; undefined when it is not a `StoredResultVersion`. */
export function fromStoredVersion(value: unknown): ResultVersion | undefined {
  if (!isStoredVersion(value)) return undefined;
  const thumb = value.i === undefined ? undefined : THUMB_RE.exec(value.i);
  const version = { title: value.t, url: value.u, keywords: value.k, lead: value.l, dateText: value.d };
  return thumb ? { ...version, thumb: { name: thumb[1]!, width: Number(thumb[2]), height: Number(thumb[3]), fallback: thumb[4] === "p" ? "png" : "jpg" } } : version;
}

/** A rendition's file name (`46a24c6a8a3888a47d9d-480.avif`) as a thumbnail's parts, or undefined for any other URL. */
export function thumbOf(srcset: string, size: { width: number; height: number }): ResultThumb | undefined {
  const smallest = /\/([0-9a-f]{20})-(\d+)\.(jpg|png) (\d+)w/.exec(srcset);
  if (!smallest) return undefined;
  const width = Number(smallest[2]);
  return { name: smallest[1]!, width, height: Math.round((size.height * width) / size.width), fallback: smallest[3] as "jpg" | "png" };
}
