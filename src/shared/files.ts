// Published files by identity: what a build may reuse from the last output, and how it reuses it.
import { link, lstat, mkdir } from "node:fs/promises";
import path from "node:path";
import { mapLimit } from "./concurrency.ts";

/** Identity of a published file: a reused file must be exactly the one the last build wrote. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The stamp of a file, or undefined when it is missing or not a regular file. */
export async function stampOf(file: string): Promise<FileStamp | undefined> {
  const s = await lstat(file).catch(() => undefined);
  return s?.isFile() ? { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs } : undefined;
}

/** True when `file` is still the file `stamp` describes. */
export async function unchanged(file: string, stamp: FileStamp): Promise<boolean> {
  const now = await stampOf(file);
  return now !== undefined && now.ino === stamp.ino && now.size === stamp.size && now.mtimeMs === stamp.mtimeMs;
}

/**
 * Hard-links each of `files` (paths relative to both directories) from `from` into `to`. Linking never
 * overwrites: a file already in `to` is an error, so a reused file can never be written through.
 */
export async function linkFiles(from: string, to: string, files: readonly string[], workers = 32): Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  await mapLimit(files, workers, async (file) => {
    const dir = path.dirname(path.join(to, file));
    if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
    await made.get(dir);
    await link(path.join(from, file), path.join(to, file));
  });
}
