// Front pages: each language's lead story, latest stories and section blocks, and the root page's headlines.
import type { Lang } from "../types.ts";
import { LANGS } from "../types.ts";
import type { ArticlePage, PagePhoto } from "./articles.ts";
import type { ListEntry } from "./lists.ts";

/** A section a front page gives a block: its name and its page, in this language. */
export interface FrontSection {
  /** The section's slug, as stories name it. */
  slug: string;
  /** The section's name in this language. */
  name: string;
  /** Site-relative URL of the section's page. */
  url: string;
}

/** The lead story of a front page: its list entry, with what the lead block shows besides. */
export type FrontLead = ListEntry & {
  /** The lead photo, when the story has a local one (a remote photo is never loaded). */
  photo?: PagePhoto & { set: NonNullable<PagePhoto["set"]> };
  /** What the lead block says under the headline: the entry's summary, else the page's description. */
  summary: string;
  /** Bylines, each linking to the author's page. */
  authors: { name: string; url: string }[];
};

/** What one language's front page shows, from top to bottom. */
export interface FrontPlan {
  /** The lead story; none when the language has no stories. */
  lead?: FrontLead;
  /** The newest stories after the lead. */
  latest: ListEntry[];
  /** One block per section with stories not shown above, in the order the sections are given. */
  sections: { name: string; url: string; entries: ListEntry[] }[];
  /** How many of the latest stories are shown as photo cards (the rest as headlines). */
  cards: number;
}

/** Latest stories shown as photo cards under the lead; the section blocks leave them (and the lead) out. */
export const FRONT_CARDS = 4;

/** Options of `planFront`. */
export interface FrontOptions {
  /** Sections in display order. */
  sections: readonly FrontSection[];
  /** A page as a list entry (the plan's own, so that every list shares entry objects). */
  entry: (page: ArticlePage) => ListEntry;
  /** Stories in the latest block (default 10). */
  latest?: number;
  /** Stories per section block (default 4). */
  perSection?: number;
  /**
   * What the latest block draws from, newest first: the home list's entries, where a story without this
   * language's version appears marked. Default: this language's own pages.
   */
  pool?: readonly ListEntry[];
}

/** The root page's headlines: one column per language, in display order. */
export type RootPlan = { lang: Lang; entries: ListEntry[] }[];

/**
 * Plans the front page of `lang` from its article pages, newest first. The lead is the newest featured
 * story, else the newest with a local photo, else the newest; each story is shown at most once.
 */
export function planFront(lang: Lang, pages: readonly ArticlePage[], options: FrontOptions): FrontPlan {
  const own = pages.filter((page) => page.lang === lang);
  const leadPage = own.find((page) => page.featured) ?? own.find((page) => page.image?.set) ?? own[0];
  const leadEntry = leadPage && options.entry(leadPage);
  const count = options.latest ?? 10;
  const pool = options.pool ?? own.filter((page) => page !== leadPage).slice(0, count).map(options.entry);
  const latest = pool.filter((entry) => entry.url !== leadEntry?.url).slice(0, count);
  // The section blocks repeat no story shown large above them: the lead and the cards (the rest are headlines only).
  const shown = new Set(latest.slice(0, FRONT_CARDS).map((entry) => entry.url));
  if (leadEntry) shown.add(leadEntry.url);
  const perSection = options.perSection ?? 4;
  const sections = options.sections.flatMap((section) => {
    const entries = own
      .filter((page) => page.section?.slug === section.slug && !shown.has(page.url))
      .slice(0, perSection)
      .map(options.entry);
    return entries.length > 0 ? [{ name: section.name, url: section.url, entries }] : [];
  });
  return {
    ...(leadPage && leadEntry ? { lead: frontLead(leadPage, leadEntry) } : {}),
    latest,
    sections,
    cards: FRONT_CARDS,
  };
}

/** The newest `count` headlines of each language (pages newest first), for the root page. */
export function planRoot(pagesByLang: Readonly<Record<Lang, readonly ArticlePage[]>>, entry: (page: ArticlePage) => ListEntry, count = 6): RootPlan {
  return LANGS.map((lang) => ({ lang, entries: pagesByLang[lang].slice(0, count).map(entry) }));
}


function frontLead(page: ArticlePage, entry: ListEntry): FrontLead {
  const set = page.image?.set;
  return {
    ...entry,
    ...(page.image && set ? { photo: { ...page.image, set } } : {}),
    summary: entry.summary ?? page.description,
    authors: page.authors,
  };
}
