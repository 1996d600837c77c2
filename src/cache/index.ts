// Cache: what earlier builds computed, kept on disk so a rebuild redoes only what its inputs changed.
//
// Every entry is keyed by a content hash, and the whole cache by the code version (the hash of Duet's
// sources, templates and locked dependencies): a changed input misses, and a changed Duet starts
// over. Published files are reused by hard link from the last output, and only when the file there
// is still the one that build wrote (same inode, size and modification time); anything else is
// rendered again. So a cached build writes the same bytes as a clean one.
import { createHash } from "node:crypto";
import { link, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { warning } from "../diagnostics.ts";
import { decodeCacheFile, encodeCacheFile } from "./file.ts";
import type { RenderedBody } from "../render/body.ts";
import type { ConversionTable } from "../search/convert.ts";
import type { Diagnostic, ParseResult, SourceFile } from "../types.ts";

/** Identity of a published file: a reused file must be exactly the one the last build wrote. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** A source file as the last build read it: its identity, its display path and kind, and its content key. */
export interface SourceStamp extends FileStamp {
  ctimeMs: number;
  path: string;
  kind: SourceFile["kind"];
  key: string;
}

/** A published page: the hash of everything it was rendered from, and the file it became. */
export interface PageStamp extends FileStamp {
  key: string;
}

/** A memo of one stage's results by content hash. Only entries used by a build are kept for the next. */
export class Memo<T> {
  readonly #previous: Map<string, T>;
  readonly #next = new Map<string, T>();
  readonly #missed = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(previous: Map<string, T> = new Map()) {
    this.#previous = previous;
  }

  /** The value for `key`, computing and remembering it on a miss. */
  get(key: string, compute: () => T): T {
    let value = this.#next.get(key) ?? this.#previous.get(key);
    if (value === undefined) {
      this.misses++;
      this.#missed.add(key);
      value = compute();
    } else {
      this.hits++;
    }
    this.#next.set(key, value);
    return value;
  }

  /** True when `key` has a value from the last build or this one. */
  has(key: string): boolean {
    return this.#next.has(key) || this.#previous.has(key);
  }

  /** Entries to keep for the next build. */
  entries(): Map<string, T> {
    return this.#next;
  }

  /**
   * The shards (by `shardOf(key)`) whose entries to keep differ from those loaded: a shard with a miss,
   * or with a loaded entry this build did not use. Only these need writing again.
   */
  changedShards(shardOf: (key: string) => number): Set<number> {
    const count = (keys: Iterable<string>) => {
      const counts = new Map<number, number>();
      for (const key of keys) counts.set(shardOf(key), (counts.get(shardOf(key)) ?? 0) + 1);
      return counts;
    };
    const before = count(this.#previous.keys());
    const after = count(this.#next.keys());
    const changed = new Set([...this.#missed].map(shardOf));
    for (const shard of new Set([...before.keys(), ...after.keys()])) if (before.get(shard) !== after.get(shard)) changed.add(shard);
    return changed;
  }
}

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
 * (at 10,000 stories the memos are about 280 MB, and writing them whole took over a second).
 */
interface StoredShard {
  version: string;
  entries: Map<string, unknown>;
}

/** One shard of the last search bundle: its folder, the hash of its records and its files (relative to the bundle). */
export interface SearchStamp {
  dir: string;
  key: string;
  files: Record<string, FileStamp>;
}

/** A cache open for one build. */
export interface BuildCache {
  /** Directory the cache lives in. */
  dir: string;
  /** Hash of the code that produced the cached results. */
  version: string;
  /** The output directory whose files may be reused (absolute). */
  out: string;
  /** Parse results by source hash. */
  parsed: Memo<ParseResult>;
  /** Rendered Markdown bodies by body hash. */
  bodies: Memo<RenderedBody>;
  /** Search records (HTML for Pagefind) by the hash of the story fields they are made from. */
  records: Memo<string>;
  /** Traditional → Simplified tables by the hash of the texts they were cut to. */
  tables: Memo<ConversionTable>;
  /** Sources as the last build read them, by absolute path. */
  sources: ReadonlyMap<string, SourceStamp>;
  /** Published pages of the last build, by output path relative to `out`. */
  pages: ReadonlyMap<string, PageStamp>;
  /** The last build's search bundle, by shard. */
  search?: SearchStamp[];
  /** Filled in by this build, for the next. */
  next: { sources: Map<string, SourceStamp>; pages: Map<string, PageStamp>; search?: SearchStamp[] };
  /** Cache files found damaged or unreadable on opening (each ignored and rebuilt), as warnings. */
  diagnostics: Diagnostic[];
}

const STATE_FILE = "state.v8";
/** The memos, each kept in 16 shard files `<name>-<hex digit>.v8`. */
const MEMOS = ["parsed", "bodies", "records", "tables"] as const;
const SHARDS = 16;
const shardOf = (key: string): number => parseInt(key[0]!, 16) % SHARDS || 0;

/** SHA-256 of the given parts, hex. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  return hashOfAll(parts);
}

/**
 * `hashOf` over any number of parts. A site's texts or records are hundreds of thousands of parts at
 * 100,000 stories, past what a spread call's arguments can hold (V8 throws near 200,000).
 */
export function hashOfAll(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** The content key of a source: everything its parse result depends on. */
export function sourceKey(source: Pick<SourceFile, "path" | "relPath" | "kind" | "text">): string {
  return hashOf(source.path, source.relPath, source.kind, source.text);
}

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
  const load = async <T extends { version: string }>(file: string): Promise<T | undefined> => {
    const display = path.relative(cwd, path.join(dir, file)).split(path.sep).join("/");
    const bytes = await readFile(path.join(dir, file)).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code !== "ENOENT" && cause.code !== "ENOTDIR") diagnostics.push(warning(display, 1, "cache/unreadable", `cache file cannot be read (${cause.code ?? cause.message}); it is ignored and rebuilt`));
      return undefined;
    });
    if (!bytes) return undefined;
    const decoded = decodeCacheFile(bytes);
    if ("damaged" in decoded) {
      diagnostics.push(warning(display, 1, "cache/damaged", `cache file is damaged: ${decoded.damaged}; it is ignored and rebuilt`));
      return undefined;
    }
    if ("stale" in decoded || !isVersioned(decoded.value) || decoded.value.version !== version) return undefined;
    return decoded.value as T;
  };
  const state = await load<StoredState>(STATE_FILE);
  const memo = async <T>(name: (typeof MEMOS)[number]): Promise<Memo<T>> => {
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, i) => load<StoredShard>(`${name}-${i.toString(16)}.v8`)));
    const entries = new Map<string, T>();
    for (const shard of shards) if (shard?.entries instanceof Map) for (const [key, value] of shard.entries) entries.set(key, value as T);
    return new Memo(entries);
  };
  const sameOut = state?.out === absoluteOut && state.sources instanceof Map && state.pages instanceof Map;
  return {
    dir,
    version,
    out: absoluteOut,
    parsed: await memo("parsed"),
    bodies: await memo("bodies"),
    records: await memo("records"),
    tables: await memo("tables"),
    sources: state?.sources instanceof Map ? state.sources : new Map(),
    pages: sameOut ? state.pages : new Map(),
    search: sameOut ? state.search : undefined,
    next: { sources: new Map(), pages: new Map() },
    diagnostics,
  };
}

