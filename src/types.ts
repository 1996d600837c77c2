// Shared shapes that flow between the pipeline stages.
import type { DateTime } from "luxon";
import type { LeadImage } from "./photo-types.ts";

export type { ImageSet, LeadImage } from "./photo-types.ts";

/** A language a story can be published in. */
export type Lang = "zh" | "en";

/** Every language Duet publishes, in display order. */
export const LANGS: readonly Lang[] = ["zh", "en"];

/**
 * What Duet writes inside each language folder besides article pages (`/zh/search/`, `/zh/feed.xml`):
 * the page plan builds these URLs from here, and validation refuses a slug that names one.
 */
export const LANG_PATHS = {
  search: "search/",
  offline: "offline/",
  keywords: "keywords/",
  archive: "archive/",
  /** Section pages: `/zh/sections/city/`. */
  sections: "sections/",
  /** Author pages: `/zh/authors/li-wei/`. */
  authors: "authors/",
  /** A paginated list's older pages: `/zh/page/1/` (see render/pagination.ts). */
  page: "page/",
  atomFeed: "feed.xml",
  jsonFeed: "feed.json",
  /** Written by templates/manifest.njk. */
  manifest: "manifest.webmanifest",
} as const;

/**
 * What Duet writes at the site root: sitemaps from the page plan; the rest from templates/ (`index.njk`,
 * `404.njk`, `robots.njk`, `headers.njk`), the search index (search/), assets (render/assets.ts) and
 * the service worker (offline/). A slug naming one is refused too, so no story ever shadows them.
 */
export const ROOT_PATHS = {
  home: "index.html",
  notFound: "404.html",
  robots: "robots.txt",
  headers: "_headers",
  sitemap: "sitemap.xml",
  /** Past 50,000 URLs: `sitemap-1.xml`, `sitemap-2.xml` … listed by `sitemap.xml`. */
  sitemapPart: "sitemap-",
  newsSitemap: "news-sitemap.xml",
  serviceWorker: "sw.js",
  search: "pagefind/",
  assets: "assets/",
  media: "media/",
  zh: "zh/",
  en: "en/",
} as const;

/** How bad a diagnostic is: errors fail the build, warnings do not (unless `--strict`). */
export type Severity = "error" | "warning";

/** One problem found in a source file, printed as `file:line: severity: message`. */
export interface Diagnostic {
  /** Path of the source file, relative to the working directory, with `/` separators. */
  file: string;
  /** 1-based line the problem is on (1 when the whole file is at fault). */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  /** Whether the problem fails the build. */
  severity: Severity;
  /** Stable machine-readable code, such as `md/unknown-key`; documented in docs/diagnostics.md. */
  code: string;
  /** One sentence a site operator can act on. */
  message: string;
}

/** A source file as read from disk: decoded, with its kind decided by its name. */
export interface SourceFile {
  /** Display path, relative to the working directory, `/`-separated. */
  path: string;
  /** Path relative to the articles directory, `/`-separated (used for dates and slugs). */
  relPath: string;
  /** The decoded text, without a BOM; line ends normalised to `\n`. */
  text: string;
  /** `markdown` for `<slug>.<lang>.md`, `raw` for a scraped `.txt` page. */
  kind: "markdown" | "raw";
  /**
   * Content key (hash of path, kind and text), set when a build cache is in use. A source the cache
   * knows unchanged is not read again: its `text` is then empty and its parse result comes from the cache.
   */
  key?: string;
  /** Absolute path, set with `key`: where a body the cache left out is read again, should a page need it. */
  abs?: string;
}

/** A value taken from a source, remembering the line it came from. */
export interface Located<T> {
  /** The value as written (not yet validated). */
  value: T;
  /** 1-based line in the source file. */
  line: number;
}

/** The body of an article, still in its source form. */
export type DraftBody =
  | {
      /** Markdown text, rendered by markdown-it with raw HTML disabled. */
      format: "markdown";
      /** The Markdown source. */
      text: string;
      /** 1-based line where the body starts in the source file. */
      line: number;
    }
  | {
      /** Plain paragraphs from a raw scrape, rendered as escaped `<p>` elements. */
      format: "paragraphs";
      /** Each paragraph with the line it starts on. */
      paragraphs: Located<string>[];
    };

