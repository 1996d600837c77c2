// Interface strings in each language, and the language facts templates need.
import type { Lang } from "../types.ts";

/** Everything a page says that is not article text, per language. */
export interface UiStrings {
  /** Value of `<html lang>`. */
  htmlLang: string;
  /** Name of the language in itself, for the language switch. */
  name: string;
  /** Site name shown in the header. */
  siteName: string;
  /** Heading of the home page. */
  latest: string;
  /** Label of the search box and search page title. */
  search: string;
  /** Button text of the search form. */
  searchButton: string;
  /** Placeholder in the search box. */
  searchPlaceholder: string;
  /** Shown while the search script loads or when it cannot run. */
  searchNeedsScript: string;
  /** Shown when a search finds nothing. */
  noResults: string;
  /** Mark on a story that exists only in this language, shown in the other language's lists ("仅中文"). */
  onlyThisLang: string;
  /** Label before the source link. */
  sourceLabel: string;
  /** Label before the keyword list. */
  keywordsLabel: string;
  /** Link text to this language's version, shown on the other language's pages. */
  readIn: string;
  /** Navigation label for page links. */
  pagination: string;
  /** "Page N" for numbered page links. */
  pageN: (n: number) => string;
  /** Note that a title was derived from the text rather than written by an editor. */
  derivedTitle: string;
}

/** Strings for each language. */
export const STRINGS: Record<Lang, UiStrings> = {
  zh: {
    htmlLang: "zh-CN",
    name: "中文",
    siteName: "Duet 双语新闻",
    latest: "最新报道",
    search: "搜索",
    searchButton: "搜索",
    searchPlaceholder: "输入关键词",
    searchNeedsScript: "搜索需要启用 JavaScript。",
    noResults: "没有找到相关报道。",
    onlyThisLang: "仅中文",
    sourceLabel: "来源",
    keywordsLabel: "关键词",
    readIn: "阅读中文版",
    pagination: "分页",
    pageN: (n) => `第 ${n} 页`,
    derivedTitle: "标题摘自正文",
  },
  en: {
    htmlLang: "en",
    name: "English",
    siteName: "Duet Bilingual News",
    latest: "Latest stories",
    search: "Search",
    searchButton: "Search",
    searchPlaceholder: "Keyword",
    searchNeedsScript: "Search needs JavaScript.",
    noResults: "No stories found.",
    onlyThisLang: "English only",
    sourceLabel: "Source",
    keywordsLabel: "Keywords",
    readIn: "Read in English",
    pagination: "Pages",
    pageN: (n) => `Page ${n}`,
    derivedTitle: "Headline taken from the text",
  },
};
