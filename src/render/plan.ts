// The page plan: every page and file of the site as plain data; templates only print it.
import type { DateTime } from "luxon";
import type { Article, Diagnostic, Lang, SitePage, Story } from "../types.ts";
import { LANG_PATHS, LANGS, ROOT_PATHS } from "../types.ts";
import { planArticles, type ArticlePage, type BodyRenderer, type DeferredBodies, type ObjectMemo, type PhotoLookup, type PlannedArticles, type PlannedPage } from "./articles.ts";
import { planDeskLists } from "./desk-lists.ts";
import { planFront, planRoot, type FrontPlan, type RootPlan } from "./front.ts";
import { relatedIndex, type RelatedMemo } from "./related.ts";
import { fixSwitches, withSections } from "./site-links.ts";
import { FEED_SIZE, planFeed, type Feed } from "./feeds.ts";
import { checkNavTargets, planNewsroomPages, type NewsroomPage } from "./pages.ts";
import { basicMeta, type PageHead } from "./head.ts";
import { entryFrom, LIST_PAGE_SIZE, pageAfterFront, planLists, type EntryMemo, type IndexPage, type ListEntry, type ListPage } from "./lists.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { articleSitemapUrl, plainSitemapUrl, planNewsSitemap, planSitemaps, type NewsEntry, type SitemapFile } from "./sitemap.ts";
import { STRINGS } from "./strings.ts";
import { DEFAULT_SITE_CONFIG, type NavLink, type SiteConfig } from "../site/index.ts";
import { periodOf, searchLayout, type LayoutOptions, type SearchShard } from "../shared/search-layout.ts";

export { articleUrl } from "./articles.ts";
export type { ArticlePage, DeferredBodies, ObjectMemo, PhotoLookup, PlannedArticles, PlannedPage, VersionLink } from "./articles.ts";
export type { FrontPlan, RootPlan } from "./front.ts";
export { LIST_PAGE_SIZE, pageUrl } from "./lists.ts";
export type { EntryMemo, IndexPage, ListEntry, ListPage } from "./lists.ts";

/** A page with nothing but a language and head data (search pages). */
export interface SimplePage {
  lang: Lang;
  url: string;
  head: PageHead;
}

/** A search page. */
export interface SearchPage extends SimplePage {
  /** The search bundle's Pagefind indexes, oldest stories first (see shared/search-layout.ts). */
  shards: SearchShard[];
}

/** A language's front page: the lead story, the latest, one block per section. */
export interface FrontPage extends SimplePage {
  front: FrontPlan;
  /** Where the language switch leads. */
  switchUrl: string;
  /** The home list's second page, when there are more stories than the front page shows. */
  more?: string;
}

/** Everything the templates render. */
export interface SitePlan {
  /** Site address: origin and path prefix. */
  site: SiteUrl;
  /** The site's identity from site.yaml (name, logo, colour, header links, footer); templates print it. */
  config: SiteConfig;
  /** Header links per language: site.yaml's, then the newsroom's pages that ask for one. */
  nav: Record<Lang, NavLink[]>;
  /** The newsroom's own pages (About, Contact …) from pages/<lang>/. */
  pages: NewsroomPage[];
  /** Article pages in every language. */
  articles: ArticlePage[];
  /** Each language's front page. */
  fronts: FrontPage[];
  /** The root page's newest headlines, per language. */
  root: RootPlan;
  /** Paginated lists: homes (after the front page), keyword, section and author pages, year and month archives. */
  lists: ListPage[];
  /** Keyword and archive index pages. */
  indexes: IndexPage[];
  /** Search pages. */
  searches: SearchPage[];
  /** Atom and JSON feeds, per language. */
  feeds: Feed[];
  /** Sitemap files. */
  sitemaps: SitemapFile[];
  /** The sitemap index listing them: one entry when there is more than one file, else none. */
  sitemapIndexes: { path: string; files: string[] }[];
  /** Google News sitemap entries. */
  news: NewsEntry[];
  /** Per language: the offline page, listing the stories precached for offline reading. */
  offline: { lang: Lang; url: string; entries: ListEntry[]; head: PageHead }[];
  /** Site-relative URLs of the article pages the service worker precaches. */
  precacheArticles: string[];
  /** Problems found while planning, such as two stories wanting one URL. */
  diagnostics: Diagnostic[];
  /** For a cached build's plan: how to make each page's HTML left out (see `htmlKey`), by URL; its article heads hold links alone (`articleLinks`). */
  deferred?: ReadonlyMap<string, () => string>;
}

