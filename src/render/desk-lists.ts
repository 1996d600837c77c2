// Section and author pages: each language's stories of one desk or one person, paginated like every list.
import { LANG_PATHS, type Lang } from "../types.ts";
import type { SiteConfig } from "../site/index.ts";
import type { ArticlePage } from "./articles.ts";
import { authorBio, type DeskLink } from "./desks.ts";
import { entryFrom, paginate, type EntryMemo, type ListEntry, type ListPage, type ListSite } from "./lists.ts";

/** Section and author lists of one language, with the sections that have stories (for feeds and the front page). */
export interface DeskLists {
  lists: ListPage[];
  /** Sections with stories in this language, in site.yaml's order (then by slug), with their pages newest first. */
  sections: { link: DeskLink; pages: ArticlePage[] }[];
}

/**
 * Plans the section and author pages of `lang` from its article pages (newest first). A section page
 * links its own feeds; an author page carries the bio site.yaml gives.
 */
export function planDeskLists(lang: Lang, pages: readonly ArticlePage[], site: ListSite, memo: EntryMemo, config: SiteConfig): DeskLists {
  const other: Lang = lang === "zh" ? "en" : "zh";
  const sections = new Map<string, { link: DeskLink; pages: ArticlePage[] }>();
  const authors = new Map<string, { link: DeskLink; entries: ListEntry[] }>();
  for (const page of pages) {
    if (page.lang !== lang) continue;
    if (page.section) {
      const group = sections.get(page.section.slug) ?? { link: page.section, pages: [] };
      group.pages.push(page);
      sections.set(page.section.slug, group);
    }
    for (const author of page.authors) {
      const group = authors.get(author.slug) ?? { link: author, entries: [] };
      group.entries.push(entryFrom(page, memo));
      authors.set(author.slug, group);
    }
  }
  const order = config.sections.map((s) => s.slug);
  const rank = (slug: string) => (order.includes(slug) ? order.indexOf(slug) : order.length);
  const sorted = [...sections.values()].sort((a, b) => rank(a.link.slug) - rank(b.link.slug) || a.link.slug.localeCompare(b.link.slug));
  const lists: ListPage[] = [];
  for (const { link, pages: own } of sorted) {
    const base = link.url;
    const feeds = { atom: `${base}${LANG_PATHS.atomFeed}`, json: `${base}${LANG_PATHS.jsonFeed}` };
    const entries = own.map((page) => entryFrom(page, memo));
    lists.push(...paginate("section", lang, base, link.name, entries, `/${other}/${LANG_PATHS.sections}${link.slug}/`, site).map((list) => ({ ...list, feeds })));
  }
  for (const { link, entries } of authors.values()) {
    const bio = authorBio(link.slug, lang, config);
    const pagesOf = paginate("author", lang, link.url, link.name, entries, `/${other}/${LANG_PATHS.authors}${link.slug}/`, site);
    lists.push(...(bio ? pagesOf.map((list) => ({ ...list, bio })) : pagesOf));
  }
  return { lists, sections: sorted };
}
