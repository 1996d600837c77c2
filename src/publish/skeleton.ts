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
//
// Beside the skeleton, `skeleton.json` lists its folders (the maker walks them anyway): with it, the build
// that starts from the skeleton knows where empty folders may be left without walking its whole output
// (see publish/measure.ts).
import { isRunning, spawnDetached } from "../children.ts";
import * as fs from "node:fs";
import path from "node:path";

/** The name of a ready skeleton inside the trash folder. */
const SKELETON = "skeleton";
/** A skeleton being made by process `<pid>` (`skeleton.<pid>`), or the list of its folders (`skeleton.<pid>.json`). */
const MAKING = /^skeleton\.(\d+)(?:\.json)?$/;

/** Where a ready skeleton waits in `trashDir`, for the next build's staging folder. */
export function skeletonOf(trashDir: string): string {
  return path.join(trashDir, SKELETON);
}

/** True for the names a trash folder holds once a replaced output has become the ready skeleton: the skeleton and its list. */
export function isReadySkeleton(name: string): boolean {
  return name === SKELETON || name === listOf(SKELETON);
}

/** The list of a skeleton's folders, beside it. */
function listOf(skeleton: string): string {
  return `${skeleton}.json`;
}

/**
 * True for the names in a trash folder that emptying it leaves alone: the ready skeleton and its list, and
 * one that a running process is still making (one whose process died is removed with the rest).
 */
export function keptInTrash(name: string): boolean {
  const making = MAKING.exec(name);
  return isReadySkeleton(name) || (making !== null && isRunning(Number(making[1])));
}

/** What `skeleton.json` holds: the skeleton folder's inode and top-level folders (to tell it is the one listed), and all its folders. */
interface FolderList {
  ino: number;
  folders: string[];
}

/**
 * Turns a replaced output in `trashDir` into the ready skeleton: renamed for this process, emptied of every
 * file, then named `skeleton`, its folders listed in `skeleton.json`. Should any step fail (another skeleton
 * is already waiting, the folder was handed to another process), the folder is removed instead. Never
 * throws. It takes the modules it uses as parameters and names nothing outside it, so that the same
 * function runs as a detached process's script (`makeSkeletonInBackground`).
 */
function makeSkeletonWith(files: typeof fs, paths: typeof path, dir: string, trashDir: string): void {
  const making = paths.join(trashDir, `skeleton.${process.pid}`);
  const list = `${making}.json`;
  try {
    files.renameSync(dir, making);
    const folders: string[] = [];
    for (const entry of files.readdirSync(making, { recursive: true, withFileTypes: true })) {
      const full = paths.join(entry.parentPath, entry.name);
      if (entry.isDirectory()) folders.push(paths.relative(making, full).split(paths.sep).join("/"));
      else files.unlinkSync(full);
    }
    files.writeFileSync(list, JSON.stringify({ ino: files.lstatSync(making).ino, folders }));
    // Named after the folder: a build that takes the folder before its list is named finds no list, and walks.
    files.renameSync(making, paths.join(trashDir, "skeleton"));
    files.renameSync(list, paths.join(trashDir, "skeleton.json"));
  } catch {
    for (const left of [making, dir, list]) files.rmSync(left, { recursive: true, force: true });
  }
}

/** `makeSkeletonWith` in this process. */
export function makeSkeleton(dir: string, trashDir: string): void {
  makeSkeletonWith(fs, path, dir, trashDir);
}

/** `makeSkeleton` in a detached process, so a command need not wait for tens of thousands of unlinks. The process runs plain Node: the function's own text is its script. */
export function makeSkeletonInBackground(dir: string, trashDir: string): void {
  const script = `(${makeSkeletonWith.toString()})(require("node:fs"), require("node:path"), ...process.argv.slice(1));`;
  spawnDetached(process.execPath, ["-e", script, dir, trashDir]);
}

/**
 * Takes the list of the folders of `skeleton` out of the trash before the skeleton is moved: a list
 * describes its skeleton once, and is removed however it reads. The function returned tells the folders it
 * lists when the folder now at `moved` is the one listed (same inode, same top-level folders), else undefined.
 */
export function takeFolderList(skeleton: string): (moved: string) => readonly string[] | undefined {
  let text: string | undefined;
  try {
    text = fs.readFileSync(listOf(skeleton), "utf8");
    fs.rmSync(listOf(skeleton), { force: true });
  } catch {
    text = undefined;
  }
  const listed = text === undefined ? undefined : readFolderList(text);
  return (moved) => {
    if (!listed) return undefined;
    try {
      const top = fs.readdirSync(moved).sort();
      const topListed = listed.folders.filter((f) => !f.includes("/")).sort();
      return fs.lstatSync(moved).ino === listed.ino && top.join("\n") === topListed.join("\n") ? listed.folders : undefined;
    } catch {
      return undefined;
    }
  };
}

/** A list's content, or undefined when it is not one (a damaged file is never trusted). */
function readFolderList(text: string): FolderList | undefined {
  try {
    const value = JSON.parse(text) as Partial<FolderList>;
    const valid = typeof value.ino === "number" && Array.isArray(value.folders) && value.folders.every((f) => typeof f === "string");
    return valid ? (value as FolderList) : undefined;
  } catch {
    return undefined;
  }
}