/** Options of the plan. */
export interface PlanOptions {
  /** The site's address. */
  site: SiteUrl;
  /** The site's identity from site.yaml (default: Duet's own names and colours). */
  config?: SiteConfig;
  /** The newsroom's own pages (pages/<lang>/<slug>.md), already read and checked. */
  pages?: readonly SitePage[];
  /** The build's notion of now (from SOURCE_DATE_EPOCH when set), for feeds and the news sitemap. */
  buildTime: DateTime;
  /** Newest stories per language precached for offline reading (default 20). */
  offlineStories?: number;
  /** How the search bundle is laid out: stories per index, packed results (see shared/search-layout.ts). */
  search?: LayoutOptions;
  /** Renders an article body; a build cache passes a memoised one (see cache/). Default: markdown-it every time. */
  renderBody?: BodyRenderer;
  /** The processed photos (see images/); without them a local photo is shown only by its alt text in lists. */
  photos?: PhotoLookup;
  /** Pages and list entries of earlier plans, reused while made from the very same objects (see `PlanMemo`). */
  memo?: PlanMemo;
  /** Related stories of earlier builds, by what decides them (a build cache's memo; see `relatedIndex`). */
  related?: RelatedMemo;
  /** Bodies whose HTML is made only for the pages rendered (see `DeferredBodies`); else every article's is planned. */
  deferred?: DeferredBodies;
}

/**
 * What planning may reuse from earlier plans of one site (same address, configuration, body renderer): article pages by
 * their article (see `planArticles`), and list entries by their page. A `WeakMap` serves for each.
 */
export interface PlanMemo {
  articles: ObjectMemo<Article, PlannedPage>;
  entries: EntryMemo;
}

/** The search bundle's layout for the stories these article pages belong to (see shared/search-layout.ts). */
export function articleSearchLayout(articles: readonly ArticlePage[], options?: LayoutOptions): SearchShard[] {
  // A story is filed under its first version's month, Chinese when it has one (as the indexer does).
  const first = new Map<string, ArticlePage>();
  for (const a of articles) if (a.lang === "zh" || !first.has(a.key)) first.set(a.key, a);
  return searchLayout([...first.values()].map((a) => periodOf(a.dateIso)), options);
}

/** Plans the article pages of the stories (already sorted newest first): the first part of `planSite`. */
export function planArticlePages(stories: readonly Story[], options: PlanOptions): PlannedArticles {
  return planArticles(stories, options.site, options.renderBody, options.memo?.articles, { config: options.config ?? DEFAULT_SITE_CONFIG, ...(options.photos && { photos: options.photos }), ...(options.deferred && { deferred: options.deferred }) });
}

/**
 * Plans every page of the site from stories (already sorted newest first). `planned`, when given, is what
 * `planArticlePages` returned for the same stories and options.
 */
export function planSite(stories: readonly Story[], options: PlanOptions, planned: PlannedArticles = planArticlePages(stories, options)): SitePlan {
  const { site, buildTime } = options;
  const config = options.config ?? DEFAULT_SITE_CONFIG;
  const { articles: plain, published } = planned;
  const newsroom = planNewsroomPages(options.pages ?? [], plain, site, config);
  // Without a memo, entries are still shared by the lists of this plan.
  const entries = options.memo?.entries ?? { plain: new WeakMap(), marked: new WeakMap() };
  const entry = (page: ArticlePage) => entryFrom(page, entries);
  const byLang = Object.fromEntries(LANGS.map((lang) => [lang, plain.filter((a) => a.lang === lang)])) as Record<Lang, ArticlePage[]>;
  const { lists, indexes, feeds, fronts } = planLanguagePages(published, byLang, { site, buildTime, config, entries, all: plain, deferred: planned.deferred });
  fixSwitches(lists);
  const articles = withRelated(plain, entry, options.related);
  const shards = articleSearchLayout(articles, options.search);
  const searches = LANGS.map((lang) => {
    const url = `/${lang}/${LANG_PATHS.search}`;
    const absolute = absoluteUrl(site, url);
    return { lang, url, shards, head: { canonical: absolute, alternates: [], meta: basicMeta(lang, STRINGS[lang].search, "", absolute, "website", config.name[lang]) } };
  });
  const sitemapUrls = [
    plainSitemapUrl(site, "/"),
    ...fronts.map((p) => plainSitemapUrl(site, p.url)),
    ...lists.map((p) => plainSitemapUrl(site, p.url)),
    ...indexes.map((p) => plainSitemapUrl(site, p.url)),
    ...newsroom.pages.map((p) => plainSitemapUrl(site, p.url)),
    ...articles.map(articleSitemapUrl),
  ];
  const sitemaps = planSitemaps(sitemapUrls);
  const offlineCount = options.offlineStories ?? 20;
  const newest = LANGS.flatMap((lang) => articles.filter((a) => a.lang === lang).slice(0, offlineCount));
  const offline = LANGS.map((lang) => {
    const url = `/${lang}/${LANG_PATHS.offline}`;
    const absolute = absoluteUrl(site, url);
    const entries = newest
      .filter((a) => a.lang === lang)
      .map((a) => ({ lang: a.lang, htmlLang: a.htmlLang, url: a.url, title: a.title, dateIso: a.dateIso, dateText: a.dateText }));
    return { lang, url, entries, head: { canonical: absolute, alternates: [], meta: basicMeta(lang, STRINGS[lang].offlineTitle, "", absolute, "website", config.name[lang]) } };
  });
  return {
    site,
    config,
    nav: withSections(newsroom.nav, config, new Set(lists.map((l) => l.url))),
    pages: newsroom.pages,
    articles,
    fronts,
    root: planRoot(byLang, entry),
    lists,
    indexes,
    searches,
    feeds,
    sitemaps: sitemaps.files,
    sitemapIndexes: sitemaps.index ? [{ path: `/${ROOT_PATHS.sitemap}`, files: sitemaps.index }] : [],
    news: planNewsSitemap(articles, buildTime, (lang) => config.name[lang]),
    offline,
    precacheArticles: newest.map((a) => a.url),
    diagnostics: [...planned.diagnostics, ...newsroom.diagnostics, ...checkNavTargets(config, knownUrls({ articles, fronts, lists, indexes, searches, offline, pages: newsroom.pages }))],
    ...(options.deferred && { deferred: planned.deferred }),
  };
}