/** True for a decoded cache file of the expected outer shape: an object carrying the code version it was made by. */
function isVersioned(value: unknown): value is { version: string } {
  return typeof value === "object" && value !== null && typeof (value as { version?: unknown }).version === "string";
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
 * The cache of a finished build, opened again for the next build in the same process without reading
 * the disk: what the finished build used or made is what the next one may reuse.
 */
export function reopenCache(cache: BuildCache): BuildCache {
  return {
    dir: cache.dir,
    version: cache.version,
    out: cache.out,
    parsed: new Memo(cache.parsed.entries()),
    bodies: new Memo(cache.bodies.entries()),
    records: new Memo(cache.records.entries()),
    tables: new Memo(cache.tables.entries()),
    sources: cache.next.sources,
    pages: cache.next.pages,
    search: cache.next.search,
    next: { sources: new Map(), pages: new Map() },
    diagnostics: [],
  };
}

/**
 * What ingest needs from the cache to skip reading unchanged sources: a file whose inode, size,
 * modification and change times, display path and kind are all as the last build saw them, and whose
 * parse result is still cached, is known by its content key. Every file read is remembered for the next build.
 */
export function sourceReuse(cache: BuildCache, untouched?: (abs: string) => boolean): SourceReuse {
  return {
    ...(untouched && {
      unseen(abs, display, kind) {
        const last = cache.sources.get(abs);
        if (!last || last.path !== display || last.kind !== kind || !untouched(abs) || !cache.parsed.has(last.key)) return undefined;
        cache.next.sources.set(abs, last);
        return last.key;
      },
    }),
    known(abs, seen) {
      const last = cache.sources.get(abs);
      const same =
        last !== undefined &&
        last.ino === seen.ino &&
        last.size === seen.size &&
        last.mtimeMs === seen.mtimeMs &&
        last.ctimeMs === seen.ctimeMs &&
        last.path === seen.path &&
        last.kind === seen.kind &&
        cache.parsed.has(last.key);
      return same ? last.key : undefined;
    },
    remember(abs, stamp) {
      cache.next.sources.set(abs, stamp);
    },
  };
}

/** Lets ingest skip reading sources unchanged since the last build (see `sourceReuse`). */
export interface SourceReuse {
  /**
   * The content key of the file at `abs` when it is known unchanged without looking at it (the dev
   * server's watcher reported no change to it since the last build, which read it), else undefined.
   */
  unseen?(abs: string, display: string, kind: SourceStamp["kind"]): string | undefined;
  /** The content key of the file at `abs` when it is unchanged since the last build, else undefined. */
  known(abs: string, seen: Omit<SourceStamp, "key">): string | undefined;
  /** Records what this build read (or skipped) at `abs`, for the next build. */
  remember(abs: string, stamp: SourceStamp): void;
}

/** The stamp of a file, or undefined when it is missing or not a regular file. */
export async function stampOf(file: string): Promise<FileStamp | undefined> {
  const s = await lstat(file).catch(() => undefined);
  return s?.isFile() ? { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs } : undefined;
}

/** True when `file` is still the file `stamp` describes. */
export async function unchanged(file: string, stamp: FileStamp): Promise<boolean> {
  const now = await stampOf(file);
  return now !== undefined && now.ino === stamp.ino && now.size === stamp.size && now.mtimeMs === stamp.mtimeMs;
}

/**
 * Hard-links each of `files` (paths relative to both directories) from `from` into `to`. Linking never
 * overwrites: a file already in `to` is an error, so a reused file can never be written through.
 */
export async function linkFiles(from: string, to: string, files: readonly string[], workers = 32): Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  await mapLimit(files, workers, async (file) => {
    const dir = path.dirname(path.join(to, file));
    if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
    await made.get(dir);
    await link(path.join(from, file), path.join(to, file));
  });
}

/** Maps `items` through `task` with at most `workers` running at once, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], workers: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async () => {
      while (next < items.length) {
        const at = next++;
        out[at] = await task(items[at]!);
      }
    }),
  );
  return out;
}
