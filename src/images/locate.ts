// Finding a photo on disk safely: inside the articles folder (symlinks included), a file, and not too big to read.
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { FileStamp } from "../shared/files.ts";

/** Largest photo read, in bytes: checked with `stat` before reading a byte. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Why a photo cannot be used: a diagnostic code and the part of the message after the photo's name. */
export interface ImageProblem {
  code: "image/not-found" | "image/outside-articles" | "image/too-large" | "image/undecodable";
  /** Completes `image "…" `, such as `not found (looked for articles/x.jpg)`. */
  says: string;
}

/** Options of `findImageFile`. */
export interface LocateOptions {
  /** The working directory photo paths are relative to. */
  cwd: string;
  /** The articles folder (absolute, or relative to `cwd`): no photo may be outside it. */
  articlesDir: string;
}

/** A photo file found, not yet read: its real path and its stamp (inode, size, modification time). */
export interface FoundImage {
  real: string;
  stamp: FileStamp;
}

/** Reads a photo found by `findImageFile`. */
export async function readImage(found: FoundImage): Promise<Buffer | ImageProblem> {
  const bytes = await readFile(found.real).catch((cause: NodeJS.ErrnoException) => cause);
  return bytes instanceof Error ? { code: "image/not-found", says: `cannot be read (${bytes.code ?? bytes.message})` } : bytes;
}

/**
 * Finds the photo at `file` (relative to `cwd`), without reading it. It must lie inside the articles folder
 * both as written and once symlinks are resolved, be a regular file and be at most `MAX_IMAGE_BYTES`.
 */
export async function findImageFile(file: string, options: LocateOptions): Promise<FoundImage | ImageProblem> {
  const abs = path.resolve(options.cwd, file);
  const articlesDir = path.resolve(options.cwd, options.articlesDir);
  const shown = toDisplay(abs, options.cwd);
  const outside: ImageProblem = { code: "image/outside-articles", says: `is outside the articles folder (${toDisplay(articlesDir, options.cwd)}/): photos must be kept with the stories` };
  if (!isInside(articlesDir, abs)) return outside;
  const real = await realpath(abs).catch(() => undefined);
  if (real === undefined) return { code: "image/not-found", says: `not found (looked for ${shown}); check the name, its case and the folder it is in` };
  const realArticles = await realpath(articlesDir).catch(() => articlesDir);
  if (!isInside(realArticles, real)) return outside;
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { code: "image/not-found", says: `not found (${shown} is not a file)` };
  if (info.size > MAX_IMAGE_BYTES) return { code: "image/too-large", says: `is ${mib(info.size)}, over the ${mib(MAX_IMAGE_BYTES)} limit: export it smaller (2,000 pixels wide is plenty)` };
  return { real, stamp: { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs } };
}

/** True when `file` is strictly inside `dir` (both absolute). */
function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel);
}

/** A path as shown in messages: relative to `cwd`, `/`-separated. */
function toDisplay(abs: string, cwd: string): string {
  return path.relative(cwd, abs).split(path.sep).join("/") || ".";
}

/** Bytes in MB (MiB), one decimal. */
function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
