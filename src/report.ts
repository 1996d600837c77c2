// The JSON build report: every story with its versions, and every diagnostic.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { ArticlePage, AssetMap } from "./render/index.ts";
import type { Article, Diagnostic, Lang, Story } from "./types.ts";
import type { Release } from "./validate/index.ts";
import { LANGS } from "./types.ts";
import { isoDate } from "./render/dates.ts";

/** One language version in the report. */
export interface ReportVersion {
  title: string;
  titleDerived: boolean;
  date: string;
  keywords: string[];
  url: string;
  sources: string[];
}

/** A version the build kept back: a draft, or one dated after the build time (published by the first build after `releases`). */
export interface KeptBackVersion {
  id: string;
  lang: Lang;
  title: string;
  file: string;
  /** ISO 8601 publication time: when a held-back version goes out. */
  releases: string;
}

/** The report written by `--report FILE`. */
export interface BuildReport {
  stories: { id: string; languages: Lang[]; versions: Partial<Record<Lang, ReportVersion>> }[];
  /** Versions dated after the build time, oldest release first. */
  heldBack: KeptBackVersion[];
  /** Versions marked `draft: true`. */
  drafts: KeptBackVersion[];
  diagnostics: Pick<Diagnostic, "file" | "line" | "severity" | "code" | "message">[];
}

/** The report's entry for a version kept back. */
export function keptBack(article: Article): KeptBackVersion {
  return { id: article.key, lang: article.lang, title: article.title, file: article.file, releases: isoDate(article.date) };
}

/** Builds the report from the published stories, their pages, what was kept back and the run's diagnostics. */
export function buildReport(stories: readonly Story[], pages: readonly ArticlePage[], diagnostics: readonly Diagnostic[], kept: Pick<Release, "heldBack" | "drafts"> = { heldBack: [], drafts: [] }): BuildReport {
  const urlOf = new Map(pages.map((p) => [`${p.key}\u0000${p.lang}`, p.url]));
  return {
    stories: stories.map((story) => {
      const versions: Partial<Record<Lang, ReportVersion>> = {};
      for (const lang of LANGS) {
        const a = story.versions[lang];
        if (!a) continue;
        versions[lang] = {
          title: a.title,
          titleDerived: a.titleDerived,
          date: isoDate(a.date),
          keywords: a.keywords,
          url: urlOf.get(`${story.key}\u0000${lang}`) ?? "",
          sources: [a.file],
        };
      }
      return { id: story.key, languages: LANGS.filter((l) => story.versions[l]), versions };
    }),
    heldBack: kept.heldBack.map(keptBack),
    drafts: kept.drafts.map(keptBack),
    diagnostics: diagnostics.map(({ file, line, severity, code, message }) => ({ file, line, severity, code, message })),
  };
}

/** Bytes a reader downloads besides the HTML, per kind of page. */
export interface PageWeights {
  /** Stylesheet every page loads. */
  css: number;
  /** Script on every page (service worker registration, update prompt). */
  contentJs: number;
  /** Script the search page loads before Pagefind's own files. */
  searchJs: number;
  /** Mean size of an article page's HTML. */
  articleHtml: number;
}

/** Measures the built site's page weights from its files. */
export async function measureWeights(outDir: string, assets: AssetMap, articleFiles: readonly string[]): Promise<PageWeights> {
  const size = async (file: string) => (await stat(path.join(outDir, file)).catch(() => null))?.size ?? 0;
  const sample = articleFiles.slice(0, 200);
  const articleBytes = await Promise.all(sample.map(size));
  return {
    css: await size(assets["style.css"]!.slice(1)),
    contentJs: await size(assets["app.js"]!.slice(1)),
    searchJs: await size(assets["search.js"]!.slice(1)),
    articleHtml: sample.length ? Math.round(articleBytes.reduce((a, b) => a + b, 0) / sample.length) : 0,
  };
}
