// Article pages: one per language version, with URLs checked for conflicts and head data for search engines.
import type { DateTime } from "luxon";
import { error, quote } from "../diagnostics.ts";
import { storyLangs } from "../pair/index.ts";
import type { Article, Diagnostic, DraftBody, Lang, Story } from "../types.ts";
import type { ArticlePage, VersionLink } from "./entry.ts";
import { LANG_PATHS, LANGS } from "../types.ts";
import { renderBody, type RenderedBody } from "./body.ts";
import { formatDate, isoDate } from "./dates.ts";
import { mayHoldImages } from "../shared/body-keys.ts";
import { periodOf } from "../shared/search-layout.ts";
import { basicMeta, jsonForScript, OG_LOCALE, type PageHead } from "./head.ts";
import { keywordSlug } from "./keywords.ts";
import { DEVICE_NAME_RE, utf8Length } from "../validate/segment.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { authorLinks, sectionLink } from "./desks.ts";
import { articleHead, articleLinks } from "./article-head.ts";
import { pagePhoto, withPhotos, type PhotoLookup } from "./photos.ts";

export type { PagePhoto, PhotoLookup } from "./photos.ts";
import { STRINGS } from "./strings.ts";
import { displayHtml, displayText } from "./typography.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../site/index.ts";

export type { VersionLink } from "./entry.ts";

export type { ArticlePage } from "./entry.ts";

/** Article pages and the URL conflicts that kept stories out. */
export interface PlannedArticles {
  /** Pages of every published story, in story order. */
  articles: ArticlePage[];
  /** Stories that got their pages (those in conflict are left out). */
  published: Story[];
  /** URL conflicts. */
  diagnostics: Diagnostic[];
  /** How to make the HTML of each page planned without it (with `ArticleContext.deferred`), by URL. */
  deferred: Map<string, () => string>;
}

/** Site-relative path of an article page. */
export function articleUrl(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}

/** Turns a draft body into HTML and its lead; `period` is its article's month (`YYYY-MM`), by which a cache may file it. */
export type BodyRenderer = (body: DraftBody, period: string) => RenderedBody;

/**
 * Bodies whose HTML is made only for the pages rendered (a cached build, which renders few of them): the
 * plan then holds each such page's lead, and the hash of its body in place of its HTML (see `ArticlePage.htmlKey`).
 */
export interface DeferredBodies {
  /** The hash of a body: what its HTML is made from. */
  key(body: DraftBody): string;
  /** The lead of a body. */
  lead(body: DraftBody, key: string, period: string): string;
  /** The HTML of a body. */
  html(body: DraftBody, key: string, period: string): string;
}

/** What article pages are planned with besides their stories: the site's configuration, and its photos when processed. */
export interface ArticleContext {
  config: SiteConfig;
  photos?: PhotoLookup;
  /** Bodies whose HTML, and pages whose head data, wait until their page is rendered; without it every page is planned whole. */
  deferred?: DeferredBodies;
}

/**
 * Results of earlier plans by the object they were made from; a `WeakMap` is one. Planning looks an
 * object up before it makes anything from it, and keeps what it made.
 */
export interface ObjectMemo<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** An article page as planned, with the other version's article it links to (the page depends on both). */
export interface PlannedPage {
  alternate: Article | undefined;
  page: ArticlePage;
}

/**
 * Longest file name most file systems accept, in bytes. Validation keeps slugs well under it; a URL
 * segment past it (or a Windows device name) would fail the whole render, so the plan leaves its story out.
 */
const MAX_NAME_BYTES = 255;

/**
 * Plans the article pages of `stories`. A story whose URL is taken (ignoring case) is an error naming
 * both files; one whose page cannot be written as a file (`render/unwritable-url`) is an error on its file.
 * A page in `memo` is reused while its article and the other version's are the very objects it was planned
 * from; a memo serves one site address, site name and body renderer. `names` is the site's name per
 * language, for Open Graph and the JSON-LD publisher.
 */
export function planArticles(stories: readonly Story[], site: SiteUrl, render: BodyRenderer = renderBody, memo?: ObjectMemo<Article, PlannedPage>, context: ArticleContext = { config: DEFAULT_SITE_CONFIG }): PlannedArticles {
  const diagnostics: Diagnostic[] = [];
  const articles: ArticlePage[] = [];
  const published: Story[] = [];
  const claimed = new Map<string, string>();
  const deferred = new Map<string, () => string>();
  for (const story of stories) {
    const links = linksOf(story);
    const unwritable = storyLangs(story).flatMap((lang) => unwritableUrl(story.versions[lang]!, links[lang]!.url));
    diagnostics.push(...unwritable);
    if (unwritable.length > 0) continue;
    const conflicts = storyLangs(story).filter((lang) => claimed.has(links[lang]!.url.toLowerCase()));
    for (const lang of conflicts) {
      const owner = claimed.get(links[lang]!.url.toLowerCase());
      diagnostics.push(error(story.versions[lang]!.file, 1, "render/url-conflict", `URL ${links[lang]!.url} is already taken by ${owner}; give one of them another slug`));
    }
    if (conflicts.length > 0) continue;
    published.push(story);
    for (const lang of storyLangs(story)) claimed.set(links[lang]!.url.toLowerCase(), story.versions[lang]!.file);
    for (const lang of storyLangs(story)) {
      const article = story.versions[lang]!;
      const alternate = story.versions[lang === "zh" ? "en" : "zh"];
      const known = memo?.get(article);
      if (known && known.alternate === alternate) {
        articles.push(known.page);
        continue;
      }
      const page = planArticle(story, lang, links, { site, ...context }, render, deferred);
      memo?.set(article, { alternate, page });
      articles.push(page);
    }
  }
  return { articles, published, diagnostics, deferred };
}

