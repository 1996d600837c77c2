// Feeds: per language, the newest stories as Atom and as JSON Feed 1.1, built from plain data.
import type { DateTime } from "luxon";
import { LANG_PATHS, type Lang } from "../types.ts";
import type { ArticlePage } from "./articles.ts";
import { isoDate } from "./dates.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { STRINGS } from "./strings.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../site/index.ts";

/** Stories per feed. */
export const FEED_SIZE = 50;

/** One feed entry, every URL absolute. */
export interface FeedEntry {
  /** Absolute URL, also the entry's id. */
  url: string;
  title: string;
  summary: string;
  /** Body HTML (escaped by the template where it lands in XML). */
  html: string;
  /** RFC 3339 with offset. */
  published: string;
  keywords: string[];
  /** Bylines. */
  authors: string[];
  /** The section's name, if any. */
  section?: string;
  /** The lead photo's largest rendition, absolute (a remote photo's own address). */
  image?: string;
}

/** Everything one language's feeds say. */
export interface Feed {
  lang: Lang;
  /** `<html lang>`-style language tag. */
  language: string;
  /** The site's name: the feed's title and author. */
  title: string;
  /** The site's description: Atom's subtitle, JSON Feed's description. */
  subtitle: string;
  /** Absolute URL of the language's home. */
  home: string;
  /** Site-relative URLs of the two feed files. */
  atomPath: string;
  jsonPath: string;
  /** Absolute URLs of the two feed files. */
  atomUrl: string;
  jsonUrl: string;
  /** Newest entry's date (or the build time for an empty feed). */
  updated: string;
  entries: FeedEntry[];
  /** The JSON Feed 1.1 document, serialised. */
  json: string;
}

/** Site-relative paths of a language's feeds. */
export function feedPaths(lang: Lang): { atom: string; json: string } {
  return { atom: `/${lang}/${LANG_PATHS.atomFeed}`, json: `/${lang}/${LANG_PATHS.jsonFeed}` };
}

/**
 * Plans the feeds of one language from its article pages (newest first); `config` names the site. With
 * `scope`, the feeds of one section: under its page (`base`), titled with its name.
 */
export function planFeed(lang: Lang, articles: readonly ArticlePage[], site: SiteUrl, buildTime: DateTime, config: SiteConfig = DEFAULT_SITE_CONFIG, scope?: { name: string; base: string }): Feed {
  const ui = STRINGS[lang];
  const paths = scope ? { atom: `${scope.base}${LANG_PATHS.atomFeed}`, json: `${scope.base}${LANG_PATHS.jsonFeed}` } : feedPaths(lang);
  const newest = articles.filter((a) => a.lang === lang).slice(0, FEED_SIZE);
  const entries = newest.map((a) => feedEntry(a, site));
  const home = absoluteUrl(site, scope?.base ?? `/${lang}/`);
  const feed = {
    lang,
    language: ui.htmlLang,
    title: scope ? `${config.name[lang]} · ${scope.name}` : config.name[lang],
    subtitle: config.description[lang],
    home,
    atomPath: paths.atom,
    jsonPath: paths.json,
    atomUrl: absoluteUrl(site, paths.atom),
    jsonUrl: absoluteUrl(site, paths.json),
    updated: entries[0]?.published ?? isoDate(buildTime),
    entries,
  };
  const json = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    description: feed.subtitle,
    home_page_url: home,
    feed_url: feed.jsonUrl,
    language: feed.language,
    authors: [{ name: feed.title, url: home }],
    items: entries.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.html,
      date_published: e.published,
      tags: e.keywords,
      language: feed.language,
      ...(e.image && { image: e.image }),
      ...(e.authors.length > 0 && { authors: e.authors.map((name) => ({ name })) }),
    })),
  };
  return { ...feed, json: `${JSON.stringify(json, null, 2)}\n` };
}

/** One article as a feed entry, every URL absolute. */
function feedEntry(a: ArticlePage, site: SiteUrl): FeedEntry {
  const image = a.image?.set ? absoluteUrl(site, a.image.set.large.url) : a.image?.remote;
  return {
    url: absoluteUrl(site, a.url),
    title: a.title,
    summary: a.description,
    html: a.html,
    published: a.dateIso,
    keywords: a.keywords.map((k) => k.name),
    authors: a.authors.map((p) => p.name),
    ...(a.section && { section: a.section.name }),
    ...(image && { image }),
  };
}
