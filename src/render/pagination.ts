// Pagination of story lists, cut so that a new story never changes an older page.
import { LANG_PATHS, type Lang } from "../types.ts";
import type { ListEntry } from "./entry.ts";
import { basicMeta, type PageHead } from "./head.ts";
import { absoluteUrl, type SiteUrl } from "./site-url.ts";
import { STRINGS } from "./strings.ts";

/** Stories per list page. */
export const LIST_PAGE_SIZE = 20;

/**
 * One page of a paginated story list. Lists are cut so that adding a story never changes an older page:
 * older stories sit in complete pages of `LIST_PAGE_SIZE` counted from the oldest (`base/page/1/` holds the
 * first 20 stories ever listed), and the list's first page, at `base`, shows the rest, the newest.
 */
export interface ListPage {
  /** What the list is of. */
  kind: "home" | "keyword" | "year" | "month" | "section" | "author";
  /** Language of the list. */
  lang: Lang;
  /** Site-relative URL of this page. */
  url: string;
  /** Heading of the list (the keyword, the month …). */
  heading: string;
  /** Page number, counted from the oldest page (1); the first page (the newest stories) is one above the older pages. */
  number: number;
  /** True for the list's first page, at its base URL, showing its newest stories. */
  newest: boolean;
  /** Stories on this page, newest first. */
  entries: ListEntry[];
  /** Links to pages around this one, with gaps: see `pageWindow`. Empty when the list has one page. */
  pages: PageLink[];
  /** The page of newer stories, if any. */
  newer?: string;
  /** The page of older stories, if any. */
  older?: string;
  /** Where the language switch leads. */
  switchUrl: string;
  /** An author page's short bio (site.yaml's `authors`), in the list's language. */
  bio?: string;
  /** A section page's own feeds, site-relative. */
  feeds?: { atom: string; json: string };
  /** Head data. */
  head: PageHead;
}

/** Where the lists are published: the site's address and its name in the lists' language. */
export type ListSite = SiteUrl & { name: string };

/**
 * A link of a list's pagination: an older page by its number, the list's first page (`newest`, labelled as
 * the latest stories rather than by a number that grows), or a gap (shown as "…") where pages are left out.
 */
export type PageLink = { number: number; url: string } | { newest: true; url: string } | { gap: true };

/** Page numbers shown either side of the current one. */
const WINDOW = 2;

/**
 * The page numbers a list page links to, newest first: the first page (`top`), the oldest (1), and `WINDOW`
 * either side of `current`, with `null` for each gap (a gap of one page shows that page instead). A list of
 * 5,000 pages still gets at most nine links per page, so list pages stay small and the site grows linearly;
 * and an older page's links depend on how many pages there are only while it is within a few of the newest.
 */
export function pageWindow(current: number, top: number): (number | null)[] {
  const shown = new Set([1, top]);
  for (let n = current - WINDOW; n <= current + WINDOW; n++) if (n >= 1 && n <= top) shown.add(n);
  const numbers = [...shown].sort((a, b) => b - a);
  const out: (number | null)[] = [];
  for (const [i, n] of numbers.entries()) {
    const gap = i === 0 ? 0 : numbers[i - 1]! - n - 1;
    if (gap === 1) out.push(n + 1);
    else if (gap > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** Site-relative path of older page `n` of a list whose first page is `base`. */
export function pageUrl(base: string, n: number): string {
  return `${base}${LANG_PATHS.page}${n}/`;
}

/**
 * How a list of `count` stories is cut: `older` complete pages of `LIST_PAGE_SIZE`, counted from the oldest,
 * and the `first` newest stories on the first page (20 to 39 once the list has 40). With a front page standing
 * in for the first page (`front`), every complete page is published and the front shows the newest 20.
 */
export function listShape(count: number, front = false): { older: number; first: number } {
  const complete = Math.floor(count / LIST_PAGE_SIZE);
  const older = front ? complete : Math.max(0, complete - 1);
  return { older, first: count - older * LIST_PAGE_SIZE };
}

/** The older page a front page's "all stories" link leads to: the one holding the first story the front does not show. */
export function pageAfterFront(base: string, count: number): string | undefined {
  return count > LIST_PAGE_SIZE ? pageUrl(base, Math.floor((count - LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE) + 1) : undefined;
}

/**
 * A list's pages (see `ListPage`): the first page at `base` with the newest stories, then the older pages,
 * newest first. With `front`, the list's first page is a front page planned elsewhere (see front.ts), and only
 * the older pages are returned. `entries` are newest first.
 */
export function paginate(kind: ListPage["kind"], lang: Lang, base: string, heading: string, entries: ListEntry[], switchUrl: string, site: ListSite, front = false): ListPage[] {
  const { older, first } = listShape(entries.length, front);
  const top = older + 1;
  const urlOf = (n: number): string => (n === top ? base : pageUrl(base, n));
  const numbers = Array.from({ length: older }, (_, i) => older - i);
  if (!front) numbers.unshift(top);
  return numbers.map((number) => {
    const newest = number === top;
    const url = urlOf(number);
    const absolute = absoluteUrl(site, url);
    const title = newest ? heading : `${heading} · ${STRINGS[lang].pageN(number)}`;
    // Page n (from the oldest) holds the stories n·20 − 19 to n·20 counted from the oldest; the first page the rest.
    const end = newest ? first : entries.length - (number - 1) * LIST_PAGE_SIZE;
    const links = top > 1 ? pageWindow(number, top) : [];
    return {
      kind,
      lang,
      url,
      heading,
      number,
      newest,
      entries: entries.slice(newest ? 0 : end - LIST_PAGE_SIZE, end),
      pages: links.map((n): PageLink => (n === null ? { gap: true } : n === top ? { newest: true, url: base } : { number: n, url: urlOf(n) })),
      ...(!newest ? { newer: urlOf(number + 1) } : {}),
      ...(number > 1 ? { older: urlOf(number - 1) } : {}),
      switchUrl,
      head: { canonical: absolute, alternates: [], meta: basicMeta(lang, title, "", absolute, "website", site.name) },
    };
  });
}
