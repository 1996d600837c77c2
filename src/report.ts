// The JSON build report: every story with its versions, and every diagnostic.
import type { ArticlePage } from "./render/index.ts";
import type { Diagnostic, Lang, Story } from "./types.ts";
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

/** The report written by `--report FILE`. */
export interface BuildReport {
  stories: { id: string; languages: Lang[]; versions: Partial<Record<Lang, ReportVersion>> }[];
  diagnostics: Pick<Diagnostic, "file" | "line" | "severity" | "code" | "message">[];
}

/** Builds the report from the published stories, their pages and the run's diagnostics. */
export function buildReport(stories: readonly Story[], pages: readonly ArticlePage[], diagnostics: readonly Diagnostic[]): BuildReport {
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
    diagnostics: diagnostics.map(({ file, line, severity, code, message }) => ({ file, line, severity, code, message })),
  };
}
