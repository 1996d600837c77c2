// Slugs and ids: safe as one URL path segment, never a reserved name.
import { quote } from "../diagnostics.ts";
import { describe } from "./date.ts";

/** Letters, digits, `-` and `_`, starting with a letter or digit: one safe path segment. */
const SLUG_RE = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const MAX_SLUG_LENGTH = 120;
/** Names the site itself uses under each language folder or at the root. */
export const RESERVED_SLUGS = new Set(["index", "search", "pagefind", "assets", "page", "keywords", "archive", "feed", "404", "sw.js", "zh", "en"]);

/** A valid slug, or why the value is not one. */
export type SlugResult = { slug: string } | { problem: string };

/** Checks that `value` can be used as a URL path segment (`what` names it in messages: "slug" or "id"). */
export function checkSlug(value: unknown, what: "slug" | "id"): SlugResult {
  if (typeof value !== "string" && typeof value !== "number") return { problem: `${what} must be a string, not ${describe(value)}` };
  const slug = String(value).normalize("NFC");
  if (slug.length > MAX_SLUG_LENGTH) return { problem: `${what} is ${slug.length} characters long; at most ${MAX_SLUG_LENGTH} are allowed` };
  if (!SLUG_RE.test(slug)) {
    return { problem: `${what} ${quote(slug)} may contain only letters, digits, "-" and "_", and must start with a letter or digit` };
  }
  if (RESERVED_SLUGS.has(slug.toLowerCase())) return { problem: `${what} ${quote(slug)} is reserved for the site's own pages; choose another` };
  return { slug };
}
