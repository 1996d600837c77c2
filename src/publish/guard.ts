// The output folder guard: a build replaces its output folder whole, so it must never be pointed at
// the project, its sources or anything that is not Duet's own output.
import { lstat, readdir, realpath } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { error } from "../diagnostics.ts";
import type { Diagnostic } from "../types.ts";

/** The file Duet writes into every output it publishes: a folder holding it may be replaced by the next build. */
export const OUTPUT_MARKER = ".duet-output";

/** What the marker file says to whoever opens it. */
export const OUTPUT_MARKER_TEXT = "Written by Duet. Every build replaces this folder whole: keep nothing else in it.\n";

/** Folders the output must stay clear of. */
export interface ProtectedDirs {
  /** The article sources. */
  articles: string;
  /** The project root (holding `templates/`, `src/`, `.git`). */
  root: string;
  /** The build cache, when one is used. */
  cacheDir?: string;
  /** The working directory the command runs in. */
  cwd: string;
}

/**
 * Checks, before anything is written, that `out` may be replaced by a build. The output may not be,
 * hold or lie inside the articles, the cache or `templates/`; it may not be or hold the project root,
 * the working directory, the user's home or the file-system root; and an existing output must be an
 * empty folder or one a Duet build wrote. Returns one error per broken rule, naming the output.
 */
export async function checkOutputDir(out: string, dirs: ProtectedDirs, display: string): Promise<Diagnostic[]> {
  const target = await canonical(out);
  const problems: string[] = [];
  const apart = [
    { dir: dirs.articles, what: "the articles folder" },
    { dir: path.join(dirs.root, "templates"), what: "the templates folder" },
    ...(dirs.cacheDir ? [{ dir: dirs.cacheDir, what: "the build cache" }] : []),
  ];
  for (const { dir, what } of apart) {
    const other = await canonical(dir);
    if (target === other) problems.push(`it is ${what}`);
    else if (isInside(other, target)) problems.push(`it holds ${what}`);
    else if (isInside(target, other)) problems.push(`it lies inside ${what}`);
  }
  const above = [
    { dir: dirs.root, what: "the project root" },
    { dir: dirs.cwd, what: "the working directory" },
    { dir: homedir(), what: "your home folder" },
    { dir: path.parse(target).root, what: "the file-system root" },
  ];
  for (const { dir, what } of above) {
    const other = await canonical(dir);
    if (target === other) problems.push(`it is ${what}`);
    else if (isInside(other, target)) problems.push(`it holds ${what}`);
  }
  if (problems.length === 0) {
    const refusal = await replaceRefusal(target);
    if (refusal) problems.push(refusal);
  }
  if (problems.length === 0) return [];
  const why = [...new Set(problems)].join("; ");
  return [error(display, 1, "output/unsafe", `refusing to write the site to ${display}: ${why}; a build replaces its output folder whole, so give --out a new or empty folder`)];
}

/** Why an existing `dir` may not be replaced, or undefined when it may (missing, empty, or a Duet output). */
async function replaceRefusal(dir: string): Promise<string | undefined> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) return "it exists and is not a folder";
  const names = await readdir(dir);
  if (names.length === 0 || names.includes(OUTPUT_MARKER) || looksLikeEarlierOutput(names)) return undefined;
  return `it holds files no Duet build wrote (it has no ${OUTPUT_MARKER} marker)`;
}

/** An output of a Duet release from before the marker: its service worker, search bundle and both language folders. */
function looksLikeEarlierOutput(names: readonly string[]): boolean {
  return ["sw.js", "pagefind", "zh", "en", "index.html"].every((name) => names.includes(name));
}

/** `dir` made absolute with links resolved as far as it exists, so two spellings of one folder compare equal. */
async function canonical(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const real = await realpath(absolute).catch(() => undefined);
  if (real) return real;
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await canonical(parent), path.basename(absolute));
}

/** True when `inner` lies strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== "" && !rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel);
}
