// The page plan: every page of the site as plain data, ready for templates (which only print it).
import { error } from "../diagnostics.ts";
import { storyLangs } from "../pair/index.ts";
import type { Diagnostic, Lang, Story } from "../types.ts";
import { LANGS } from "../types.ts";
import { renderBody } from "./body.ts";
import { formatDate, isoDate } from "./dates.ts";
import { STRINGS } from "./strings.ts";

/** A link to one language version of a story. */
export interface VersionLink {
  /** Language of the linked page. */
  lang: Lang;
  /** `<html lang>` value of the linked page. */
  htmlLang: string;
  /** Site-relative URL path, such as `/en/cloud-ai/`. */
  url: string;
  /** Title of the linked page. */
  title: string;
}

/** One article page. */
export interface ArticlePage extends VersionLink {
  /** The story's pairing key. */
  key: string;
  /** Source file the article came from. */
  file: string;
  /** True when the title was derived from the lead. */
  titleDerived: boolean;
  /** ISO 8601 with offset. */
  dateIso: string;
  /** The date as this language writes it. */
  dateText: string;
  /** Keywords. */
  keywords: string[];
  /** Source URL, if any. */
  source?: string;
  /** Summary, or the lead when there is none. */
  description: string;
  /** First paragraph, plain text. */
  lead: string;
  /** Body as safe HTML. */
  html: string;
  /** The other language's version, when it exists. */
  alternate?: VersionLink;
}

/** One entry in a story list. */
export interface ListEntry extends VersionLink {
  /** ISO 8601 with offset. */
  dateIso: string;
  /** The date as the entry's language writes it. */
  dateText: string;
  /** Set when the story is not in the list's language: the mark to show, in the story's language. */
  onlyMark?: string;
}

/** One page of a language's story list. */
export interface ListPage {
  /** Language of the list. */
  lang: Lang;
  /** Site-relative URL path of this page. */
  url: string;
  /** 1-based page number. */
  number: number;
  /** Stories on this page. */
  entries: ListEntry[];
  /** Every page of this list, for numbered links. */
  pages: { number: number; url: string }[];
}

/** Everything the templates render. */
export interface SitePlan {
  /** Article pages in every language. */
  articles: ArticlePage[];
  /** Home list pages in every language. */
  homes: ListPage[];
  /** Problems found while planning, such as two stories wanting one URL. */
  diagnostics: Diagnostic[];
}

/** Stories per list page. */
export const PAGE_SIZE = 20;

/** Site-relative path of an article page. */
export function articleUrl(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}

/** Site-relative path of page `n` of a language's home list. */
export function homeUrl(lang: Lang, n = 1): string {
  return n === 1 ? `/${lang}/` : `/${lang}/page/${n}/`;
}

/** Plans every page of the site from stories (already sorted newest first). */
export function planSite(stories: readonly Story[]): SitePlan {
  const diagnostics: Diagnostic[] = [];
  const articles: ArticlePage[] = [];
  const claimed = new Map<string, string>();
  const published: Story[] = [];
  for (const story of stories) {
    const links = linksOf(story);
    const conflict = LANGS.flatMap((lang) => {
      const link = links[lang];
      const owner = link && claimed.get(link.url.toLowerCase());
      return owner ? [{ lang, owner }] : [];
    });
    if (conflict.length > 0) {
      for (const { lang, owner } of conflict) {
        const file = story.versions[lang]!.file;
        diagnostics.push(error(file, 1, "render/url-conflict", `URL ${links[lang]!.url} is already taken by ${owner}; give one of them another slug`));
      }
      continue;
    }
    published.push(story);
    for (const lang of storyLangs(story)) {
      const article = story.versions[lang]!;
      claimed.set(links[lang]!.url.toLowerCase(), article.file);
      const body = renderBody(article.body);
      const other = lang === "zh" ? links.en : links.zh;
      articles.push({
        ...links[lang]!,
        key: story.key,
        file: article.file,
        titleDerived: article.titleDerived,
        dateIso: isoDate(article.date),
        dateText: formatDate(article.date, lang),
        keywords: article.keywords,
        source: article.source,
        description: article.summary ?? body.lead,
        lead: body.lead,
        html: body.html,
        alternate: other,
      });
    }
  }
  return { articles, homes: LANGS.flatMap((lang) => planHomes(lang, published)), diagnostics };
}

/** The link to each language version a story has. */
function linksOf(story: Story): Partial<Record<Lang, VersionLink>> {
  const links: Partial<Record<Lang, VersionLink>> = {};
  for (const lang of storyLangs(story)) {
    const article = story.versions[lang]!;
    links[lang] = { lang, htmlLang: STRINGS[lang].htmlLang, url: articleUrl(lang, article.slug), title: article.title };
  }
  return links;
}

/** A language's home list, paginated; stories missing this language are listed in theirs, marked. */
function planHomes(lang: Lang, stories: readonly Story[]): ListPage[] {
  const entries: ListEntry[] = stories.map((story) => {
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
  });
  const count = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const pages = Array.from({ length: count }, (_, i) => ({ number: i + 1, url: homeUrl(lang, i + 1) }));
  return pages.map((page) => ({
    lang,
    url: page.url,
    number: page.number,
    entries: entries.slice((page.number - 1) * PAGE_SIZE, page.number * PAGE_SIZE),
    pages,
  }));
}
