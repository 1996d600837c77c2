// Story lists: each language's home, keyword pages and archives, paginated, untranslated stories marked.
import { storyDate, storyLangs } from "../pair/index.ts";
import type { Lang, Story } from "../types.ts";
import { articleUrl, type ArticlePage, type VersionLink } from "./articles.ts";
import { formatDate, isoDate } from "./dates.ts";
import { basicMeta, type PageHead } from "./head.ts";
import { keywordSlug } from "./keywords.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { STRINGS } from "./strings.ts";

/** One entry in a story list. */
export interface ListEntry extends VersionLink {
  /** ISO 8601 with offset. */
  dateIso: string;
  /** The date as the entry's language writes it. */
  dateText: string;
  /** Set when the story is not in the list's language: the mark to show, in the story's language. */
  onlyMark?: string;
}

/** One page of a paginated story list. */
export interface ListPage {
  /** What the list is of. */
  kind: "home" | "keyword" | "year" | "month";
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
  /** Every page of this list, for numbered links. */
  pages: { number: number; url: string }[];
  /** Where the language switch leads. */
  switchUrl: string;
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
export const PAGE_SIZE = 20;

/** Site-relative path of page `n` of a list whose first page is `base`. */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Plans every list and index page of one language. */
export function planLists(lang: Lang, stories: readonly Story[], articles: readonly ArticlePage[], site: SiteUrl): { lists: ListPage[]; indexes: IndexPage[] } {
  const ui = STRINGS[lang];
  const other: Lang = lang === "zh" ? "en" : "zh";
  const entries = stories.map((story) => entryFor(story, lang));
  const lists: ListPage[] = paginate("home", lang, `/${lang}/`, ui.latest, entries, `/${other}/`, site);

  const byKeyword = new Map<string, { name: string; entries: ListEntry[] }>();
  for (const article of articles) {
    if (article.lang !== lang) continue;
    for (const keyword of article.keywords) {
      const group = byKeyword.get(keyword.url) ?? { name: keyword.name, entries: [] };
      group.entries.push(entryFor({ key: article.key, versions: {} }, lang, article));
      byKeyword.set(keyword.url, group);
    }
  }
  const keywordItems = [...byKeyword].map(([url, group]) => ({ name: group.name, url, count: group.entries.length }));
  keywordItems.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lang));
  for (const [url, group] of byKeyword) lists.push(...paginate("keyword", lang, url, group.name, group.entries, `/${other}/`, site));

  const years = new Map<string, Map<string, ListEntry[]>>();
  stories.forEach((story, i) => {
    const date = storyDate(story);
    const months = years.get(date.toFormat("yyyy")) ?? new Map<string, ListEntry[]>();
    years.set(date.toFormat("yyyy"), months);
    const month = months.get(date.toFormat("MM")) ?? [];
    months.set(date.toFormat("MM"), month);
    month.push(entries[i]!);
  });
  const archiveItems: IndexPage["items"] = [];
  for (const [year, months] of years) {
    const yearBase = `/${lang}/archive/${year}/`;
    const yearEntries = [...months.values()].flat();
    lists.push(...paginate("year", lang, yearBase, lang === "zh" ? `${year}年` : year, yearEntries, `/${other}/archive/${year}/`, site));
    const children = [...months].map(([month, monthEntries]) => {
      const base = `${yearBase}${month}/`;
      const name = monthName(lang, year, month);
      lists.push(...paginate("month", lang, base, name, monthEntries, `/${other}/archive/${year}/${month}/`, site));
      return { name, url: base, count: monthEntries.length };
    });
    archiveItems.push({ name: lang === "zh" ? `${year}年` : year, url: yearBase, count: yearEntries.length, children });
  }
  const indexes: IndexPage[] = [
    indexPage("keywords", lang, `/${lang}/keywords/`, ui.keywordsTitle, keywordItems, `/${other}/keywords/`, site),
    indexPage("archive", lang, `/${lang}/archive/`, ui.archiveTitle, archiveItems, `/${other}/archive/`, site),
  ];
  return { lists, indexes };
}

/** A story as an entry in `lang`'s lists: in `lang` when it has that version, else in its own language, marked. */
function entryFor(story: Story, lang: Lang, page?: ArticlePage): ListEntry {
  if (page) return { lang, htmlLang: page.htmlLang, url: page.url, title: page.title, dateIso: page.dateIso, dateText: page.dateText };
  const shown = story.versions[lang] ? lang : storyLangs(story)[0]!;
  const article = story.versions[shown]!;
  return {
    lang: shown,
    htmlLang: STRINGS[shown].htmlLang,
    url: articleUrl(shown, article.slug),
    title: article.title,
    dateIso: isoDate(article.date),
    dateText: formatDate(article.date, shown),
    onlyMark: shown === lang ? undefined : STRINGS[shown].onlyThisLang,
  };
}

function paginate(kind: ListPage["kind"], lang: Lang, base: string, heading: string, entries: ListEntry[], switchUrl: string, site: SiteUrl): ListPage[] {
  const count = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const pages = Array.from({ length: count }, (_, i) => ({ number: i + 1, url: pageUrl(base, i + 1) }));
  return pages.map((page) => {
    const url = absoluteUrl(site, page.url);
    const title = page.number === 1 ? heading : `${heading} · ${STRINGS[lang].pageN(page.number)}`;
    return {
      kind,
      lang,
      url: page.url,
      heading,
      number: page.number,
      entries: entries.slice((page.number - 1) * PAGE_SIZE, page.number * PAGE_SIZE),
      pages,
      switchUrl,
      head: { canonical: url, alternates: [], meta: basicMeta(lang, title, "", url, "website") },
    };
  });
}

function indexPage(kind: IndexPage["kind"], lang: Lang, url: string, heading: string, items: IndexPage["items"], switchUrl: string, site: SiteUrl): IndexPage {
  const absolute = absoluteUrl(site, url);
  return { kind, lang, url, heading, items, switchUrl, head: { canonical: absolute, alternates: [], meta: basicMeta(lang, heading, "", absolute, "website") } };
}

function monthName(lang: Lang, year: string, month: string): string {
  const n = Number(month);
  if (lang === "zh") return `${year}年${n}月`;
  const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${names[n - 1]} ${year}`;
}
