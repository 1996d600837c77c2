// Bylines and sections as pages show them: names in the page's language, each linking to its own list.
import { LANG_PATHS, type Lang } from "../types.ts";
import type { AuthorConfig, SiteConfig } from "../site/index.ts";
import { keywordSlug } from "./keywords.ts";

/** A person or section as a link in one language. */
export interface DeskLink {
  /** The slug of its pages. */
  slug: string;
  /** The name in the page's language. */
  name: string;
  /** Site-relative URL of its list. */
  url: string;
}

/** site.yaml's author an article's byline names: by slug, or by a display name in either language. */
export function findAuthor(config: SiteConfig, written: string): AuthorConfig | undefined {
  const folded = written.toLowerCase();
  return config.authors.find((a) => a.slug.toLowerCase() === folded || a.name.zh === written || a.name.en.toLowerCase() === folded);
}

/**
 * The byline's people in `lang`: site.yaml's authors by their name in that language and their slug (so
 * both versions of a story link to one person's pages), anyone else as written, with a slug made like a keyword's.
 */
export function authorLinks(written: readonly string[], lang: Lang, config: SiteConfig): DeskLink[] {
  return written.map((name) => {
    const known = findAuthor(config, name);
    const slug = known?.slug ?? keywordSlug(name);
    return { slug, name: known?.name[lang] ?? name, url: `/${lang}/${LANG_PATHS.authors}${slug}/` };
  });
}

/** A section in `lang`: site.yaml's name for it, else its slug. */
export function sectionLink(slug: string, lang: Lang, config: SiteConfig): DeskLink {
  const known = config.sections.find((s) => s.slug === slug);
  return { slug, name: known?.name[lang] ?? slug, url: `/${lang}/${LANG_PATHS.sections}${slug}/` };
}

/** The author's bio in `lang`, when site.yaml gives one. */
export function authorBio(slug: string, lang: Lang, config: SiteConfig): string | undefined {
  return config.authors.find((a) => a.slug === slug)?.bio?.[lang];
}
