// Ingest: find article sources under a directory and decode them, rejecting what is not UTF-8 text.
import { lstatSync } from "node:fs";
import { lstat, open, readdir, readlink, stat } from "node:fs/promises";
import path from "node:path";
import { error, warning } from "../diagnostics.ts";
import type { Diagnostic, SourceFile } from "../types.ts";
import { decodeSource, MAX_SOURCE_BYTES } from "./decode.ts";
import { sourceKey, type FoundSource, type SourceLook, type SourceReuse } from "./reuse.ts";
import type { DecodeResult } from "./decode.ts";

/** What ingest found: decoded sources and the problems met on the way. */
export interface IngestResult {
  /** Decoded sources, sorted by path so every run sees them in the same order. */
  sources: SourceFile[];
  /** Files that could not be read, decoded or classified. */
  diagnostics: Diagnostic[];
}

/** Sources by extension; whitespace after it (`story.en.md `, easy to type, hard to see) is allowed. */
const MARKDOWN_RE = /\.md\s*$/i;
const RAW_RE = /\.txt\s*$/i;
/**
 * A name Node could not decode holds U+FFFD; control characters would break one-line diagnostics.
 * Either way the file cannot be named safely in a URL or a report.
 */
const BAD_NAME_RE = /[\uFFFD\u0000-\u001F\u007F-\u009F]/;
/**
 * Names that sit beside articles without being one, skipped without a word: dot-files and dot-folders
 * (editor swap files, `.git`, `.DS_Store`), names starting with `_` (drafts, notes) and a README.
 */
const IGNORED_RE = /^(?:\.|_|readme\.md$)/i;
/** How many files are read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 64;

/**
 * Reads every `.md` and `.txt` file under `articlesDir` (symbolic links are not followed).
 * `cwd` is the directory display paths are made relative to.
 */
export async function ingestArticles(articlesDir: string, cwd = process.cwd(), reuse?: SourceReuse): Promise<IngestResult> {
  const diagnostics: Diagnostic[] = [];
  const found = await findSources(articlesDir, cwd, diagnostics);
  const sources: SourceFile[] = [];
  for (let i = 0; i < found.length; i += READ_CONCURRENCY) {
    const batch = found.slice(i, i + READ_CONCURRENCY);
    const decoded = await Promise.all(batch.map((file) => (reuse ? readKnownSource(file, reuse) : readSource(file))));
    for (const result of decoded) {
      if ("source" in result) sources.push(result.source);
      else diagnostics.push(result.diagnostic);
    }
  }
  return { sources, diagnostics };
}

/** Reads and decodes one file; a file that cannot be read is a diagnostic, never a crash. */
async function readSource(file: FoundFile): Promise<DecodeResult> {
  const read = await readSourceBytes(file.abs, file.display);
  return "diagnostic" in read ? read : decodeSource(read.bytes, file.display, file.rel, file.kind);
}

/**
 * Reads a source's bytes, its size checked first: a file over `MAX_SOURCE_BYTES` is an `ingest/too-large`
 * error without a byte of it read (reading a huge file whole only to refuse it would hold it all in memory), and one that cannot
 * be read is `ingest/unreadable`. `display` names the file in diagnostics.
 */
export async function readSourceBytes(abs: string, display: string): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  let handle;
  try {
    handle = await open(abs, "r");
    const { size } = await handle.stat();
    if (size > MAX_SOURCE_BYTES) {
      return { diagnostic: error(display, 1, "ingest/too-large", `file is ${size} bytes; sources are limited to ${MAX_SOURCE_BYTES} bytes`) };
    }
    return { bytes: await handle.readFile() };
  } catch (cause) {
    const why = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    return { diagnostic: error(display, 1, "ingest/unreadable", `file cannot be read (${why})`) };
  } finally {
    await handle?.close();
  }
}

/**
 * With a build cache: a file unchanged since the last build is not read (its parse result is cached);
 * any other file is read, and given its content key. Either way the cache remembers what was seen.
 */
