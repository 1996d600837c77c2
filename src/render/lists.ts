// Story lists: each language's home, keyword pages and archives, paginated, untranslated stories marked.
import { storyDate, storyLangs } from "../pair/index.ts";
import { LANG_PATHS, type Lang, type Story } from "../types.ts";
import type { ArticlePage, ObjectMemo } from "./articles.ts";
import type { ListEntry } from "./entry.ts";
import { basicMeta, type PageHead } from "./head.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { STRINGS } from "./strings.ts";

export type { ListEntry } from "./entry.ts";

/** One page of a paginated story list. */
export interface ListPage {
  /** What the list is of. */
  kind: "home" | "keyword" | "year" | "month" | "section" | "author";
  /** Language of the list. */
  lang: Lang;
  /** Site-relative URL of this page. */
  url: string;
  /** Heading of the list (the keyword, the month …). */
  heading: string;
  /** 1-based page number. */
  number: number;
  /** Stories on this page. */
  entries: ListEntry[];
  /** Numbered links around this page, with gaps: see `pageWindow`. */
  pages: PageLink[];
  /** How many pages the list has. */
  pageCount: number;
  /** The page of newer stories, if any. */
  newer?: string;
  /** The page of older stories, if any. */
  older?: string;
  /** Where the language switch leads. */
  switchUrl: string;
  /** An author page's short bio (site.yaml's `authors`), in the list's language. */
  bio?: string;
  /** A section page's own feeds, site-relative. */
  feeds?: { atom: string; json: string };
  /** Head data. */
  head: PageHead;
}

/** A page listing named groups with counts: the keyword index or the archive index. */
export interface IndexPage {
  /** Which index. */
  kind: "keywords" | "archive";
  /** Language of the page. */
  lang: Lang;
  /** Site-relative URL. */
  url: string;
  /** Page heading. */
  heading: string;
  /** Groups, each linking to its list; archive years carry their months. */
  items: { name: string; url: string; count: number; children?: { name: string; url: string; count: number }[] }[];
  /** Where the language switch leads. */
  switchUrl: string;
  /** Head data. */
  head: PageHead;
}

/** Stories per list page. */
export const LIST_PAGE_SIZE = 20;

/** A numbered link of a list's pagination, or a gap (shown as "…") where numbers are left out. */
export type PageLink = { number: number; url: string } | { gap: true };

/** Page numbers shown either side of the current one. */
const WINDOW = 2;

/**
 * The page numbers a list page links to: the first, the last, and `WINDOW` either side of `current`,
 * with `null` for each gap (a gap of one page shows that page instead). A list of 5,000 pages still
 * gets at most nine links per page, so list pages stay small and the site grows linearly.
 */
