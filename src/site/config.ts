// The site's identity as plain data: what site.yaml says, or today's defaults where it says nothing.
import type { Lang } from "../types.ts";

/** A value given once per language. */
export type PerLang = Record<Lang, string>;

/** One header link. */
export interface NavLink {
  /** Link text. */
  title: string;
  /** Site-relative path (`/zh/about/`, prefixed with the site's path when printed) or absolute http(s) URL. */
  url: string;
  /** True for an absolute URL: printed as it is, never prefixed. */
  external: boolean;
  /** The line of site.yaml it is on (none for a page's own link), for a diagnostic when it leads nowhere. */
  line?: number;
}

/** The newsroom's logo, checked by its content. */
export interface SiteLogo {
  /** Absolute path of the file. */
  file: string;
  /** Its asset name (`logo.svg`, `logo.png` …): the extension follows the content, not the file name. */
  asset: string;
  /** MIME type read from the content. */
  type: "image/svg+xml" | "image/png" | "image/webp" | "image/jpeg";
  /** The web app manifest's `sizes`: "any" for SVG, `WxH` for PNG, undefined when not read. */
  sizes?: string;
}

/** A section (desk) of the newsroom: its slug in URLs and front matter, and its name per language. */
export interface SectionConfig {
  slug: string;
  name: PerLang;
}

/** A person with a byline: the slug of their pages, their name per language, and an optional short bio. */
export interface AuthorConfig {
  slug: string;
  name: PerLang;
  bio?: PerLang;
}

/** Everything that makes the site a newsroom's own (see docs/site-config.md). */
export interface SiteConfig {
  /** Display path of the site.yaml read (none for the defaults), named by diagnostics about it. */
  file?: string;
  /** Where the site is deployed, absolute http(s); `--base-url` overrides it. Undefined: not said. */
  url?: string;
  /** The site's name per language: header, titles, feeds, manifests, `og:site_name`, JSON-LD publisher. */
  name: PerLang;
  /** Short name of the installed app per language (default: the name). */
  shortName: PerLang;
  /** One sentence about the site per language: pages without a description of their own, feeds, manifests. */
  description: PerLang;
  /** The logo: header, favicon and manifest icon. Undefined: Duet's own icons, and no image in the header. */
  logo?: SiteLogo;
  /** Accent colour of links and buttons, the manifest's theme colour and `<meta name="theme-color">`. */
  themeColor: string;
  /** IANA zone a date without an offset is read in (a bare day is that day there). */
  timeZone: string;
  /** Header links per language, after Duet's own. */
  nav: Record<Lang, NavLink[]>;
  /** A line of footer text per language ("" for none). */
  footer: PerLang;
  /** The newsroom's sections, in the order the header and the front page show them (none: sections are named by their slugs). */
  sections: SectionConfig[];
  /** People with bylines, named per language, with an optional bio for their page. */
  authors: AuthorConfig[];
}

/** Duet's own theme colour: with it, the stylesheet is published as written. */
export const DEFAULT_THEME_COLOR = "#0b57d0";

/** The site without a site.yaml: the names and colours Duet has always shipped with. */
export const DEFAULT_SITE_CONFIG: SiteConfig = {
  name: { zh: "Duet 双语新闻", en: "Duet Bilingual News" },
  shortName: { zh: "Duet", en: "Duet" },
  description: { zh: "中英双语新闻：按关键词检索，离线也能阅读。", en: "News in Chinese and English, searchable by keyword and readable offline." },
  themeColor: DEFAULT_THEME_COLOR,
  timeZone: "Asia/Shanghai",
  nav: { zh: [], en: [] },
  footer: { zh: "", en: "" },
  sections: [],
  authors: [],
};
