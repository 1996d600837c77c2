// Cache: what earlier builds computed, kept on disk so a rebuild redoes only what its inputs changed.
//
// Every entry is keyed by a content hash, and the whole cache by the code version (the hash of Duet's
// sources, templates and locked dependencies): a changed input misses, and a changed Duet starts
// over. Published files are reused by hard link from the last output, and only when the file there
// is still the one that build wrote (same inode, size and modification time, or for a copy, such as an
// output restored by CI, the same size and content hash); anything else is
// rendered again. So a cached build writes the same bytes as a clean one.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { warning } from "../diagnostics.ts";
import { toDisplay } from "../ingest/index.ts";
import type { SourceStamp } from "../ingest/reuse.ts";
import type { RenderedBody } from "../render/body.ts";
import type { PageStamp } from "../render/index.ts";
import type { SearchStamp, TextScan } from "../search/index.ts";
import type { OutputLook } from "../shared/output-look.ts";
import type { Diagnostic } from "../types.ts";
import { encodeCacheFile, readCacheFile, ReadBuffer, type CacheReader } from "./file.ts";
import { GroupedMemo, GROUPED, groupFile, groupedMemo } from "./grouped.ts";
import { Memo } from "./memo.ts";
import type { ReadAgain, StoredParse } from "./parsed.ts";

export { Memo } from "./memo.ts";
export { cachedBodies, deferredBodies } from "./bodies.ts";
export { parsedSources } from "./parsed.ts";
export { sourceReuse } from "./sources.ts";

/**
 * The cache's state file: what describes the last published output (its page and search-bundle stamps)
 * and the sources it was built from. Written whole, atomically, after every successful build.
 */
interface StoredState {
  version: string;
  /** The output directory the stamps describe. */
  out: string;
  sources: Map<string, SourceStamp>;
  pages: Map<string, PageStamp>;
  search?: SearchStamp[];
}

/**
 * One shard of a memo: the entries whose key starts with one hex digit. Entries are keyed by content,
 * so any shard is valid on its own; a rebuild after a small edit rewrites only the shards it changed
 * (their size on a large site: bench/RESULTS.md).
 */
interface StoredShard {
  version: string;
  entries: Map<string, unknown>;
}

/** A cache open for one build. */
export interface BuildCache {
  /** Directory the cache lives in. */
  dir: string;
  /** Hash of the code that produced the cached results. */
  version: string;
  /** The output directory whose files may be reused (absolute). */
  out: string;
  /** Parse results by source hash, most bodies left out (see parsed.ts). */
  parsed: Memo<StoredParse>;
  /** Sources this build read again for bodies their cached parse results left out. */
  readAgain: ReadAgain;
  /** Rendered bodies by body hash, grouped by the month of their article (`YYYY-MM`): a month's file is read on first use. */
  bodies: GroupedMemo<RenderedBody>;
  /** Bodies' leads by body hash: what every build needs of every body, without its HTML. */
  leads: Memo<string>;
  /** Search records (HTML for Pagefind) by the hash of the story fields they are made from, grouped by search shard (its folder). */
  records: GroupedMemo<string>;
  /** What each search shard's texts bring to the Traditional → Simplified table, by the hash of the texts. */
  scans: Memo<TextScan>;
  /** Article pages' related stories (URLs) by the hash of what decides them (see render/related.ts). */
  related: Memo<string[]>;
  /** Sources as the last build read them, by absolute path. */
  sources: ReadonlyMap<string, SourceStamp>;
  /** Published pages of the last build, by output path relative to `out`. */
  pages: ReadonlyMap<string, PageStamp>;
  /** The last build's search bundle, by shard. */
  search?: SearchStamp[];
  /** How the cache's files are read (those of grouped memos on demand). */
  reader: CacheReader;
  /** Filled in by this build, for the next. */
  next: { sources: Map<string, SourceStamp>; pages: Map<string, PageStamp>; search?: SearchStamp[] };
  /** The last output's stamped files as a worker thread looks at them (see cache/output.ts), and that worker, which links them. */
  look?: OutputLook;
  /** Cache files found damaged or unreadable on opening (each ignored and rebuilt), as warnings. */
  diagnostics: Diagnostic[];
  /** The same for the files read later, when the build first needs them (a search shard's records, a month's bodies). */
  later: Diagnostic[];
}

const STATE_FILE = "state.v8";
/** The memos, each kept in 16 shard files `<name>-<hex digit>.v8`. */
const MEMOS = ["parsed", "leads", "scans", "related"] as const;
const SHARDS = 16;
const shardOf = (key: string): number => parseInt(key[0]!, 16) % SHARDS || 0;

/**
 * The code version: a hash over Duet's sources, templates, Eleventy adapter and lock file. Any change
 * to how pages are made invalidates every cached result.
 */
export async function codeVersion(root: string): Promise<string> {
  const files: string[] = [];
  for (const dir of ["src", "templates"]) {
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
    for (const e of entries) if (e.isFile()) files.push(path.relative(root, path.join(e.parentPath, e.name)));
  }
  files.push(".eleventy.ts", "package-lock.json");
  files.sort();
  const hash = createHash("sha256").update(process.version);
  for (const file of files) hash.update(file).update("\0").update(await readFile(path.join(root, file)).catch(() => Buffer.alloc(0))).update("\0");
  return hash.digest("hex");
}

/**
 * Opens the cache in `dir` for a build writing to `out`. Missing or outdated files count as empty; a file
 * that cannot be read or fails its checksum counts as empty too, with a warning (display paths relative to `cwd`).
 */
