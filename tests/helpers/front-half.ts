// The front half of a build, in process: ingest → parse → validate → pair → plan, without Eleventy or disk output.
import { DateTime } from "luxon";
import { prepareSite } from "../../src/build.ts";
import type { ArticlePage } from "../../src/render/plan.ts";
import type { Article, Diagnostic } from "../../src/types.ts";

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
}

/**
 * Runs the front half of a build (`prepareSite`: ingest, parse, validate, pair, plan) over
 * `articlesDir`, with the build time pinned to {@link PINNED_NOW}.
 * Display paths are relative to `cwd`, which defaults to the articles directory itself.
 */
export async function runFrontHalf(articlesDir: string, cwd = articlesDir, now = PINNED_NOW): Promise<FrontHalf> {
  const prepared = await prepareSite({ articles: articlesDir, cwd, now });
  return { diagnostics: prepared.diagnostics, validated: prepared.validated, pages: prepared.plan.articles };
}
