// The output folder around a build: checked and repaired before anything is written, staged beside it while the build writes.
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { spawnDetached } from "../children.ts";
import path from "node:path";
import { BuildError, countSeverity, error } from "../diagnostics.ts";
import type { Diagnostic } from "../types.ts";
import { checkOutputDir, type ProtectedDirs } from "./guard.ts";
import { recoverOutput } from "./recover.ts";
import { keptInTrash, skeletonOf } from "./skeleton.ts";
import { openStaging, type Staging } from "./staging.ts";

/** The folder inside a build cache that replaced outputs are moved into, to become the next build's skeleton (see skeleton.ts). */
export function trashDirOf(cacheDir: string): string {
  return path.join(cacheDir, "trash");
}

/**
 * Before anything is written: refuses an output folder a build must not replace, repairs what a killed
 * build left beside it, and empties the cache's trash (in detached processes under `background`: a build
 * published right after another need not wait for the unlinks of the output that one replaced). Returns
 * the warnings to report; throws `BuildError` on a refusal.
 */
export async function prepareOutput(out: string, dirs: ProtectedDirs, display: string, background = false): Promise<Diagnostic[]> {
  const refused = await checkOutputDir(out, dirs, display);
  if (refused.length > 0) throw new BuildError(`build refused; ${display} was left as it was`, refused);
  const recovered = await recoverOutput(out, display);
  if (countSeverity(recovered, "error") > 0) throw new BuildError(`build refused; ${display} was left as it was`, recovered);
  if (dirs.cacheDir) await (background ? emptyTrashInBackground : emptyTrash)(trashDirOf(dirs.cacheDir));
  return recovered;
}

/**
 * A staging folder beside `out`, its parent made if missing, started from the skeleton waiting in `trashDir`
 * when there is one (see skeleton.ts); a folder that cannot be made is a diagnostic (added to `diagnostics`,
 * and named as `given`), not a stack trace.
 */
export async function stageOutput(out: string, given: string, diagnostics: readonly Diagnostic[], trashDir?: string): Promise<Staging> {
  try {
    await mkdir(path.dirname(out), { recursive: true });
    return await openStaging(out, trashDir && skeletonOf(trashDir));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    const problem = error(given, 1, "output/unwritable", `cannot write beside ${given}: its parent folder cannot be made or written to (${code})`);
    throw new BuildError(`build failed; ${given} was left as it was`, [...diagnostics, problem], { cause });
  }
}

/**
 * Removes each output in a trash folder in a detached process, but for the skeletons (see `keptInTrash`).
 * Each is renamed first, so a removal an earlier build started on it (it may still be running, or have been
 * stopped) meets missing files and ends.
 */
export async function emptyTrashInBackground(trashDir: string): Promise<void> {
  const names = await readdir(trashDir).catch(() => []);
  for (const name of names.filter((n) => !keptInTrash(n))) {
    const aside = path.join(trashDir, `${name.replace(/~\d+$/, "")}~${process.pid}`);
    if (await rename(path.join(trashDir, name), aside).then(() => true, () => false)) removeDetached(aside);
  }
}

/** Removes a folder in a detached process, so a command need not wait for tens of thousands of unlinks. */
export function removeDetached(dir: string): void {
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawnDetached(process.execPath, ["-e", script, dir]);
}

/** Empties a trash folder of outputs an earlier build replaced (a detached removal may have been stopped), but for the skeletons. */
export async function emptyTrash(trashDir: string): Promise<void> {
  // Housekeeping only: a trash folder that cannot be reached (the cache cannot be made) holds nothing.
  const names = await readdir(trashDir).catch(() => []);
  await Promise.all(names.filter((n) => !keptInTrash(n)).map((n) => rm(path.join(trashDir, n), { recursive: true, force: true }).catch(() => undefined)));
}
