// The front half of a build, in process: ingest → parse → validate → release → pair → plan, without Eleventy or disk output.
import { DateTime } from "luxon";
import { sortDiagnostics } from "../../src/diagnostics.ts";
import { ingestArticles } from "../../src/ingest/index.ts";
import { pairArticles } from "../../src/pair/index.ts";
import { parseSources } from "../../src/parse/index.ts";
import { parseBaseUrl, planSite, type SitePlan } from "../../src/render/index.ts";
import type { ArticlePage } from "../../src/render/plan.ts";
import type { Article, Diagnostic } from "../../src/types.ts";
import { keepWholeStories, releaseArticles, validateDrafts } from "../../src/validate/index.ts";

/** The pinned build time of front-half runs: 2024-12-31 00:00 in Shanghai. */
export const PINNED_NOW = DateTime.fromISO("2024-12-31T00:00:00+08:00", { setZone: true });

/** What the front half produced. */
export interface FrontHalf {
  /** Every diagnostic of every stage, sorted by file and line; paths relative to `cwd`. */
  diagnostics: Diagnostic[];
  /** Articles that passed validation (before pairing and the all-or-nothing story rule). */
  validated: Article[];
  /** Planned article pages: what `--skip-invalid` would publish. */
  pages: ArticlePage[];
  /** The whole page plan. */
  plan: SitePlan;
}

/**
 * Runs the stages of a build's front half, as `build()` calls them (ingest, parse, validate, pair,
 * plan), over `articlesDir`, with the build time pinned to {@link PINNED_NOW} and no cache.
 * Display paths are relative to `cwd`, which defaults to the articles directory itself.
 */
export async function runFrontHalf(articlesDir: string, cwd = articlesDir, now = PINNED_NOW): Promise<FrontHalf> {
  const ingested = await ingestArticles(articlesDir, cwd);
  const parsed = parseSources(ingested.sources);
  const validated = validateDrafts(parsed.files.flatMap((f) => f.drafts));
  const early = [...ingested.diagnostics, ...parsed.files.flatMap((f) => f.diagnostics), ...validated.diagnostics];
  const paired = pairArticles(releaseArticles(keepWholeStories(validated.articles, early), { now }).published);
  const plan = planSite(paired.stories, { site: parseBaseUrl(undefined), buildTime: now });
  const diagnostics = sortDiagnostics([...early, ...paired.diagnostics, ...plan.diagnostics]);
  return { diagnostics, validated: validated.articles, pages: plan.articles, plan };
}
