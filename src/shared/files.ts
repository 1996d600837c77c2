// Published files by identity: what a build may reuse from the last output, and how it reuses it.
// The calls are synchronous, and so are the functions: a cached build checks and links tens of thousands
// of files, and through libuv's thread pool each call cost about four times as much (26,000 lstat calls:
// 502 ms against 146 ms). A build does most of them in a worker thread instead (see output-look.ts).
import { createHash } from "node:crypto";
import fs, { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { linkEach } from "./output-look.ts";

/** Identity of a published file: a reused file must be exactly the one the last build wrote. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
  /**
   * SHA-256 of the content as written (published files only). A copy of the file (the output and the
   * build cache restored on another machine, as CI does between deploys) has another inode, but the
   * same content: it is known by this.
   */
  sha256?: string;
}

/** The stamp of a file, or undefined when it is missing or not a regular file. */
export function stampOf(file: string): FileStamp | undefined {
  let s;
  try {
    s = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  return s?.isFile() ? { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs } : undefined;
}

/**
 * The stamp of `file` (relative to `dir`) as `looked` holds it under `key`, when it does (see output-look.ts);
 * else as it is now.
 */
export function lookedStamp(looked: ReadonlyMap<string, FileStamp | undefined> | undefined, dir: string, file: string, key = file): FileStamp | undefined {
  return looked?.has(key) ? looked.get(key) : stampOf(path.join(dir, file));
}

/** True when two stamps describe the same file as it was: same inode, size and modification time. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The stamp of a file just written, with the SHA-256 of its content; undefined when it is missing or not a regular file. */
export function stampWithContent(file: string): FileStamp | undefined {
  const stamp = stampOf(file);
  const sha256 = stamp && contentHash(file);
  return stamp && { ...stamp, ...(sha256 && { sha256 }) };
}

/**
 * The stamp of `file` now, when it is still the file `stamp` describes: the same inode, size and
 * modification time, or, for a stamp carrying the content's hash, the same size and content (a copy,
 * which is then read whole). Undefined when it is missing or anything else. `now` is the file's stamp as
 * looked at (`lookedStamp`: by the worker when it did, else now); undefined, the file is missing.
 */
export function stillStamped(file: string, stamp: FileStamp, now: FileStamp | undefined): FileStamp | undefined {
  if (!now) return undefined;
  if (sameStamp(now, stamp)) return { ...now, ...(stamp.sha256 && { sha256: stamp.sha256 }) };
  if (stamp.sha256 === undefined || now.size !== stamp.size) return undefined;
  // Read after the look: a file changed in between has a content that cannot match, or a later time that the next look sees.
  return contentHash(file) === stamp.sha256 ? { ...now, sha256: stamp.sha256 } : undefined;
}

/** The SHA-256 of a file's bytes, or undefined when it cannot be read. */
function contentHash(file: string): string | undefined {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * Hard-links each of `files` (paths relative to both directories) from `from` into `to`. Linking never
 * overwrites: a file already in `to` is an error, so a reused file can never be written through. A file's
 * folder is made only when the link finds it missing: a staging folder started from the last output's
 * folders (see publish/skeleton.ts) has almost all of them, and asking for each one again cost a cached
 * build of 10,000 stories 26,000 calls (0.33 s of 12.9 s of CPU on one machine).
 */
export async function linkFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  linkEach(fs, path, from, to, files);
}
