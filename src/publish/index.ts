// Publish: swap a finished build into place, so a failed build never touches the live output.
import { makeSkeleton, makeSkeletonInBackground } from "./skeleton.ts";
export { isReadySkeleton } from "./skeleton.ts";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from "./guard.ts";
import { releaseStaging } from "./staging.ts";

export { checkOutputDir, OUTPUT_MARKER, type ProtectedDirs } from "./guard.ts";
export { recoverOutput } from "./recover.ts";
export { leafFolders, walkOutput, type OutputCount, type WalkOptions } from "./measure.ts";
export { createStaging, discardStaging, openStaging, stagingPrefix, type Staging } from "./staging.ts";
export { emptyTrash, emptyTrashInBackground, prepareOutput, stageOutput, trashDirOf } from "./output.ts";

/** How the output a swap replaced is disposed of. */
export interface RetireOptions {
  /**
   * A folder of Duet's own on the output's file system (inside the build cache) to move the replaced
   * output into, so that nothing is left beside the output when the command exits. There it is emptied of
   * its files, and its folders wait for the next build's staging folder (see skeleton.ts).
   */
  trashDir?: string;
  /** With `trashDir`: empty the moved output in a detached process instead of waiting for it. */
  removeInBackground?: boolean;
}

/** Writes the output marker into a staging folder: the last file of a complete build (see recover.ts). */
export async function markOutput(staging: string): Promise<void> {
  await writeFile(path.join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
}

/**
 * Replaces `outDir` with `staging`: the old output is moved aside, the new one renamed in, and the old
 * one moved into `trashDir` (to become the next build's skeleton) or removed before this returns.
 */
export async function publishStaging(staging: string, outDir: string, options: RetireOptions = {}): Promise<void> {
  const target = path.resolve(outDir);
  const retired = `${staging}-old`;
  const hadOutput = await rename(target, retired).then(
    () => true,
    (cause: NodeJS.ErrnoException) => {
      if (cause.code === "ENOENT") return false;
      throw cause;
    },
  );
  try {
    await rename(staging, target);
  } catch (cause) {
    if (hadOutput) await rename(retired, target);
    throw cause;
  }
  releaseStaging(staging);
  // The new output is in place: a replaced one that cannot be removed now is no failure of this build;
  // the next build removes it with the other leftovers of dead builds (see recover.ts).
  if (hadOutput) await retire(retired, options).catch(() => undefined);
}

/** Moves a replaced output into the trash (making a skeleton of it there, maybe in the background), or removes it where it is. */
async function retire(retired: string, options: RetireOptions): Promise<void> {
  if (options.trashDir) {
    const trashed = path.join(options.trashDir, path.basename(retired));
    const moved = await mkdir(options.trashDir, { recursive: true })
      .then(() => rename(retired, trashed))
      .then(
        () => true,
        () => false,
      );
    if (moved) {
      if (options.removeInBackground) makeSkeletonInBackground(trashed, options.trashDir);
      else makeSkeleton(trashed, options.trashDir);
      return;
    }
  }
  await rm(retired, { recursive: true, force: true });
}
