// The slug a file's name gives a story when its front matter sets none: a file name is not a slug.
import { quote, warning } from "../diagnostics.ts";
import type { Diagnostic, Located } from "../types.ts";

/**
 * Runs of whitespace, punctuation and symbols, other than a lone "-" or "_". Invisible format characters
 * (`\p{Cf}`: zero-width, bidi) are left in place, so validation refuses the slug rather than hide them.
 */
const UNSAFE_RUN_RE = /[^\p{L}\p{N}\p{Cf}_-]+/gu;
const DASHES_RE = /-{2,}/g;
const EDGE_RE = /^[-_]+|[-_]+$/g;

/**
 * The slug of a file name's stem (`night market` of `night market.en.md`): spaces, dots and other
 * punctuation become "-", repeated "-" one, none at either end; NFC. A stem that is already a safe
 * slug is kept as it is; one with nothing left is kept too, for validation to refuse with its reason.
 */
export function slugFromFileName(stem: string): string {
  const name = stem.normalize("NFC");
  const slug = name.replace(UNSAFE_RUN_RE, "-");
  if (slug === name) return name;
  const clean = slug.replace(DASHES_RE, "-").replace(EDGE_RE, "");
  return clean === "" ? name : clean;
}

/**
 * The slug a draft gets from its file's `stem` (the name without language and extension), located on
 * line 1, with an `article/slug-from-name` warning when it differs from the stem or the name ends in
 * whitespace (the URL is then not what the file is called). `path` is the file's display path.
 */
export function fileSlug(path: string, stem: string, diagnostics: Diagnostic[]): Located<unknown> {
  const slug = slugFromFileName(stem.trim());
  const name = path.split("/").pop() ?? path;
  // Only a real difference: NFD and NFC spellings of one name are the same slug.
  if (slug !== stem.normalize("NFC") || name.trimEnd() !== name) {
    const message = `file name ${quote(name)} is not a URL slug as it is; the story is published as ${quote(slug)} (rename the file, or set "slug:" in the front matter)`;
    diagnostics.push(warning(path, 1, "article/slug-from-name", message));
  }
  return { value: slug, line: 1 };
}
