// Helpers for whole-site checks: list built pages, extract links, resolve them against the output tree.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Every file under `dir` whose name ends with `ext`, as `/`-separated paths relative to `dir`, sorted. */
export async function listFiles(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** The URL path a file is served at: `zh/x/index.html` → `/zh/x/`. */
export function servedPath(file: string): string {
  return `/${file}`.replace(/index\.html$/, "");
}

const LINK_RE = /\s(?:href|src|action)="([^"]*)"/g;
const SRCSET_RE = /\ssrcset="([^"]*)"/g;

/** Every href, src and action value, and every URL of a srcset, in an HTML document, with entities for `&` decoded. */
export function extractLinks(html: string): string[] {
  const srcsets = [...html.matchAll(SRCSET_RE)].flatMap((m) => m[1]!.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!));
  return [...[...html.matchAll(LINK_RE)].map((m) => m[1]!), ...srcsets].map((link) => link.replace(/&amp;/g, "&"));
}

/**
 * Resolves a link found on the page served at `pagePath` under a site served at `prefix`.
 * Returns the output file it must exist as, or null for links that leave the site.
 */
export function linkTarget(link: string, pagePath: string, prefix: string, origin: string): string | null {
  const url = new URL(link, `${origin}${prefix}${pagePath.slice(1)}`);
  if (url.origin !== origin) return null;
  if (!url.pathname.startsWith(prefix)) return `<outside ${prefix}>${url.pathname}`;
  const inside = decodeURIComponent(url.pathname.slice(prefix.length));
  return inside === "" || inside.endsWith("/") ? `${inside}index.html` : inside;
}

/** True when `file` exists under `dir`. */
export async function exists(dir: string, file: string): Promise<boolean> {
  return (await stat(path.join(dir, file)).catch(() => null))?.isFile() ?? false;
}