function planArticle(story: Story, lang: Lang, links: Partial<Record<Lang, VersionLink>>, at: ArticleContext & { site: SiteUrl }, render: BodyRenderer, deferred: Map<string, () => string>): ArticlePage {
  const article = story.versions[lang]!;
  const dateIso = isoDate(article.date);
  const period = periodOf(dateIso);
  const { body, htmlKey } = bodyOf(article, period, at.deferred, render);
  const self = links[lang]!;
  const alternate = lang === "zh" ? links.en : links.zh;
  // Chinese text is shown with full-width punctuation everywhere it is printed (titles come from linksOf).
  const lead = displayText(lang, body.lead);
  const description = displayText(lang, article.summary ?? body.lead);
  // One literal of a fixed shape (absent options undefined, which JSON leaves out), head last: spreading
  // the page into a second object with its head cost a cached build of 10,000 stories a third of planning.
  const page: ArticlePage = {
    lang: self.lang,
    htmlLang: self.htmlLang,
    url: self.url,
    title: self.title,
    key: story.key,
    file: article.file,
    titleDerived: article.titleDerived,
    date: article.date,
    dateIso,
    dateText: formatDate(article.date, lang),
    keywords: article.keywords.map((name) => ({ name, url: `/${lang}/${LANG_PATHS.keywords}${keywordSlug(name)}/`, search: `/${lang}/${LANG_PATHS.search}?kw=${encodeURIComponent(name)}` })),
    source: article.source,
    description: truncate(description, 200),
    lead,
    html: htmlKey === undefined ? withPhotos(displayHtml(lang, body.html), article.file, at) : "",
    htmlKey,
    alternate,
    image: article.image ? pagePhoto(article, at.photos) : undefined,
    authors: authorLinks(article.authors, lang, at.config),
    section: article.section ? sectionLink(article.section, lang, at.config) : undefined,
    related: [],
    draft: article.draft,
    featured: article.featured,
    head: NO_HEAD,
  };
  if (htmlKey !== undefined) {
    // Made once: a new story's page is both in the feeds and rendered.
    let html: string | undefined;
    deferred.set(self.url, () => (html ??= displayHtml(lang, at.deferred!.html(article.body, htmlKey, period))));
  }
  // Meta tags and JSON-LD are much of a page's plan, and printed only when it is rendered: a cached build makes them then.
  page.head = at.deferred ? articleLinks(page, at.site) : articleHead(page, at.site, at.config.name[lang]);
  return page;
}

/** The head a page is planned with until its own is made. */
const NO_HEAD: PageHead = { canonical: "", alternates: [], meta: [] };

/**
 * An article's rendered body, or with `deferred` its lead alone and the key of its HTML. A body with a
 * photo (Markdown's `![…]`: raw HTML is off) is always rendered: its HTML depends on the photos too.
 */
function bodyOf(article: Article, period: string, deferred: DeferredBodies | undefined, render: BodyRenderer): { body: RenderedBody; htmlKey?: string } {
  if (!deferred || mayHoldImages(article.body)) return { body: render(article.body, period) };
  const htmlKey = deferred.key(article.body);
  return { body: { html: "", lead: deferred.lead(article.body, htmlKey, period) }, htmlKey };
}

/** An error when a segment of the article's URL (or of one of its keyword pages) cannot be a file name. */
function unwritableUrl(article: Article, url: string): Diagnostic[] {
  const segments = [url, ...article.keywords.map((name) => `/${LANG_PATHS.keywords}${keywordSlug(name)}/`)].flatMap((u) => u.split("/"));
  // A UTF-16 unit is at most three bytes of UTF-8, so a short segment needs no counting.
  const bad = segments.find((s) => (s.length * 3 > MAX_NAME_BYTES && utf8Length(s) > MAX_NAME_BYTES) || DEVICE_NAME_RE.test(s));
  if (bad === undefined) return [];
  const why = DEVICE_NAME_RE.test(bad) ? "is a Windows device name" : `is ${utf8Length(bad)} bytes long, over the ${MAX_NAME_BYTES} a file name may have`;
  return [error(article.file, 1, "render/unwritable-url", `the page ${url} cannot be written: its part ${quote(bad)} ${why}; give the story a shorter slug`)];
}

/** The link to each language version a story has. */
function linksOf(story: Story): Partial<Record<Lang, VersionLink>> {
  const links: Partial<Record<Lang, VersionLink>> = {};
  for (const lang of storyLangs(story)) {
    const article = story.versions[lang]!;
    links[lang] = { lang, htmlLang: STRINGS[lang].htmlLang, url: articleUrl(lang, article.slug), title: displayText(lang, article.title) };
  }
  return links;
}

/** Shortens text to at most `max` characters at a word or sentence boundary, adding "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("，"), cut.lastIndexOf("。"), cut.lastIndexOf(","));
  return `${(boundary > max * 0.6 ? cut.slice(0, boundary) : cut).trimEnd()}…`;
}
