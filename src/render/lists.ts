// Story lists: each language's home, keyword pages and archives, paginated, untranslated stories marked.
import { storyDate, storyLangs } from "../pair/index.ts";
import { LANG_PATHS, type Lang, type Story } from "../types.ts";
import type { ArticlePage, ObjectMemo } from "./articles.ts";
import type { ListEntry } from "./entry.ts";
import { basicMeta, type PageHead } from "./head.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { STRINGS } from "./strings.ts";
import { paginate, type ListPage, type ListSite } from "./pagination.ts";

export type { ListEntry } from "./entry.ts";
export { LIST_PAGE_SIZE, listShape, pageAfterFront, pageUrl, pageWindow, paginate } from "./pagination.ts";
export type { ListPage, ListSite, PageLink } from "./pagination.ts";

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
  const home = paginate("home", lang, `/${lang}/`, ui.latest, entries, `/${other}/`, site, true);
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
