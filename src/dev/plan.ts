// An update's front half: the sources read again (only those the file watcher reported, when it did),
// validated, paired and their article pages planned, each stage reusing what the session remembers.
import path from "node:path";
import type { DateTime } from "luxon";
import { cachedBodies, parsedSources, sourceReuse, type BuildCache } from "../cache/index.ts";
import type { SourceReuse } from "../ingest/reuse.ts";
import { parseBaseUrl, planArticlePages, type PlannedArticles, type PlanOptions } from "../render/index.ts";
import { readStories } from "../read-stories.ts";
import { photoSource, type ProcessedImages } from "../images/index.ts";
import type { Diagnostic, Story } from "../types.ts";
import type { SiteSources } from "./newsroom.ts";
import type { Session } from "./session.ts";

/** What the sources are and how the site is planned. */
export interface PlanInput {
  articles: string;
  cwd: string;
  baseUrl: string;
  now: DateTime;
  shardSize: number;
  /** site.yaml's configuration and the newsroom's pages, as the last whole build read them. */
  site: SiteSources;
  /** Every path (absolute; files or folders) that may have changed since the last build or update; undefined: any may have. */
  changed?: ReadonlySet<string>;
}

/** Stories with their article pages planned: what `planSite` goes on from. */
export interface PlannedStories {
  stories: Story[];
  articles: PlannedArticles;
  options: PlanOptions;
  /** The photos the articles use, processed (their renditions are written beside the pages). */
  photos: ProcessedImages;
  /** The diagnostics of ingest, parse, validation, photos and pairing (the article pages' are in `articles`). */
  diagnostics: Diagnostic[];
}

/** Ingest → parse → validate → pair → article pages, over a cache reopened from the last build or update. */
export async function planStories(input: PlanInput, cache: BuildCache, session: Session, step: (stage: string, count: number, unit: string) => void): Promise<PlannedStories> {
  const reuse = sourceReuse(cache);
  const { timeZone: zone, sections } = input.site.config;
  const slugs = sections.map((s) => s.slug);
  const reading = { articles: input.articles, cwd: input.cwd, cacheDir: cache.dir, reuse: input.changed ? trustUnreported(reuse, cache, input.changed) : reuse, parsed: parsedSources(cache), zone, sections: slugs, memo: session.validation.for({ zone, sections: slugs }) };
  // npm start shows drafts too.
  const { stories, photos, diagnostics } = await readStories(reading, { now: input.now, drafts: true }, step);
  forgetPagesOnNewPhotos(session, photos);
  const options: PlanOptions = {
    site: parseBaseUrl(input.baseUrl),
    config: input.site.config,
    pages: input.site.pages,
    buildTime: input.now,
    search: { shardSize: input.shardSize },
    memo: session.plan,
    renderBody: cachedBodies(cache),
    photos: photoSource(photos.table),
  };
  const articles = planArticlePages(stories, options);
  return { stories, articles, options, photos, diagnostics: [...input.site.diagnostics, ...diagnostics] };
}

/**
 * Article pages are remembered by their article: a photo edited in place (same path, new bytes) leaves the
 * article as it was, so a new set of renditions makes the session forget its planned pages.
 */
function forgetPagesOnNewPhotos(session: Session, photos: ProcessedImages): void {
  const key = photos.files.map((f) => f.url).join("\n");
  if (session.photos !== undefined && session.photos !== key) session.plan = { articles: new WeakMap(), entries: { plain: new WeakMap(), marked: new WeakMap() } };
  session.photos = key;
}

/**
 * Source reuse that takes a source the watcher did not report (neither it nor a folder holding it is in
 * `changed`) as the last run read it, without looking at it; any other source is looked at as usual.
 */
function trustUnreported(reuse: SourceReuse, cache: BuildCache, changed: ReadonlySet<string>): SourceReuse {
  return {
    known: (file, look) => {
      const last = cache.sources.get(file.abs);
      if (!last || last.path !== file.display || last.kind !== file.kind || touches(changed, file.abs) || !cache.parsed.has(last.key)) return reuse.known(file, look);
      reuse.remember(file.abs, last);
      return Promise.resolve(last.key);
    },
    remember: (abs, stamp) => reuse.remember(abs, stamp),
  };
}

/** True when `abs` or a folder holding it is in `changed`. */
function touches(changed: ReadonlySet<string>, abs: string): boolean {
  for (let at = abs; ; at = path.dirname(at)) {
    if (changed.has(at)) return true;
    if (path.dirname(at) === at) return false;
  }
}
