// Staging folders: where a build writes the site before it is swapped into place.
//
// A staging folder sits beside the output (same file system, so the swap is a rename) and is named
// `.duet-tmp-<output>-<pid>-<random>`, so the next build can tell a folder of a build still running from
// one left by a build that was killed. The retired output of a swap is the same name plus `-old`.
import { rmSync } from "node:fs";
import { chmod, lstat, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { takeFolderList } from "./skeleton.ts";

/** Mode of a new output folder: readable by a web server running as another user. */
const NEW_OUTPUT_MODE = 0o755;

/** Staging folders of this process not yet published or discarded, removed should the process exit first. */
const open = new Set<string>();
let exitHookInstalled = false;

/** The prefix every staging folder of `outDir` starts with. */
export function stagingPrefix(outDir: string): string {
  return `.duet-tmp-${path.basename(path.resolve(outDir))}-`;
}

/** A staging folder, and the folders it started with, when known. */
export interface Staging {
  dir: string;
  /**
   * The folders it started with (relative, `/`-separated): none for an empty folder, the skeleton's for
   * one started from a skeleton with its list (see skeleton.ts); undefined when a skeleton came without one.
   */
  startFolders?: readonly string[];
}

/**
 * Creates a staging folder beside `outDir`, with the mode of the output it will replace (or 0755 for a
 * new one): `skeleton` (a tree of folders without files, see skeleton.ts) moved there when given and it can
 * be, else an empty folder. Until published or discarded, it is removed should the process exit.
 */
export async function createStaging(outDir: string, skeleton?: string): Promise<string> {
  return (await openStaging(outDir, skeleton)).dir;
}

/** `createStaging`, telling which folders the staging folder started with. */
export async function openStaging(outDir: string, skeleton?: string): Promise<Staging> {
  const target = path.resolve(outDir);
  const staging = await mkdtemp(path.join(path.dirname(target), `${stagingPrefix(target)}${process.pid}-`));
  open.add(staging);
  installExitHook();
  const listed = skeleton ? takeFolderList(skeleton) : undefined;
  // A folder renamed onto an empty one replaces it; a missing skeleton, or one on another file system, leaves it be.
  const moved = skeleton !== undefined && (await rename(skeleton, staging).then(() => true, () => false));
  const previous = await lstat(target).catch(() => undefined);
  await chmod(staging, previous?.isDirectory() ? previous.mode & 0o7777 : NEW_OUTPUT_MODE);
  return { dir: staging, startFolders: moved ? listed?.(staging) : [] };
}

/** Marks a staging folder as published: it is the output now, never to be removed on exit. */
export function releaseStaging(staging: string): void {
  open.delete(staging);
}

/** Removes a staging folder after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  open.delete(staging);
}

/** What a name beside the output is: a staging folder of this output's (with the id of the process that made it, when the name has one), or not one of its. */
export type StagingName = { owner?: number } | undefined;

/**
 * Reads a name beginning with `prefix`: `<pid>-<6 characters>` with an optional `-old` is a staging
 * folder of this output; `<6 characters>[-old]` one left by a Duet release that did not name the process.
 * Anything else (the staging folder of an output whose name merely starts the same, `dist-2` beside
 * `dist`) is not this output's, and is left alone.
 */
export function readStagingName(name: string, prefix: string): StagingName {
  const rest = name.slice(prefix.length);
  const match = /^(?:(\d+)-)?[A-Za-z0-9]{6}(?:-old)?$/.exec(rest);
  if (!match) return undefined;
  return match[1] === undefined ? {} : { owner: Number(match[1]) };
}

/**
 * On any exit (an uncaught error, an unsettled await, `process.exit` from a signal handler), removes
 * the staging folders still open, so a failed or stopped build leaves nothing beside the output.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const staging of open) rmSync(staging, { recursive: true, force: true });
  });
}
