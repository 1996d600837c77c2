// Ingest: find article sources under a directory and decode them, rejecting what is not UTF-8 text.
import { lstat, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { error, warning } from "../diagnostics.ts";
import type { Diagnostic, SourceFile } from "../types.ts";
import { decodeSource } from "./decode.ts";

/** What ingest found: decoded sources and the problems met on the way. */
export interface IngestResult {
  /** Decoded sources, sorted by path so every run sees them in the same order. */
  sources: SourceFile[];
  /** Files that could not be read, decoded or classified. */
  diagnostics: Diagnostic[];
}

const MARKDOWN_RE = /\.md$/i;
const RAW_RE = /\.txt$/i;
/** Files that sit beside articles without being one. */
const IGNORED_RE = /^(?:\.|_|readme\.md$)/i;
/** How many files are read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 64;

/**
 * Reads every `.md` and `.txt` file under `articlesDir` (symbolic links are not followed).
 * `cwd` is the directory display paths are made relative to.
 */
export async function ingestArticles(articlesDir: string, cwd = process.cwd()): Promise<IngestResult> {
  const diagnostics: Diagnostic[] = [];
  const found = await listFiles(articlesDir, cwd, diagnostics);
  const sources: SourceFile[] = [];
  for (let i = 0; i < found.length; i += READ_CONCURRENCY) {
    const batch = found.slice(i, i + READ_CONCURRENCY);
    const decoded = await Promise.all(
      batch.map(async (file) => decodeSource(await readFile(file.abs), file.display, file.rel, file.kind)),
    );
    for (const result of decoded) {
      if ("source" in result) sources.push(result.source);
      else diagnostics.push(result.diagnostic);
    }
  }
  return { sources, diagnostics };
}

interface FoundFile {
  abs: string;
  rel: string;
  display: string;
  kind: SourceFile["kind"];
}

/** Walks the tree without following links and classifies each file by its extension. */
async function listFiles(root: string, cwd: string, diagnostics: Diagnostic[]): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const rootStat = await lstat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    diagnostics.push(error(toDisplay(root, cwd), 1, "ingest/no-articles", "the articles directory does not exist"));
    return found;
  }
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(root, abs).split(path.sep).join("/");
    if (rel.split("/").some((part) => IGNORED_RE.test(part))) continue;
    const display = toDisplay(abs, cwd);
    if (entry.isSymbolicLink()) {
      diagnostics.push(warning(display, 1, "ingest/symlink", "symbolic link not followed; copy the file into the articles directory instead"));
      continue;
    }
    if (!entry.isFile()) continue;
    if (MARKDOWN_RE.test(entry.name)) found.push({ abs, rel, display, kind: "markdown" });
    else if (RAW_RE.test(entry.name)) found.push({ abs, rel, display, kind: "raw" });
  }
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** A path relative to `cwd` with `/` separators, as diagnostics print it. */
export function toDisplay(abs: string, cwd: string): string {
  return path.relative(cwd, abs).split(path.sep).join("/") || ".";
}
