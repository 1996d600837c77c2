// Recovery: put right what a killed build left beside the output, before the next build starts.
import { lstat, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { error, warning } from "../diagnostics.ts";
import type { Diagnostic } from "../types.ts";
import { OUTPUT_MARKER } from "./guard.ts";
import { isRunning } from "../children.ts";
import { readStagingName, stagingPrefix } from "./staging.ts";

/**
 * Looks at the staging folders beside `outDir` left by builds no longer running. When the output is
 * missing (a build was killed between the two renames of its swap), the newest complete one is put in
 * its place: a finished build's staging folder (it holds the output marker, written last) before the
 * output it was replacing. Every other such folder is removed. A staging folder of a build still
 * running is an error: two builds must not write one output at once.
 */
export async function recoverOutput(outDir: string, display: string): Promise<Diagnostic[]> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const prefix = stagingPrefix(target);
  const names = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(prefix));
  const diagnostics: Diagnostic[] = [];
  const stale: string[] = [];
  for (const name of names) {
    const staging = readStagingName(name, prefix);
    if (!staging) continue;
    const { owner } = staging;
    if (owner === process.pid) continue;
    if (owner !== undefined && isRunning(owner)) {
      const message = `another build (process ${owner}) is writing ${display} now; wait for it to finish, or remove ${path.join(path.dirname(display), name)} if no build is running`;
      diagnostics.push(error(display, 1, "output/busy", message));
    } else stale.push(name);
  }
  if (diagnostics.length > 0) return diagnostics;
  if (!(await lstat(target).catch(() => undefined))) {
    const restored = await newestComplete(parent, stale);
    if (restored) {
      await rename(path.join(parent, restored), target);
      stale.splice(stale.indexOf(restored), 1);
      diagnostics.push(warning(display, 1, "output/recovered", `${display} was missing after an interrupted build; put back the complete output it left (${restored})`));
    }
  }
  for (const name of stale) await rm(path.join(parent, name), { recursive: true, force: true });
  return diagnostics;
}

/** Of the folders `names` in `parent`, the complete output to put back: a finished new build first, then a retired output; newest first. */
async function newestComplete(parent: string, names: readonly string[]): Promise<string | undefined> {
  const complete: { name: string; retired: boolean; mtimeMs: number }[] = [];
  for (const name of names) {
    const marker = await stat(path.join(parent, name, OUTPUT_MARKER)).catch(() => undefined);
    if (marker?.isFile()) complete.push({ name, retired: name.endsWith("-old"), mtimeMs: marker.mtimeMs });
  }
  complete.sort((a, b) => Number(a.retired) - Number(b.retired) || b.mtimeMs - a.mtimeMs);
  return complete[0]?.name;
}