async function readKnownSource(file: FoundFile, reuse: SourceReuse): Promise<DecodeResult> {
  // Stat before reading: a file changed in between is stamped older than its text, so it is read again next time.
  // A synchronous lstat: ingest looks at tens of thousands of sources, and through the thread pool each look
  // costs about four times as much (see shared/files.ts).
  let looked: ReturnType<SourceLook> | undefined;
  const look: SourceLook = () => (looked ??= Promise.resolve(stampSource(file)));
  const key = await reuse.known(file, look);
  if (key) return { source: { path: file.display, relPath: file.rel, text: "", kind: file.kind, key, abs: file.abs } };
  const seen = await look();
  const result = await readSource(file);
  if ("source" in result && seen) {
    const read = { ...result.source, key: sourceKey(result.source), abs: file.abs };
    reuse.remember(file.abs, { ...seen, key: read.key });
    return { source: read };
  }
  return result;
}

/** What the cache compares a source by, or undefined when it cannot be looked at. */
function stampSource(file: FoundFile) {
  try {
    const stat = lstatSync(file.abs);
    return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, path: file.display, kind: file.kind };
  } catch {
    return undefined;
  }
}

interface FoundFile extends FoundSource {
  rel: string;
}

/**
 * Walks the tree and classifies each file by its extension. The articles folder itself may be a symbolic
 * link (the user pointed at it); links inside it are not followed, whatever they point at.
 */
async function findSources(root: string, cwd: string, diagnostics: Diagnostic[]): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const missing = await whyNotAFolder(root);
  if (missing) {
    diagnostics.push(error(toDisplay(root, cwd), 1, "ingest/no-articles", missing));
    return found;
  }
  // One directory at a time (not `recursive: true`), so a badly named folder is reported, not descended into.
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const entries = await readdir(dir, { withFileTypes: true }).catch((cause: NodeJS.ErrnoException) => cause);
    if (entries instanceof Error) {
      diagnostics.push(error(toDisplay(dir, cwd), 1, "ingest/unreadable", `folder cannot be read (${entries.code ?? entries.message})`));
      continue;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const rel = path.relative(root, abs).split(path.sep).join("/");
      if (IGNORED_RE.test(entry.name)) continue;
      const display = toDisplay(abs, cwd);
      if (entry.isSymbolicLink()) {
        diagnostics.push(warning(display, 1, "ingest/symlink", "symbolic link not followed; copy the file into the articles directory instead"));
        continue;
      }
      const kind = entry.isDirectory() ? "dir" : !entry.isFile() ? undefined : MARKDOWN_RE.test(entry.name) ? "markdown" : RAW_RE.test(entry.name) ? "raw" : undefined;
      if (!kind) continue;
      if (BAD_NAME_RE.test(entry.name)) {
        const what = kind === "dir" ? "folder" : "file";
        diagnostics.push(error(display, 1, "ingest/bad-name", `${what} name is not valid UTF-8 or holds control characters; rename it`));
      } else if (kind === "dir") pending.push(abs);
      else found.push({ abs, rel, display, kind });
    }
  }
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** Why `root` cannot be read as the articles folder, or undefined when it can (a link to a folder can). */
async function whyNotAFolder(root: string): Promise<string | undefined> {
  const target = await stat(root).catch((cause: NodeJS.ErrnoException) => cause);
  if (!(target instanceof Error)) return target.isDirectory() ? undefined : "the articles directory is a file, not a folder";
  const link = await lstat(root).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    const to = await readlink(root).catch(() => "?");
    return `the articles directory is a symbolic link to "${to}", which does not exist (${target.code ?? target.message})`;
  }
  return target.code === "ENOENT" ? "the articles directory does not exist" : `the articles directory cannot be read (${target.code ?? target.message})`;
}

/** A path relative to `cwd` with `/` separators, as diagnostics print it. */
export function toDisplay(abs: string, cwd: string): string {
  return path.relative(cwd, abs).split(path.sep).join("/") || ".";
}
