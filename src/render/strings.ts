// Interface strings in each language, and the language facts templates need. The site's own name and
// description come from its configuration (see site/).
import type { Lang } from "../types.ts";

/** Strings the search page's script shows, handed to it in `data-ui`. */
export interface SearchUiStrings {
  /** Status when stories were found; `{n}` is their number. */
  results: string;
  /** Status when nothing was found. */
  noResults: string;
  /** Lead-in to the suggested keywords. */
  suggestions: string;
  /** Language filter: no filter. */
  allLanguages: string;
  /** Language filter: Chinese. */
  zh: string;
  /** Language filter: English. */
  en: string;
  /** Label of the language filter. */
  language: string;
  /** Label of the sort control. */
  sort: string;
  /** Sort: by relevance. */
  relevance: string;
  /** Sort: newest first. */
  newest: string;
  /** Heading of the keyword facets. */
  keywords: string;
  /** Label of the year filter. */
  year: string;
  /** Year filter: any year. */
  any: string;
  /** Link text to the other language version. */
  alsoIn: string;
  /** Status while searching. */
  loading: string;
  /** Status when search cannot run (offline before the first search). */
  unavailable: string;
}

/** Everything a page says that is not article text, per language. */
export interface UiStrings {
  /** Value of `<html lang>`. */
  htmlLang: string;
  /** Name of the language in itself, for the language switch. */
  name: string;
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
  /** Label before the source link, with its colon (a full-width one in Chinese). */
  sourceLabel: string;
  /** Label before the keyword list. */
  keywordsLabel: string;
  /** Link text to this language's version, shown on the other language's pages. */
  readIn: string;
  /** Navigation label for page links. */
  pagination: string;
  /** "Page N" for numbered page links. */
  pageN: (n: number) => string;
  /** Link to the page of newer stories. */
  newer: string;
  /** Link to the page of older stories. */
  older: string;
  /** Pagination's link to a list's first page, which shows its newest stories. */
  newestPage: string;
  /** Note that a title was derived from the text rather than written by an editor. */
  derivedTitle: string;
  /** Heading of the keyword index. */
  keywordsTitle: string;
  /** Heading of the archive index. */
  archiveTitle: string;
  /** Label of the feed links. */
  feed: string;
  /** Skip link text. */
  skipToContent: string;
  /** Title of the not-found page. */
  notFoundTitle: string;
  /** Text of the not-found page. */
  notFoundText: string;
  /** "N stories" for counts in indexes. */
  storyCount: (n: number) => string;
  /** Label of the main navigation. */
  mainNav: string;
  /** Link text to the home page. */
  home: string;
  /** Title of the offline page. */
  offlineTitle: string;
  /** Text of the offline page. */
  offlineText: string;
  /** Heading of the list of stories readable offline. */
  offlineList: string;
  /** Strings of the search page's script. */
  searchUi: SearchUiStrings;
}

/** Strings for each language. */
export const STRINGS: Record<Lang, UiStrings> = {
  zh: {
    htmlLang: "zh-CN",
    name: "中文",
    latest: "最新报道",
    search: "搜索",
    searchButton: "搜索",
    searchPlaceholder: "输入关键词",
    searchNeedsScript: "搜索需要启用 JavaScript。",
    noResults: "没有找到相关报道。",
    onlyThisLang: "仅中文",
    sourceLabel: "来源：",
    keywordsLabel: "关键词",
    readIn: "阅读中文版",
    pagination: "分页",
    pageN: (n) => `第 ${n} 页`,
    newer: "上一页",
    older: "下一页",
    newestPage: "最新",
    derivedTitle: "标题摘自正文",
    keywordsTitle: "关键词",
    archiveTitle: "归档",
    feed: "订阅",
    skipToContent: "跳到正文",
    notFoundTitle: "页面不存在",
    notFoundText: "找不到这个页面。可以搜索报道，或回到首页。",
    storyCount: (n) => `${n} 篇`,
    mainNav: "主导航",
    home: "首页",
    offlineTitle: "离线",
    offlineText: "现在没有网络连接，这个页面还没有保存到本机。以下报道可以离线阅读；搜索过一次之后，搜索也能离线使用。",
    offlineList: "可离线阅读的报道",
    searchUi: {
      results: "找到 {n} 篇报道",
      noResults: "没有找到相关报道。",
      suggestions: "试试这些关键词：",
      allLanguages: "全部语言",
      zh: "中文",
      en: "英文",
      language: "语言",
      sort: "排序",
      relevance: "相关度",
      newest: "最新",
      keywords: "关键词",
      year: "年份",
      any: "不限",
      alsoIn: "English",
      loading: "正在搜索…",
      unavailable: "现在无法搜索：请联网后再试。联网搜索过一次之后，离线也能搜索。",
    },
  },
  en: {
    htmlLang: "en",
    name: "English",
    latest: "Latest stories",
    search: "Search",
    searchButton: "Search",
    searchPlaceholder: "Keyword",
    searchNeedsScript: "Search needs JavaScript.",
    noResults: "No stories found.",
    onlyThisLang: "English only",
    sourceLabel: "Source: ",
    keywordsLabel: "Keywords",
    readIn: "Read in English",
    pagination: "Pages",
    pageN: (n) => `Page ${n}`,
    newer: "Newer",
    older: "Older",
    newestPage: "Latest",
    derivedTitle: "Headline taken from the text",
    keywordsTitle: "Keywords",
    archiveTitle: "Archive",
    feed: "Feed",
    skipToContent: "Skip to content",
    notFoundTitle: "Page not found",
    notFoundText: "This page does not exist. Search the stories, or go back to the home page.",
    storyCount: (n) => (n === 1 ? "1 story" : `${n} stories`),
    mainNav: "Main",
    home: "Home",
    offlineTitle: "Offline",
    offlineText: "You are offline and this page has not been saved on this device. These stories can be read offline; after one search online, search works offline too.",
    offlineList: "Stories available offline",
    searchUi: {
      results: "{n} stories found",
      noResults: "No stories found.",
      suggestions: "Try these keywords:",
      allLanguages: "All languages",
      zh: "Chinese",
      en: "English",
      language: "Language",
      sort: "Sort by",
      relevance: "Relevance",
      newest: "Newest",
      keywords: "Keywords",
      year: "Year",
      any: "Any",
      alsoIn: "中文",
      loading: "Searching…",
      unavailable: "Search is unavailable right now: try again online. After one search online, it works offline too.",
    },
  },
};
