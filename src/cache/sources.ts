// Source reuse: the cache's side of ingest's `SourceReuse`, by file stamps.
import type { SourceReuse, SourceStamp } from "../ingest/reuse.ts";

/** The parts of an open cache that source reuse reads and fills (see `BuildCache`). */
export interface SourceCache {
  /** Sources as the last build read them, by absolute path. */
  sources: ReadonlyMap<string, SourceStamp>;
  /** Parse results by source key: a source is skipped only while its result is still there. */
  parsed: { has(key: string): boolean };
  /** Filled in by this build, for the next. */
  next: { sources: Map<string, SourceStamp> };
}

/**
 * What ingest needs from the cache to skip reading unchanged sources: a file whose inode, size,
 * modification and change times, display path and kind are all as the last build saw them, and whose
 * parse result is still cached, is known by its content key. Every file read is remembered for the next build.
 */
export function sourceReuse(cache: SourceCache): SourceReuse {
  return {
    async known(file, look) {
      const last = cache.sources.get(file.abs);
      if (!last || last.path !== file.display || last.kind !== file.kind || !cache.parsed.has(last.key)) return undefined;
      const seen = await look();
      const same = seen !== undefined && last.ino === seen.ino && last.size === seen.size && last.mtimeMs === seen.mtimeMs && last.ctimeMs === seen.ctimeMs;
      if (!same) return undefined;
      cache.next.sources.set(file.abs, { ...seen, key: last.key });
      return last.key;
    },
    remember(abs, stamp) {
      cache.next.sources.set(abs, stamp);
    },
  };
}
