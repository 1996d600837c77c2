// The newsroom's own pages (pages/<lang>/<slug>.md): planned at /<lang>/<slug>/ beside the stories,
// never over one, and linked from the header when they ask to be.
import { error, quote, warning } from "../diagnostics.ts";
import type { NavLink, SiteConfig } from "../site/index.ts";
import { LANGS, type Diagnostic, type Lang, type SitePage } from "../types.ts";
import type { ArticlePage } from "./articles.ts";
import { renderBody } from "./body.ts";
import { displayHtml, displayText } from "./typography.ts";
import { basicMeta, type PageHead } from "./head.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { STRINGS } from "./strings.ts";

/** One newsroom page as templates print it. */
export interface NewsroomPage {
  /** The page's language (its folder under pages/). */
  lang: Lang;
  /** Site-relative URL: `/zh/about/`. */
  url: string;
  /** Heading and `<title>`. */
  title: string;
  /** Body as safe HTML. */
  html: string;
  /** Where the language switch leads: the same page in the other language, else that language's home. */
  switchUrl: string;
  /** Head data: canonical and Open Graph. */
  head: PageHead;
}

/** The pages planned, the header links with theirs added, and the pages left out. */
export interface PlannedPages {
  /** The pages published. */
  pages: NewsroomPage[];
  /** Header links per language: site.yaml's, then the pages' own. */
  nav: Record<Lang, NavLink[]>;
  /** Pages left out for a URL a story (or another page) has. */
  diagnostics: Diagnostic[];
}

/**
 * Plans the newsroom's pages. A page whose URL a story has (ignoring case), or another page has, is a
 * `page/url-conflict` error and left out. Pages with `nav: true` follow site.yaml's links, by `order`
 * then title, unless site.yaml links to them already.
 */
export function planNewsroomPages(sources: readonly SitePage[], articles: readonly ArticlePage[], site: SiteUrl, config: SiteConfig): PlannedPages {
  const diagnostics: Diagnostic[] = [];
  const taken = new Map(articles.map((a) => [a.url.toLowerCase(), a.file]));
  const kept: SitePage[] = [];
  for (const page of sources) {
    const url = pageUrlOf(page);
    const owner = taken.get(url.toLowerCase());
    if (owner) {
      diagnostics.push(error(page.file, 1, "page/url-conflict", `URL ${url} is already taken by ${owner}; rename the page or give the story another slug`));
      continue;
    }
    taken.set(url.toLowerCase(), page.file);
    kept.push(page);
  }
  const urls = new Set(kept.map(pageUrlOf));
  const pages = kept.map((page): NewsroomPage => {
    const other: Lang = page.lang === "zh" ? "en" : "zh";
    const twin = `/${other}/${page.slug}/`;
    const url = pageUrlOf(page);
    const absolute = absoluteUrl(site, url);
    const title = displayText(page.lang, page.title);
    const head = { canonical: absolute, alternates: [], meta: basicMeta(page.lang, title, displayText(page.lang, page.summary ?? ""), absolute, "website", config.name[page.lang]) };
    return { lang: page.lang, url, title, html: displayHtml(page.lang, renderBody(page.body).html), switchUrl: urls.has(twin) ? twin : `/${other}/`, head };
  });
  return { pages, nav: navWith(config.nav, kept), diagnostics };
}

function pageUrlOf(page: SitePage): string {
  return `/${page.lang}/${page.slug}/`;
}

/**
 * A `site/nav-broken` warning for each of site.yaml's site paths that no planned page or file has
 * (`known`: every site-relative URL of the plan; a query or fragment is not part of the comparison).
 */
export function checkNavTargets(config: SiteConfig, known: ReadonlySet<string>): Diagnostic[] {
  return LANGS.flatMap((lang) =>
    config.nav[lang]
      .filter((link) => !link.external && !known.has(link.url.replace(/[?#].*$/, "")) && !known.has(safeDecode(link.url.replace(/[?#].*$/, ""))))
      .map((link) => warning(config.file ?? "site.yaml", link.line ?? 1, "site/nav-broken", `nav link ${quote(link.url)} leads to no page of the site${link.url.endsWith("/") ? "" : ' (page URLs end in "/")'}; fix the path, or add the page under pages/${lang}/`)),
  );
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** site.yaml's links, then those of the pages asking for one that site.yaml does not link to already. */
function navWith(nav: Record<Lang, NavLink[]>, pages: readonly SitePage[]): Record<Lang, NavLink[]> {
  const result = { ...nav };
  for (const lang of LANGS) {
    const linked = new Set(nav[lang].map((l) => l.url.toLowerCase()));
    const asking = pages
      .filter((p) => p.lang === lang && p.nav && !linked.has(pageUrlOf(p).toLowerCase()))
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, STRINGS[lang].htmlLang));
    result[lang] = [...nav[lang], ...asking.map((p) => ({ title: displayText(lang, p.title), url: pageUrlOf(p), external: false }))];
  }
  return result;
}