export async function openCache(dir: string, root: string, out: string, cwd = process.cwd()): Promise<BuildCache> {
  const version = await codeVersion(root);
  const absoluteOut = path.resolve(out);
  const diagnostics: Diagnostic[] = [];
  const reader: CacheReader = { dir, version, cwd, buffer: new ReadBuffer() };
  const load = <T extends { version: string }>(file: string) => readCacheFile<T>(reader, file, diagnostics);
  const later: Diagnostic[] = [];
  const state = load<StoredState>(STATE_FILE);
  const memo = <T>(name: (typeof MEMOS)[number]): Memo<T> => {
    const entries = new Map<string, T>();
    // One file at a time: each is decoded out of the read buffer before the next is read into it.
    for (let i = 0; i < SHARDS; i++) {
      const shard = load<StoredShard>(`${name}-${i.toString(16)}.v8`);
      if (shard?.entries instanceof Map) for (const [key, value] of shard.entries) entries.set(key, value as T);
    }
    return new Memo(entries);
  };
  const sameOut = state?.out === absoluteOut && state.sources instanceof Map && state.pages instanceof Map;
  return {
    dir,
    version,
    out: absoluteOut,
    parsed: memo("parsed"),
    readAgain: { sources: 0 },
    bodies: groupedMemo("bodies", reader, later),
    leads: memo("leads"),
    records: groupedMemo("records", reader, later),
    reader,
    scans: memo("scans"),
    related: memo("related"),
    sources: state?.sources instanceof Map ? state.sources : new Map(),
    pages: sameOut ? state.pages : new Map(),
    search: sameOut ? state.search : undefined,
    next: { sources: new Map(), pages: new Map() },
    diagnostics,
    later,
  };
}

/**
 * Writes what this build used, for the next one: the memo shards that changed, then the state file.
 * Each file is replaced atomically, so a crash leaves every file either old or new, and each is valid
 * alone. Something in the way of a cache file (a folder in its place) is removed: the folder is Duet's own.
 */
export async function saveCache(cache: BuildCache): Promise<void> {
  await mkdir(cache.dir, { recursive: true });
  const write = async (file: string, value: unknown) => {
    const temp = path.join(cache.dir, `${file}.${process.pid}.tmp`);
    try {
      await writeFile(temp, encodeCacheFile(value));
      await rename(temp, path.join(cache.dir, file)).catch(async () => {
        await rm(path.join(cache.dir, file), { recursive: true, force: true });
        await rename(temp, path.join(cache.dir, file));
      });
    } finally {
      await rm(temp, { force: true });
    }
  };
  for (const name of MEMOS) {
    const memo: Memo<unknown> = cache[name];
    const changed = memo.changedShards(shardOf);
    if (changed.size === 0) continue;
    const shards = Array.from({ length: SHARDS }, () => new Map<string, unknown>());
    for (const [key, value] of memo.entries()) shards[shardOf(key)]!.set(key, value);
    for (const shard of changed) await write(`${name}-${shard.toString(16)}.v8`, { version: cache.version, entries: shards[shard]! } satisfies StoredShard);
  }
  for (const name of GROUPED) {
    const memo: GroupedMemo<unknown> = cache[name];
    const used = memo.used();
    for (const group of memo.changedGroups()) await write(groupFile(name, group), { version: cache.version, entries: used.get(group)! } satisfies StoredShard);
    const kept = memo.kept();
    if (!kept) continue;
    // Files of groups the site no longer has, and of older layouts (`bodies-0.v8`), go.
    const keep = new Set([...kept].map((group) => groupFile(name, group)));
    for (const file of await readdir(cache.dir)) if (file.startsWith(`${name}-`) && file.endsWith(".v8") && !keep.has(file)) await rm(path.join(cache.dir, file), { force: true });
  }
  const state: StoredState = {
    version: cache.version,
    out: cache.out,
    sources: cache.next.sources,
    pages: cache.next.pages,
    ...(cache.next.search ? { search: cache.next.search } : {}),
  };
  await write(STATE_FILE, state);
}

/**
 * Saves the cache of a build whose site is published. A cache that cannot be saved costs the next build
 * time, never this one: the failure is returned as a warning (its path relative to `cwd`), not thrown,
 * after the warnings about cache files read during the build (`later`).
 */
export async function saveCacheOrWarn(cache: BuildCache, cwd: string): Promise<Diagnostic[]> {
  try {
    await saveCache(cache);
    return [...cache.later];
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    const message = `the build cache could not be saved (${code}); the site was built, and the next build renders everything again`;
    return [...cache.later, warning(toDisplay(cache.dir, cwd), 1, "cache/unwritable", message)];
  }
}

/**
 * The cache of a finished build, opened again for the next build in the same process without reading
 * the disk: what the finished build used or made is what the next one may reuse.
 */
export function reopenCache(cache: BuildCache): BuildCache {
  const later: Diagnostic[] = [];
  return {
    dir: cache.dir,
    version: cache.version,
    out: cache.out,
    parsed: new Memo(cache.parsed.entries()),
    readAgain: { sources: 0 },
    bodies: groupedMemo("bodies", cache.reader, later, cache.bodies.used()),
    leads: new Memo(cache.leads.entries()),
    records: groupedMemo("records", cache.reader, later, cache.records.used()),
    reader: cache.reader,
    scans: new Memo(cache.scans.entries()),
    related: new Memo(cache.related.entries()),
    sources: cache.next.sources,
    pages: cache.next.pages,
    search: cache.next.search,
    next: { sources: new Map(), pages: new Map() },
    diagnostics: [],
    later,
  };
}

