// Sitemaps: every page with hreflang alternates for translated stories, and a Google News sitemap of the last two days.
import type { DateTime } from "luxon";
import { ROOT_PATHS } from "../types.ts";
import type { ArticlePage } from "./articles.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";

/** One `<url>` of a sitemap. */
export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** Last modification (RFC 3339), when known. */
  lastmod?: string;
  /** hreflang alternates, for translated stories only. */
  alternates: { hreflang: string; href: string }[];
}

/** One file of the sitemap set. */
export interface SitemapFile {
  /** Site-relative path. */
  path: string;
  urls: SitemapUrl[];
}

/** One entry of the Google News sitemap. */
export interface NewsEntry {
  loc: string;
  /** Google News language code: `zh-cn` or `en`. */
  language: string;
  publicationName: string;
  published: string;
  title: string;
  keywords: string;
}

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;
/** How far back a Google News sitemap reaches. */
const NEWS_WINDOW_HOURS = 48;

/**
 * Splits the site's URLs into sitemap files of at most 50,000 URLs. One file is `sitemap.xml`;
 * more become `sitemap-N.xml`, listed by a sitemap index at `sitemap.xml`.
 */
export function planSitemaps(urls: SitemapUrl[]): { files: SitemapFile[]; index?: string[] } {
  if (urls.length <= SITEMAP_LIMIT) return { files: [{ path: `/${ROOT_PATHS.sitemap}`, urls }] };
  const files: SitemapFile[] = [];
  for (let i = 0; i < urls.length; i += SITEMAP_LIMIT) files.push({ path: `/${ROOT_PATHS.sitemapPart}${files.length + 1}.xml`, urls: urls.slice(i, i + SITEMAP_LIMIT) });
  return { files, index: files.map((f) => f.path) };
}

/** A sitemap entry for an article, with its alternates when the translation exists. */
export function articleSitemapUrl(page: ArticlePage): SitemapUrl {
  return { loc: page.head.canonical, lastmod: page.dateIso, alternates: page.head.alternates };
}

/** A sitemap entry for any other page. */
export function plainSitemapUrl(site: SiteUrl, path: string): SitemapUrl {
  return { loc: absoluteUrl(site, path), alternates: [] };
}

/** Stories published in the two days before the build time (none from the future), for the Google News sitemap. */
export function planNewsSitemap(articles: readonly ArticlePage[], buildTime: DateTime, publicationName: (lang: ArticlePage["lang"]) => string): NewsEntry[] {
  const since = buildTime.minus({ hours: NEWS_WINDOW_HOURS });
  return articles
    .filter((a) => a.date >= since && a.date <= buildTime)
    .map((a) => ({
      loc: a.head.canonical,
      language: a.lang === "zh" ? "zh-cn" : "en",
      publicationName: publicationName(a.lang),
      published: a.dateIso,
      title: a.title,
      keywords: a.keywords.map((k) => k.name).join(", "),
    }));
}
