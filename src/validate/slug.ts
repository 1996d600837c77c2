// Slugs and ids: safe as one URL path segment on every file system, never a name the site itself uses.
import { quote } from "../diagnostics.ts";
import { SLUG_RE } from "../shared/slug.ts";
import { LANG_PATHS, ROOT_PATHS } from "../types.ts";
import { describe } from "./date.ts";
import { DEVICE_NAME_RE } from "./segment.ts";
import { hasInvisible } from "./text.ts";

const MAX_SLUG_LENGTH = 120;
/**
 * Names Duet itself writes, under each language folder or at the root (see `LANG_PATHS`, `ROOT_PATHS`),
 * as a slug would spell them: `feed.xml` is reserved as `feed`, `pagefind/` as `pagefind`.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(
  [...Object.values(LANG_PATHS), ...Object.values(ROOT_PATHS)].map((name) => name.replace(/[/.].*$|-$/, "").toLowerCase()),
);

/** A valid slug, or why the value is not one. */
export type SlugResult = { slug: string } | { problem: string };

/** Checks that `value` can be used as a URL path segment (`what` names it in messages: "slug" or "id"). */
export function checkSlug(value: unknown, what: "slug" | "id" | "section"): SlugResult {
  if (typeof value !== "string" && typeof value !== "number") return { problem: `${what} must be a string, not ${describe(value)}` };
  const slug = String(value).normalize("NFC");
  if (slug.length > MAX_SLUG_LENGTH) return { problem: `${what} is ${slug.length} characters long; at most ${MAX_SLUG_LENGTH} are allowed` };
  if (hasInvisible(slug)) return { problem: `${what} ${quote(slug)} holds invisible characters; write it with visible letters and digits only` };
  if (DEVICE_NAME_RE.test(slug)) return { problem: `${what} ${quote(slug)} is a Windows device name, which no Windows disk can hold; choose another` };
  if (!SLUG_RE.test(slug)) {
    return { problem: `${what} ${quote(slug)} may contain only letters, digits, "-" and "_", and must start with a letter or digit` };
  }
  if (RESERVED_SLUGS.has(slug.toLowerCase())) return { problem: `${what} ${quote(slug)} is reserved for the site's own pages; choose another` };
  return { slug };
}
