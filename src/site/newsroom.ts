// site.yaml's `sections` and `authors`: the newsroom's desks and people, named in each language.
import { error, quote } from "../diagnostics.ts";
import { SLUG_RE } from "../shared/slug.ts";
import type { AuthorConfig, SectionConfig } from "./config.ts";
import { checkPerLang, describe, type At } from "./values.ts";

/** Most sections and authors site.yaml may list. */
const MAX_ENTRIES = 500;
/** Longest section or author slug. */
const MAX_SLUG_LENGTH = 80;

/** `sections: { world: { zh: 国际, en: World } }`, in the order written (the header and the front page keep it). */
export function checkSections(value: unknown, at: At, lineOf: (slug: string) => number): SectionConfig[] | undefined {
  const entries = mapEntries(value, "sections", "{ world: { zh: 国际, en: World } }", at);
  if (!entries) return undefined;
  const sections: SectionConfig[] = [];
  for (const [slug, names] of entries) {
    const here = { ...at, line: lineOf(slug) };
    if (!checkEntrySlug(slug, "section", here)) continue;
    const name = checkPerLang(names, `sections.${slug}`, here);
    if (name) sections.push({ slug, name });
  }
  return sections;
}

/** `authors: { li-wei: { name: { zh: 李伟, en: Li Wei }, bio: { zh: …, en: … } } }`. */
export function checkAuthors(value: unknown, at: At, lineOf: (slug: string) => number): AuthorConfig[] | undefined {
  const entries = mapEntries(value, "authors", "{ li-wei: { name: { zh: 李伟, en: Li Wei } } }", at);
  if (!entries) return undefined;
  const authors: AuthorConfig[] = [];
  for (const [slug, entry] of entries) {
    const here = { ...at, line: lineOf(slug) };
    if (!checkEntrySlug(slug, "author", here)) continue;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      at.out.push(error(at.file, here.line, "site/bad-value", `authors.${slug} must be { name: { zh: …, en: … }, bio: { zh: …, en: … } }, not ${describe(entry)}`));
      continue;
    }
    const { name: names, bio: bios, ...rest } = entry as Record<string, unknown>;
    for (const key of Object.keys(rest)) at.out.push(error(at.file, here.line, "site/bad-value", `authors.${slug} has an unknown key ${quote(key)} (known: name, bio)`));
    const name = checkPerLang(names, `authors.${slug}.name`, here);
    const bio = bios === undefined || bios === null ? undefined : checkPerLang(bios, `authors.${slug}.bio`, here);
    if (name && (bios === undefined || bios === null || bio)) authors.push({ slug, name, ...(bio && { bio }) });
  }
  return authors;
}

/** The entries of a map value, or undefined (reported) for anything else. */
function mapEntries(value: unknown, key: string, example: string, at: At): [string, unknown][] | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    at.out.push(error(at.file, at.line, "site/bad-value", `${key} must be a map such as ${example}, not ${describe(value)}`));
    return undefined;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_ENTRIES) {
    at.out.push(error(at.file, at.line, "site/bad-value", `${key} lists ${entries.length} entries; at most ${MAX_ENTRIES} are allowed`));
    return undefined;
  }
  return entries;
}

/** True when `slug` can be a URL path segment; else an error on its line. */
function checkEntrySlug(slug: string, what: string, at: At): boolean {
  if (SLUG_RE.test(slug) && slug.length <= MAX_SLUG_LENGTH) return true;
  const message = `${what} ${quote(slug)} is not a slug: use letters, digits, "-" and "_" (at most 80), starting with a letter or digit`;
  at.out.push(error(at.file, at.line, "site/bad-value", message));
  return false;
}
