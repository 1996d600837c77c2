// Publish: swap a finished build into place, so a failed build never touches the live output.
import { spawn } from "node:child_process";
import { mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Creates an empty staging directory beside `outDir` (same file system, so the swap is a rename). */
export async function createStaging(outDir: string): Promise<string> {
  const parent = path.dirname(path.resolve(outDir));
  return mkdtemp(path.join(parent, `.duet-tmp-${path.basename(outDir)}-`));
}

/**
 * Replaces `outDir` with `staging`: the old output is moved aside, the new one renamed in, the old one
 * removed. With `removeInBackground`, a detached process removes the old output, so a command-line
 * build need not wait for tens of thousands of unlinks once the new site is already in place.
 */
export async function publishStaging(staging: string, outDir: string, options: { removeInBackground?: boolean } = {}): Promise<void> {
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
  if (!hadOutput) return;
  if (options.removeInBackground) {
    const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
    spawn(process.execPath, ["-e", script, retired], { detached: true, stdio: "ignore" }).unref();
  } else {
    await rm(retired, { recursive: true, force: true });
  }
}

/** Removes a staging directory after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