/** One language version of one story, as parsed: fields are unvalidated. */
export interface ArticleDraft {
  /** Display path of the source file. */
  file: string;
  /** Path relative to the articles directory. */
  relPath: string;
  /** The language of this version. */
  lang: Lang;
  /** Which parser produced the draft. */
  kind: "markdown" | "raw";
  /** Explicit pairing key, if the source gave one. */
  id?: Located<unknown>;
  /** URL slug: from front matter, else derived from the file name (see parse/file-slug.ts). */
  slug: Located<unknown>;
  /** The headline. */
  title?: Located<unknown>;
  /** True when the title was derived from the lead rather than written in the source. */
  titleDerived: boolean;
  /** Publication date: an ISO 8601 string, or a plain `YYYY-MM-DD` day. */
  date?: Located<unknown>;
  /** Keywords: a list, or one string to split. */
  keywords?: Located<unknown>;
  /** Source URL for attribution. */
  source?: Located<unknown>;
  /** Optional short summary. */
  summary?: Located<unknown>;
  /** Lead photo: a path relative to the source file, or an http(s) URL. */
  image?: Located<unknown>;
  /** The lead photo's text alternative (required with `image`). */
  imageAlt?: Located<unknown>;
  /** The lead photo's caption. */
  imageCaption?: Located<unknown>;
  /** Who took or owns the lead photo. */
  imageCredit?: Located<unknown>;
  /** Byline: one name or a list. */
  author?: Located<unknown>;
  /** Section slug (site.yaml's `sections`). */
  section?: Located<unknown>;
  /** `true` keeps the version out of every production output. */
  draft?: Located<unknown>;
  /** `true` makes the story the front page's lead. */
  featured?: Located<unknown>;
  /** The article text. */
  body: DraftBody;
}

/** What a parser returns for one source file. */
export interface ParseResult {
  /** Zero, one or two drafts (a raw scrape yields one per language it holds). */
  drafts: ArticleDraft[];
  /** Problems found while parsing. */
  diagnostics: Diagnostic[];
}

/** One language version of a story, validated and ready to render. */
export interface Article {
  /** Display path of the source file. */
  file: string;
  /** The language of this version. */
  lang: Lang;
  /** Pairing key: the explicit `id`, else the slug. */
  key: string;
  /** URL slug, safe for a path segment on every file system: at most 140 bytes of UTF-8 (see validate/segment.ts). */
  slug: string;
  /** The headline, plain text. */
  title: string;
  /** True when the title was derived from the lead. */
  titleDerived: boolean;
  /** Publication instant, in the zone the source gave (Asia/Shanghai by default). */
  date: DateTime;
  /** Keywords, trimmed, without duplicates, in source order. */
  keywords: string[];
  /** Source URL (http or https), if any. */
  source?: string;
  /** Short summary, if any. */
  summary?: string;
  /** Lead photo, if any. */
  image?: LeadImage;
  /** Bylines, in source order (empty when none). */
  authors: string[];
  /** Section slug, if any (one of site.yaml's `sections` when it lists some). */
  section?: string;
  /** True for a draft: published only by `npm start`. */
  draft: boolean;
  /** True when the story asks to lead the front page. */
  featured: boolean;
  /** The article text, still in source form; the render stage turns it into safe HTML. */
  body: DraftBody;
}


/** A story: one or both language versions of one piece of news. */
export interface Story {
  /** Pairing key shared by both versions. */
  key: string;
  /** The versions that exist. */
  versions: Partial<Record<Lang, Article>>;
}

/** A page the newsroom writes itself (About, Contact, Corrections): `pages/<lang>/<slug>.md`. */
export interface SitePage {
  /** Display path of the source file. */
  file: string;
  /** The folder it is in: its language. */
  lang: Lang;
  /** The file name without `.md`: the page is published at `/<lang>/<slug>/`. */
  slug: string;
  /** The page's heading and title. */
  title: string;
  /** Optional description for search engines. */
  summary?: string;
  /** True when the header links to the page (`nav: true`). */
  nav: boolean;
  /** Where its header link goes among the others: lower first (default 0, then by title). */
  order: number;
  /** The Markdown text, rendered like an article's (raw HTML off). */
  body: DraftBody;
}
