// Recycled folders: the output a build replaces becomes the next build's staging folder, emptied of files.
//
// A site of 10,000 stories has 26,000 folders, one per page, and making them is the dearest part of writing
// an output whose pages are all linked from the last one (about 80 µs a folder on an ext4 disk: 2 s, where
// linking the 36,000 files takes 0.4 s). Almost every folder of the output a build replaces is one the next
// build needs again, so instead of removing that output, Duet unlinks its files, keeps its folders, and
// names the result `skeleton` in the cache's trash. The next build starts its staging folder from it, and
// when everything is written, removes the folders no file was written into: the output then holds exactly
// the files and folders a build from an empty folder would have written.
//
// Nothing is shared with the live output: a skeleton holds no file at all (its files were unlinked, not
// written through), and it only gets its name once the last file is gone. No path is a folder in one build
// and a file in another: every page is a folder holding `index.html`, and a slug has no dot and cannot take
// the name of one of the site's own files (validate/slug.ts), so a kept folder never stands where a file goes.
import { spawnDetached } from "../children.ts";
import { readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, type Dirent } from "node:fs";
import path from "node:path";
import { isRunning } from "./staging.ts";

/** The name of a ready skeleton inside the trash folder. */
const SKELETON = "skeleton";
/** The name of a skeleton being made by process `<pid>`: `skeleton.<pid>`. */
const MAKING = /^skeleton\.(\d+)$/;

/** Where a ready skeleton waits in `trashDir`, for the next build's staging folder. */
export function skeletonOf(trashDir: string): string {
  return path.join(trashDir, SKELETON);
}

/**
 * True for the names in a trash folder that emptying it leaves alone: the ready skeleton, and one that a
 * running process is still making (one whose process died is removed with the rest).
 */
export function keptInTrash(name: string): boolean {
  const making = MAKING.exec(name);
  return name === SKELETON || (making !== null && isRunning(Number(making[1])));
}

/**
 * Turns a replaced output in `trashDir` into the ready skeleton: renamed for this process, emptied of every
 * file, then named `skeleton`. Should any step fail (another skeleton is already waiting, the folder was
 * handed to another process), the folder is removed instead. Never throws.
 */
export function makeSkeleton(dir: string, trashDir: string): void {
  const making = path.join(trashDir, `${SKELETON}.${process.pid}`);
  try {
    renameSync(dir, making);
    for (const entry of readdirSync(making, { recursive: true, withFileTypes: true })) {
      if (!entry.isDirectory()) unlinkSync(path.join(entry.parentPath, entry.name));
    }
    renameSync(making, skeletonOf(trashDir));
  } catch {
    for (const left of [making, dir]) rmSync(left, { recursive: true, force: true });
  }
}

/**
 * `makeSkeleton` in a detached process, so a command need not wait for tens of thousands of unlinks. The
 * process runs plain Node (no TypeScript loader), so its few lines are given here as they run.
 */
export function makeSkeletonInBackground(dir: string, trashDir: string): void {
  const script = [
    "const fs = require('node:fs'), path = require('node:path');",
    "const [dir, trash] = process.argv.slice(1), making = path.join(trash, `skeleton.${process.pid}`);",
    "try {",
    "  fs.renameSync(dir, making);",
    "  for (const e of fs.readdirSync(making, { recursive: true, withFileTypes: true })) if (!e.isDirectory()) fs.unlinkSync(path.join(e.parentPath, e.name));",
    "  fs.renameSync(making, path.join(trash, 'skeleton'));",
    "} catch {",
    "  for (const left of [making, dir]) fs.rmSync(left, { recursive: true, force: true });",
    "}",
  ].join("\n");
  spawnDetached(process.execPath, ["-e", script, dir, trashDir]);
}

/**
 * Removes the folders under `root` that hold no file, deepest first, given every entry under it (as
 * `readdirSync(root, { recursive: true, withFileTypes: true })` lists them). A staging folder started from a
 * skeleton keeps the folders of pages since removed; a build from an empty folder makes none that stay empty.
 */
export function pruneEmptyFolders(root: string, entries: readonly Dirent[]): void {
  const top = path.resolve(root);
  const children = new Map<string, number>();
  for (const entry of entries) {
    const parent = path.resolve(entry.parentPath);
    children.set(parent, (children.get(parent) ?? 0) + 1);
  }
  const empty = entries.map((e) => e.isDirectory() && path.resolve(e.parentPath, e.name)).filter((dir): dir is string => dir !== false && !children.has(dir));
  for (let dir = empty.pop(); dir !== undefined; dir = empty.pop()) {
    rmdirSync(dir);
    const parent = path.dirname(dir);
    const left = (children.get(parent) ?? 1) - 1;
    children.set(parent, left);
    if (left === 0 && parent !== top) empty.push(parent);
  }
}
