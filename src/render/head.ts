// What goes in each page's <head> for search engines and social cards: canonical, hreflang, Open Graph, JSON-LD.
import type { Lang } from "../types.ts";

/** A `<meta>` element: `property` for Open Graph, `name` for the rest. */
export interface MetaTag {
  /** Which attribute names the tag. */
  attr: "property" | "name";
  /** The tag's name, such as `og:title`. */
  key: string;
  /** The tag's value. */
  content: string;
}

/** Head data every page carries. */
export interface PageHead {
  /** Absolute canonical URL. */
  canonical: string;
  /** hreflang alternates, including the page itself and `x-default`; empty for untranslated pages. */
  alternates: { hreflang: string; href: string }[];
  /** Open Graph, Twitter and article meta tags. */
  meta: MetaTag[];
  /** Structured data as JSON text, safe inside `<script>` (every `<` escaped). */
  jsonLd?: string;
}

/** Open Graph locale of each language. */
export const OG_LOCALE: Record<Lang, string> = { zh: "zh_CN", en: "en_US" };

/** Serialises structured data for an inline `<script type="application/ld+json">`: `<`, `>` and `&` can never close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Basic tags for any page: title, description, URL, locale, the site's name in the page's language. */
export function basicMeta(lang: Lang, title: string, description: string, url: string, type: "website" | "article", siteName: string): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attr: "property", key, content });
  return [
    og("og:type", type),
    og("og:title", title),
    ...(description ? [og("og:description", description)] : []),
    og("og:url", url),
    og("og:site_name", siteName),
    og("og:locale", OG_LOCALE[lang]),
    { attr: "name", key: "twitter:card", content: "summary" },
    { attr: "name", key: "twitter:title", content: title },
    ...(description ? [{ attr: "name" as const, key: "twitter:description", content: description }] : []),
  ];
}
