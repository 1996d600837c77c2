// Test helpers for built sites: read a whole output tree, make scratch directories.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Every file under `dir` as `relative path → sha256`, sorted by path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  const result: Record<string, string> = {};
  for (const file of files.sort()) {
    result[file.split(path.sep).join("/")] = createHash("sha256").update(await readFile(path.join(dir, file))).digest("hex");
  }
  return result;
}

/** A fresh empty directory under the system temp directory. */
export function scratch(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `duet-${prefix}-`));
}

/** Reads a built file as text. */
export function readOut(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), "utf8");
}
