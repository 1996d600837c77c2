// Links between the site's lists: the header's section links, and language switches that lead somewhere.
import { LANG_PATHS, LANGS, type Lang } from "../types.ts";
import type { NavLink, SiteConfig } from "../site/index.ts";
import type { ListPage } from "./lists.ts";

/** Section and author pages whose other-language page does not exist switch to that language's front page. */
export function fixSwitches(lists: ListPage[]): void {
  const urls = new Set(lists.map((l) => l.url));
  for (const [i, list] of lists.entries()) {
    if ((list.kind === "section" || list.kind === "author") && !urls.has(list.switchUrl)) lists[i] = { ...list, switchUrl: `/${list.lang === "zh" ? "en" : "zh"}/` };
  }
}

/** The header's links: the sections site.yaml lists that have stories in the language, then its own links and the newsroom's pages. */
export function withSections(nav: Record<Lang, NavLink[]>, config: SiteConfig, pages: ReadonlySet<string>): Record<Lang, NavLink[]> {
  if (config.sections.length === 0) return nav;
  const sectionLinks = (lang: Lang) =>
    config.sections.map((s) => ({ title: s.name[lang], url: `/${lang}/${LANG_PATHS.sections}${s.slug}/`, external: false })).filter((link) => pages.has(link.url));
  return Object.fromEntries(LANGS.map((lang) => [lang, [...sectionLinks(lang), ...nav[lang]]])) as Record<Lang, NavLink[]>;
}
