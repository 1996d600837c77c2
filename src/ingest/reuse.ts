// What ingest asks of a build cache to skip reading sources unchanged since the last build.
import type { FileStamp } from "../shared/files.ts";
import { hashOf } from "../shared/hash.ts";
import type { SourceFile } from "../types.ts";

/** A source file as the last build read it: its identity, its display path and kind, and its content key. */
export interface SourceStamp extends FileStamp {
  ctimeMs: number;
  path: string;
  kind: SourceFile["kind"];
  key: string;
}

/** Lets ingest skip reading sources unchanged since the last build (see `sourceReuse`). */
export interface SourceReuse {
  /**
   * The content key of the file at `abs` when it is known unchanged without looking at it (the dev
   * server's watcher reported no change to it since the last build, which read it), else undefined.
   */
  unseen?(abs: string, display: string, kind: SourceStamp["kind"]): string | undefined;
  /** The content key of the file at `abs` when it is unchanged since the last build, else undefined. */
  known(abs: string, seen: Omit<SourceStamp, "key">): string | undefined;
  /** Records what this build read (or skipped) at `abs`, for the next build. */
  remember(abs: string, stamp: SourceStamp): void;
}

/** The content key of a source: everything its parse result depends on. */
export function sourceKey(source: Pick<SourceFile, "path" | "relPath" | "kind" | "text">): string {
  return hashOf(source.path, source.relPath, source.kind, source.text);
}
