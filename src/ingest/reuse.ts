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

/** A source file ingest found: its absolute path, its path as diagnostics print it, and its kind. */
export interface FoundSource {
  abs: string;
  display: string;
  kind: SourceStamp["kind"];
}

/** What a look at a source file tells (its `lstat`, and how ingest names it), undefined when it cannot be looked at. */
export type SourceLook = () => Promise<Omit<SourceStamp, "key"> | undefined>;

/** Lets ingest skip reading sources unchanged since the last build (see cache/sources.ts). */
export interface SourceReuse {
  /**
   * The content key of `file` when it is unchanged since the last build, else undefined; a file known so is
   * recorded for the next build too. `look` stats the file, should the answer need it.
   */
  known(file: FoundSource, look: SourceLook): Promise<string | undefined>;
  /** Records what this build read at `abs`, for the next build. */
  remember(abs: string, stamp: SourceStamp): void;
}

/** The content key of a source: everything its parse result depends on. */
export function sourceKey(source: Pick<SourceFile, "path" | "relPath" | "kind" | "text">): string {
  return hashOf(source.path, source.relPath, source.kind, source.text);
}
