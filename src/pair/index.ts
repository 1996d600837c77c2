// Pair: group zh and en articles into stories by id or slug, making orphans and conflicts explicit.
import { error, warning } from "../diagnostics.ts";
import type { Article, Diagnostic, Lang, Story } from "../types.ts";
import { LANGS } from "../types.ts";

/** Stories and the pairing problems found. */
export interface PairResult {
  /** Stories, newest first (ties broken by key, so the order never depends on the file system). */
  stories: Story[];
  /** Conflicts (errors) and suspicious pairs (warnings). */
  diagnostics: Diagnostic[];
}

/** Most a pair's two dates may differ before it is reported. */
const MAX_PAIR_SKEW_HOURS = 24;
const HOUR_MS = 3_600_000;

/**
 * Pairs articles by key (`id` when given, else the slug). Two articles claiming the same
 * language of one story are an error naming both; the second is left out.
 */
export function pairArticles(articles: readonly Article[]): PairResult {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, Story>();
  for (const article of withoutSlugClashes(articles, diagnostics)) {
    const story = byKey.get(article.key) ?? { key: article.key, versions: {} };
    byKey.set(article.key, story);
    const existing = story.versions[article.lang];
    if (existing) {
      // Two names that print alike but differ in Unicode normalisation (NFC "é" against NFD "e" plus U+0301) need saying so.
      const alike = existing.file !== article.file && existing.file.normalize("NFC") === article.file.normalize("NFC");
      const why = alike ? " (the two file names differ only in Unicode normalisation, NFC and NFD)" : "";
      const message = `story "${article.key}" already has a ${article.lang} version in ${existing.file}${why}; give one of them another id or slug`;
      diagnostics.push(error(article.file, 1, "pair/duplicate-language", message));
      continue;
    }
    story.versions[article.lang] = article;
  }
  for (const story of byKey.values()) {
    const { zh, en } = story.versions;
    if (zh && en && Math.abs(zh.date.toMillis() - en.date.toMillis()) > MAX_PAIR_SKEW_HOURS * HOUR_MS) {
      diagnostics.push(
        warning(
          en.file,
          1,
          "pair/date-skew",
          `the en version is dated ${en.date.toISODate()} but the zh version (${zh.file}) ${zh.date.toISODate()}; they differ by more than a day`,
        ),
      );
    }
  }
  // Each story's instant is worked out once, not on every comparison.
  const stories = [...byKey.values()]
    .map((story) => ({ story, millis: storyDate(story).toMillis() }))
    .sort((a, b) => b.millis - a.millis || (a.story.key < b.story.key ? -1 : a.story.key > b.story.key ? 1 : 0))
    .map((s) => s.story);
  return { stories, diagnostics };
}

/**
 * Leaves out an article whose slug differs from an earlier one of the same language only in case
 * (`Metro` / `metro`): on case-insensitive disks and hosts both would be one URL. `pair/slug-clash` names both files.
 */
function withoutSlugClashes(articles: readonly Article[], diagnostics: Diagnostic[]): Article[] {
  const claimed = new Map<string, Article>();
  return articles.filter((article) => {
    const folded = `${article.lang}/${article.slug.toLowerCase()}`;
    const owner = claimed.get(folded);
    if (!owner) claimed.set(folded, article);
    if (!owner || owner.slug === article.slug) return true;
    const message = `slug "${article.slug}" differs from "${owner.slug}" (${owner.file}) only in case; URLs must differ in more than case`;
    diagnostics.push(error(article.file, 1, "pair/slug-clash", message));
    return false;
  });
}

/** The story's publication instant: its earliest version. */
export function storyDate(story: Story): Article["date"] {
  const dates = LANGS.flatMap((lang) => story.versions[lang]?.date ?? []);
  return dates.reduce((a, b) => (b < a ? b : a));
}

/** The languages a story exists in, in display order. */
export function storyLangs(story: Story): Lang[] {
  return LANGS.filter((lang) => story.versions[lang]);
}