export function pageWindow(current: number, count: number): (number | null)[] {
  const shown = new Set([1, count]);
  for (let n = current - WINDOW; n <= current + WINDOW; n++) if (n >= 1 && n <= count) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, n] of numbers.entries()) {
    const gap = i === 0 ? 0 : n - numbers[i - 1]! - 1;
    if (gap === 1) out.push(n - 1);
    else if (gap > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** Site-relative path of page `n` of a list whose first page is `base`. */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}${LANG_PATHS.page}${n}/`;
}

/**
 * List entries by the article page they show, so that every list of a plan shows one entry object per
 * page, and plans given the same memo share them too (comparing two plans then mostly compares identities).
 */
export interface EntryMemo {
  /** Entries in the page's own language. */
  plain: ObjectMemo<ArticlePage, ListEntry>;
  /** Entries in another language's lists, marked as the story's only version. */
  marked: ObjectMemo<ArticlePage, ListEntry>;
}

/** Where the lists are published: the site's address and its name in the lists' language. */
export type ListSite = SiteUrl & { name: string };

/** Plans every list and index page of one language; `siteName` is the site's name in `lang`. */
export function planLists(lang: Lang, stories: readonly Story[], articles: readonly ArticlePage[], siteUrl: SiteUrl, memo: EntryMemo, siteName: string): { lists: ListPage[]; indexes: IndexPage[]; home: ListEntry[] } {
  const site: ListSite = { ...siteUrl, name: siteName };
  const ui = STRINGS[lang];
  const other: Lang = lang === "zh" ? "en" : "zh";
  // Entries are made from the planned pages, whose dates are already formatted (luxon formats slowly).
  const pagesOf = new Map<string, Partial<Record<Lang, ArticlePage>>>();
  for (const page of articles) pagesOf.set(page.key, { ...pagesOf.get(page.key), [page.lang]: page });
  const entries = stories.map((story) => entryFor(story, lang, pagesOf.get(story.key)!, memo));
  // The home list's first page is the front page (see front.ts): it shows the same newest stories, laid out as news.
  const home = paginate("home", lang, `/${lang}/`, ui.latest, entries, `/${other}/`, site).slice(1);
  const keywords = planKeywordLists(lang, articles, site, memo);
  const archive = planArchive(lang, stories, entries, site);
  const indexes: IndexPage[] = [
    indexPage("keywords", lang, `/${lang}/${LANG_PATHS.keywords}`, ui.keywordsTitle, keywords.items, `/${other}/${LANG_PATHS.keywords}`, site),
    indexPage("archive", lang, `/${lang}/${LANG_PATHS.archive}`, ui.archiveTitle, archive.items, `/${other}/${LANG_PATHS.archive}`, site),
  ];
  return { lists: [...home, ...keywords.lists, ...archive.lists], indexes, home: entries };
}

/** Each keyword's list of `lang`, and the keyword index's items, most used first. */
function planKeywordLists(lang: Lang, articles: readonly ArticlePage[], site: ListSite, memo: EntryMemo): { lists: ListPage[]; items: IndexPage["items"] } {
  const other: Lang = lang === "zh" ? "en" : "zh";
  const byKeyword = new Map<string, { name: string; entries: ListEntry[] }>();
  for (const article of articles) {
    if (article.lang !== lang) continue;
    for (const keyword of article.keywords) {
      const group = byKeyword.get(keyword.url) ?? { name: keyword.name, entries: [] };
      group.entries.push(entryFrom(article, memo));
      byKeyword.set(keyword.url, group);
    }
  }
  const items = [...byKeyword].map(([url, group]) => ({ name: group.name, url, count: group.entries.length }));
  items.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lang));
  const lists = [...byKeyword].flatMap(([url, group]) => paginate("keyword", lang, url, group.name, group.entries, `/${other}/`, site));
  return { lists, items };
}

/** The year and month lists of `lang` (`entries` are the stories' entries, in story order), and the archive index's items. */
function planArchive(lang: Lang, stories: readonly Story[], entries: readonly ListEntry[], site: ListSite): { lists: ListPage[]; items: IndexPage["items"] } {
  const other: Lang = lang === "zh" ? "en" : "zh";
  const years = new Map<string, Map<string, ListEntry[]>>();
  stories.forEach((story, i) => {
    // The story's year and month in its own zone.
    const date = storyDate(story);
    const year = String(date.year).padStart(4, "0");
    const months = years.get(year) ?? new Map<string, ListEntry[]>();
    years.set(year, months);
    const monthKey = String(date.month).padStart(2, "0");
    const month = months.get(monthKey) ?? [];
    months.set(monthKey, month);
    month.push(entries[i]!);
  });
  const lists: ListPage[] = [];
  const items: IndexPage["items"] = [];
  for (const [year, months] of years) {
    const yearBase = `/${lang}/${LANG_PATHS.archive}${year}/`;
    const yearEntries = [...months.values()].flat();
    lists.push(...paginate("year", lang, yearBase, lang === "zh" ? `${year}年` : year, yearEntries, `/${other}/${LANG_PATHS.archive}${year}/`, site));
    const children = [...months].map(([month, monthEntries]) => {
      const base = `${yearBase}${month}/`;
      const name = monthName(lang, year, month);
      lists.push(...paginate("month", lang, base, name, monthEntries, `/${other}/${LANG_PATHS.archive}${year}/${month}/`, site));
      return { name, url: base, count: monthEntries.length };
    });
    items.push({ name: lang === "zh" ? `${year}年` : year, url: yearBase, count: yearEntries.length, children });
  }
  return { lists, items };
}

/** A story as an entry in `lang`'s lists: in `lang` when it has that version, else in its own language, marked. */
function entryFor(story: Story, lang: Lang, pages: Partial<Record<Lang, ArticlePage>>, memo: EntryMemo): ListEntry {
  const shown = story.versions[lang] ? lang : storyLangs(story)[0]!;
  if (shown === lang) return entryFrom(pages[shown]!, memo);
  const page = pages[shown]!;
  let entry = memo.marked.get(page);
  if (!entry) memo.marked.set(page, (entry = { ...entryFrom(page, memo), onlyMark: STRINGS[shown].onlyThisLang }));
  return entry;
}

/** A page as a list entry in its own language: headline, date, summary, thumbnail and section. */
export function entryFrom(page: ArticlePage, memo: EntryMemo): ListEntry {
  let entry = memo.plain.get(page);
  if (!entry) {
    const thumb = page.image?.set && { set: page.image.set, alt: page.image.alt };
    const section = page.section && { name: page.section.name, url: page.section.url };
    entry = { lang: page.lang, htmlLang: page.htmlLang, url: page.url, title: page.title, dateIso: page.dateIso, dateText: page.dateText, summary: page.description, ...(thumb && { thumb }), ...(section && { section }) };
    memo.plain.set(page, entry);
  }
  return entry;
}

/** A list's pages of `LIST_PAGE_SIZE` stories: `base`, then `base/page/2/` and on. */
export function paginate(kind: ListPage["kind"], lang: Lang, base: string, heading: string, entries: ListEntry[], switchUrl: string, site: ListSite): ListPage[] {
  const count = Math.max(1, Math.ceil(entries.length / LIST_PAGE_SIZE));
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const url = pageUrl(base, number);
    const absolute = absoluteUrl(site, url);
    const title = number === 1 ? heading : `${heading} · ${STRINGS[lang].pageN(number)}`;
    return {
      kind,
      lang,
      url,
      heading,
      number,
      entries: entries.slice(i * LIST_PAGE_SIZE, number * LIST_PAGE_SIZE),
      pages: pageWindow(number, count).map((n): PageLink => (n === null ? { gap: true } : { number: n, url: pageUrl(base, n) })),
      pageCount: count,
      ...(number > 1 ? { newer: pageUrl(base, number - 1) } : {}),
      ...(number < count ? { older: pageUrl(base, number + 1) } : {}),
      switchUrl,
      head: { canonical: absolute, alternates: [], meta: basicMeta(lang, title, "", absolute, "website", site.name) },
    };
  });
}

function indexPage(kind: IndexPage["kind"], lang: Lang, url: string, heading: string, items: IndexPage["items"], switchUrl: string, site: ListSite): IndexPage {
  const absolute = absoluteUrl(site, url);
  return { kind, lang, url, heading, items, switchUrl, head: { canonical: absolute, alternates: [], meta: basicMeta(lang, heading, "", absolute, "website", site.name) } };
}

function monthName(lang: Lang, year: string, month: string): string {
  const n = Number(month);
  if (lang === "zh") return `${year}年${n}月`;
  const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${names[n - 1]} ${year}`;
}