/** Every site-relative URL the plan gives a page or a file (the language folders' feeds and manifests included). */
function knownUrls(pages: Record<string, readonly { url: string }[]>): Set<string> {
  const files = LANGS.flatMap((lang) => [LANG_PATHS.atomFeed, LANG_PATHS.jsonFeed, LANG_PATHS.manifest].map((name) => `/${lang}/${name}`));
  return new Set(["/", ...files, ...Object.values(pages).flatMap((list) => list.map((p) => p.url))]);
}

/** What each language's lists, feeds and front page are planned from besides the stories. */
type LanguageContext = { site: SiteUrl; buildTime: DateTime; config: SiteConfig; entries: EntryMemo };

/** Every language's lists (home, keyword, archive, section, author), index pages, feeds (site and sections) and front page. */
function planLanguagePages(published: readonly Story[], byLang: Record<Lang, ArticlePage[]>, at: LanguageContext & { all: readonly ArticlePage[]; deferred: ReadonlyMap<string, () => string> }) {
  const { site, buildTime, config, entries, all, deferred } = at;
  const lists: ListPage[] = [];
  const indexes: IndexPage[] = [];
  // Feeds carry their newest stories' HTML: made here for the pages planned without it.
  const withHtml = (pages: readonly ArticlePage[]) => pages.slice(0, FEED_SIZE).map((page) => (page.htmlKey === undefined ? page : { ...page, html: deferred.get(page.url)!() }));
  const feeds = LANGS.map((lang) => planFeed(lang, withHtml(byLang[lang]), site, buildTime, config));
  const fronts: FrontPage[] = [];
  const entry = (page: ArticlePage) => entryFrom(page, entries);
  for (const lang of LANGS) {
    const planned = planLists(lang, published, all, site, entries, config.name[lang]);
    const desks = planDeskLists(lang, byLang[lang], { ...site, name: config.name[lang] }, entries, config);
    lists.push(...planned.lists, ...desks.lists);
    indexes.push(...planned.indexes);
    feeds.push(...desks.sections.map((s) => planFeed(lang, withHtml(s.pages.filter((a) => a.lang === lang)), site, buildTime, config, { name: s.link.name, base: s.link.url })));
    const front = planFront(lang, byLang[lang], { sections: desks.sections.map((s) => s.link), entry, latest: LIST_PAGE_SIZE - 1, pool: planned.home });
    fronts.push(frontPage(lang, front, pageAfterFront(`/${lang}/`, published.length), site, config));
  }
  return { lists, indexes, feeds, fronts };
}

/** A language's front page, with its head data and the link on to older stories. */
function frontPage(lang: Lang, front: FrontPlan, more: string | undefined, site: SiteUrl, config: SiteConfig): FrontPage {
  const url = `/${lang}/`;
  const absolute = absoluteUrl(site, url);
  const head = { canonical: absolute, alternates: [], meta: basicMeta(lang, config.name[lang], config.description[lang], absolute, "website", config.name[lang]) };
  return { lang, url, front, switchUrl: `/${lang === "zh" ? "en" : "zh"}/`, head, ...(more && { more }) };
}

/** Pages with their related stories, computed from the whole site; a page whose related stories are unchanged stays the same object. */
const relatedMemo = new WeakMap<ArticlePage, ArticlePage>();
function withRelated(pages: readonly ArticlePage[], entry: (page: ArticlePage) => ListEntry, memo?: RelatedMemo): ArticlePage[] {
  const find = relatedIndex(pages, memo);
  return pages.map((page) => {
    const related = find(page).map(entry);
    const known = relatedMemo.get(page);
    if (known && known.related.length === related.length && known.related.every((e, i) => e === related[i])) return known;
    const made = { ...page, related };
    relatedMemo.set(page, made);
    return made;
  });
}
