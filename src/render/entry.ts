// The shapes pages are planned as and link each other with: a story's version, its article page, and a story as a list entry.
import type { DateTime } from "luxon";
import type { ImageSet, Lang } from "../types.ts";
import type { PageHead } from "./head.ts";
import type { PagePhoto } from "./photos.ts";

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

/** One entry in a story list. */
export interface ListEntry extends VersionLink {
  /** ISO 8601 with offset. */
  dateIso: string;
  /** The date as the entry's language writes it. */
  dateText: string;
  /** Set when the story is not in the list's language: the mark to show, in the story's language. */
  onlyMark?: string;
  /** The story's summary (its `summary`, else its lead shortened), in the entry's language. */
  summary?: string;
  /** Thumbnail: the lead photo's renditions, when the story has a local one. */
  thumb?: { set: ImageSet; alt: string };
  /** The story's section, in the entry's language. */
  section?: { name: string; url: string };
}

/** One article page. */
export interface ArticlePage extends VersionLink {
  /** The story's pairing key. */
  key: string;
  /** Source file the article came from. */
  file: string;
  /** True when the title was derived from the lead. */
  titleDerived: boolean;
  /** Publication instant. */
  date: DateTime;
  /** ISO 8601 with offset. */
  dateIso: string;
  /** The date as this language writes it. */
  dateText: string;
  /** Keywords with the URL of their keyword page and of the search filtered to them. */
  keywords: { name: string; url: string; search: string }[];
  /** Source URL, if any. */
  source?: string;
  /** Summary, or the lead when there is none. */
  description: string;
  /** First paragraph, plain text. */
  lead: string;
  /** Body as safe HTML; empty while `htmlKey` is set. */
  html: string;
  /**
   * Set when the plan left the HTML out (a cached build makes it only for the pages it renders): the hash
   * of the body it is made from, which with the page's language decides it (see render/articles.ts).
   */
  htmlKey?: string;
  /** The other language's version, when it exists. */
  alternate?: VersionLink;
  /** Lead photo: renditions of a local file (`set`), or a remote address shown as a link (`remote`). */
  image?: PagePhoto;
  /** Bylines, each linking to the author's page in this language. */
  authors: { slug: string; name: string; url: string }[];
  /** The story's section, in this language, with its page. */
  section?: { slug: string; name: string; url: string };
  /** Up to five related stories in this language: most shared keywords, then newest. */
  related: ListEntry[];
  /** True for a draft (only `npm start` publishes one): pages show a banner. */
  draft: boolean;
  /** True when the story asks to lead the front page. */
  featured: boolean;
  /** Head data: canonical, hreflang, Open Graph, JSON-LD. */
  head: PageHead;
}
