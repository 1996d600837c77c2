// Which pages the service worker keeps for offline reading, and how: shared by the worker and its tests.
import { LANG_PATHS } from "../types.ts";

/** How the service worker treats a page the reader opens: articles network-first, lists stale-while-revalidate. */
export type PageRoute = "article" | "list";

/** Folders of a language that hold lists: older pages, keywords, archives, sections, authors. */
const LIST_FOLDERS = [LANG_PATHS.page, LANG_PATHS.keywords, LANG_PATHS.archive, LANG_PATHS.sections, LANG_PATHS.authors];
/** Folders of a language that hold neither: the search and offline pages are precached as they are. */
const OTHER_FOLDERS = [LANG_PATHS.search, LANG_PATHS.offline];

/**
 * The route of a page's path on a site served under `base` (`/` or `/news/`): a list (a front page, or
 * any page under a list folder), an article (one folder under a language: stories, and the newsroom's own
 * pages), or none.
 */
export function pageRoute(pathname: string, base: string): PageRoute | undefined {
  const match = /^(zh|en)\/(.*)$/.exec(pathname.startsWith(base) ? pathname.slice(base.length) : "");
  if (!match) return undefined;
  const rest = match[2]!;
  if (rest === "" || LIST_FOLDERS.some((folder) => rest.startsWith(folder))) return "list";
  if (OTHER_FOLDERS.some((folder) => rest.startsWith(folder))) return undefined;
  return /^[^/]+\/$/.test(rest) ? "article" : undefined;
}
