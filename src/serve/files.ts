// Which file a request names, and how it is sent: its type, and the caching headers `npm start` gives it.
import type { Stats } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";

export const HTML_TYPE = "text/html; charset=utf-8";
export const TEXT_TYPE = "text/plain; charset=utf-8";
export const JS_TYPE = "text/javascript; charset=utf-8";

/** Content types by extension; anything else is sent as `application/octet-stream`. */
const TYPES: Record<string, string> = {
  ".html": HTML_TYPE,
  ".css": "text/css; charset=utf-8",
  ".js": JS_TYPE,
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".txt": TEXT_TYPE,
};

/** Pagefind's index files, named by the hash of their content: a name never stands for other bytes. */
const IMMUTABLE_RE = /\.pf_(?:meta|index|filter|fragment)$/;

/** A regular file found for a request. */
export interface FoundFile {
  /** Its real path. */
  file: string;
  stats: Stats;
}

/** The content type of `file`. */
export function typeOf(file: string): string {
  return TYPES[path.extname(file)] ?? "application/octet-stream";
}

/** The decoded path of a request URL; null when it is not valid percent-encoded UTF-8 (`/%`, `/%c0%ae`). */
export function pathnameOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, "http://x").pathname);
  } catch {
    return null;
  }
}

/**
 * The regular file `file` names inside `root` (a folder's `index.html` for a folder), by its real path;
 * null when there is none, or when a symbolic link leads out of `root`. A link whose target stays inside
 * `root` is followed, as a static host deploying the folder's contents would.
 */
export async function fileInside(root: string, file: string): Promise<FoundFile | null> {
  const [real, top] = await Promise.all([realpath(file).catch(() => null), realpath(root).catch(() => null)]);
  if (real === null || top === null || (real !== top && !real.startsWith(top.endsWith(path.sep) ? top : top + path.sep))) return null;
  const stats = await stat(real).catch(() => null);
  if (stats?.isDirectory()) return file.endsWith(`${path.sep}index.html`) ? null : fileInside(root, path.join(file, "index.html"));
  return stats?.isFile() ? { file: real, stats } : null;
}

/**
 * Caching headers while editing (`npm start`): a page must never come from the browser's cache; other
 * files may, once the server confirms they are unchanged (the search index is many files, most untouched
 * by an edit), and Pagefind's content-named files for good. `fresh` says the browser's copy is current.
 */
export function devCaching(found: FoundFile, ifNoneMatch: string | undefined): { headers: Record<string, string>; fresh: boolean } {
  const type = typeOf(found.file);
  if (type === HTML_TYPE) return { headers: { "cache-control": "no-store" }, fresh: false };
  const { ino, size, mtimeMs } = found.stats;
  const tag = `"${ino.toString(36)}-${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"`;
  const fresh = ifNoneMatch === tag;
  if (IMMUTABLE_RE.test(found.file)) return { headers: { "cache-control": "max-age=31536000, immutable" }, fresh };
  return { headers: { "cache-control": "no-cache", etag: tag }, fresh };
}
