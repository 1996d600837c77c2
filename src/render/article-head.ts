// An article page's head data: canonical and hreflang links, Open Graph and Twitter tags, NewsArticle JSON-LD.
import { LANGS, type Lang } from "../types.ts";
import type { ArticlePage } from "./entry.ts";
import { basicMeta, jsonForScript, OG_LOCALE, type PageHead } from "./head.ts";
import { photoMeta } from "./photos.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { STRINGS } from "./strings.ts";

/**
 * The part of an article's head its sitemap entry needs: canonical and hreflang links (these only when the
 * translation exists), without meta tags or JSON-LD. A cached build plans every page with this and makes the
 * whole head (`articleHead`) only for the pages it renders.
 */
export function articleLinks(page: Pick<ArticlePage, "url" | "lang" | "alternate">, site: SiteUrl): PageHead {
  const url = absoluteUrl(site, page.url);
  const other = page.alternate;
  const byLang: Partial<Record<Lang, string>> = { [page.lang]: url, ...(other ? { [other.lang]: absoluteUrl(site, other.url) } : {}) };
  const alternates = other
    ? [
        ...LANGS.map((lang) => ({ hreflang: STRINGS[lang].htmlLang, href: byLang[lang]! })),
        { hreflang: "x-default", href: byLang.zh! },
      ]
    : [];
  return { canonical: url, alternates, meta: [] };
}

/** Head data of an article: hreflang and `og:locale:alternate` only when the translation exists. */
export function articleHead(page: Omit<ArticlePage, "head">, site: SiteUrl, siteName: string): PageHead {
  const { canonical: url, alternates } = articleLinks(page, site);
  const other = page.alternate;
  const otherUrl = other && absoluteUrl(site, other.url);
  const meta = basicMeta(page.lang, page.title, page.description, url, "article", siteName);
  const photo = photoMeta(page.image, site);
  meta.push(...photo.meta);
  // A story with a photo gets the large card.
  if (photo.url) for (const tag of meta) if (tag.key === "twitter:card") tag.content = "summary_large_image";
  if (other) meta.push({ attr: "property", key: "og:locale:alternate", content: OG_LOCALE[other.lang] });
  meta.push({ attr: "property", key: "article:published_time", content: page.dateIso });
  for (const keyword of page.keywords) meta.push({ attr: "property", key: "article:tag", content: keyword.name });
  // Chinese is the original of a pair (scrapes are Chinese stories with an English rendering).
  const translationLink = other ? (page.lang === "zh" ? { workTranslation: { "@type": "NewsArticle", "@id": otherUrl, url: otherUrl, inLanguage: other.htmlLang } } : { translationOfWork: { "@type": "NewsArticle", "@id": otherUrl, url: otherUrl, inLanguage: other.htmlLang } }) : {};
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": url,
    url,
    mainEntityOfPage: url,
    headline: page.title,
    description: page.description,
    datePublished: page.dateIso,
    dateModified: page.dateIso,
    inLanguage: page.htmlLang,
    keywords: page.keywords.map((k) => k.name),
    ...(page.source ? { isBasedOn: page.source } : {}),
    ...(photo.url && { image: [photo.url] }),
    ...(page.authors.length > 0 && { author: page.authors.map((p) => ({ "@type": "Person", name: p.name, url: absoluteUrl(site, p.url) })) }),
    ...(page.section && { articleSection: page.section.name }),
    publisher: { "@type": "Organization", name: siteName, url: absoluteUrl(site, `/${page.lang}/`) },
    ...translationLink,
  };
  return { canonical: url, alternates, meta, jsonLd: jsonForScript(jsonLd) };
}
