// The front half of a build and of `npm start`'s updates: the sources ingested, parsed and validated, their
// photos processed, and the versions to publish paired into stories.
import { ingestArticles } from "./ingest/index.ts";
import type { SourceReuse } from "./ingest/reuse.ts";
import { findImageUses, processImages, type ProcessedImages, type ProcessOptions } from "./images/index.ts";
import { pairArticles } from "./pair/index.ts";
import { parseSources, type ParseMemo } from "./parse/index.ts";
import type { Article, Diagnostic, Story } from "./types.ts";
import { keepWholeStories, releaseArticles, validateDrafts, type Release, type ReleaseOptions, type ValidationMemo } from "./validate/index.ts";

/** What the stages before the plan give it: published stories (with their bodies), photos, diagnostics. */
export interface StoryInput {
  stories: Story[];
  photos: ProcessedImages;
  release: Pick<Release, "heldBack" | "drafts">;
  diagnostics: Diagnostic[];
}

/** Where the sources are, what may be reused of the last build's reading of them, and how they are validated. */
export interface StoryReading {
  articles: string;
  cwd: string;
  /** The build cache's folder (processed photos are kept in it). */
  cacheDir?: string;
  reuse?: SourceReuse;
  parsed?: ParseMemo;
  zone: string;
  sections: string[];
  memo?: ValidationMemo;
}

/**
 * Ingests, parses and validates the sources, processes their photos and pairs the versions `release` publishes
 * into stories: the front half of a build and of `npm start`'s updates.
 */
export async function readStories(at: StoryReading, release: ReleaseOptions, step: (stage: string, count: number, unit: string) => void): Promise<StoryInput> {
  const ingested = await ingestArticles(at.articles, at.cwd, at.reuse);
  step("ingest", ingested.sources.length, "files");
  const parsed = parseSources(ingested.sources, at.parsed);
  const drafts = parsed.files.flatMap((f) => f.drafts);
  step("parse", drafts.length, "drafts");
  const validated = validateDrafts(drafts, { zone: at.zone, sections: at.sections, memo: at.memo });
  step("validate", validated.articles.length, "articles");
  const photos = await processPhotos(validated.articles, { cwd: at.cwd, articlesDir: at.articles, cacheDir: at.cacheDir }, step);
  const early = [...ingested.diagnostics, ...parsed.files.flatMap((f) => f.diagnostics), ...validated.diagnostics, ...photos.diagnostics];
  const released = releaseArticles(keepWholeStories(validated.articles, early), release);
  const paired = pairArticles(released.published);
  step("pair", paired.stories.length, "stories");
  return { stories: paired.stories, photos, release: { heldBack: released.heldBack, drafts: released.drafts }, diagnostics: [...early, ...paired.diagnostics] };
}

/** Checks and processes the photos the articles use (renditions kept in the cache's `images/`), timed as the `photos` stage. */
async function processPhotos(articles: readonly Article[], options: ProcessOptions, step: (stage: string, count: number, unit: string) => void): Promise<ProcessedImages> {
  const photos = await processImages(findImageUses(articles), options);
  step("photos", photos.processed + photos.reused, photos.processed + photos.reused === 0 ? "photos" : `photos (${photos.reused} unchanged)`);
  return photos;
}
