// Cache files: a V8-serialised value behind a magic tag and the SHA-256 of its bytes, so damage is seen, never trusted.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { warning } from "../diagnostics.ts";
import { toDisplay } from "../ingest/index.ts";
import type { Diagnostic } from "../types.ts";

/** Tag of a checksummed cache file; a file without it is from an older Duet and simply not used. */
const MAGIC = Buffer.from("DUETCAC1");
const HASH_BYTES = 32;

/** A cache file's bytes for `value`. */
export function encodeCacheFile(value: unknown): Buffer {
  const payload = serialize(value);
  return Buffer.concat([MAGIC, createHash("sha256").update(payload).digest(), payload]);
}

/** What a cache file held: its value, nothing usable (`stale`: an older format), or why it is damaged. */
export type DecodedCacheFile = { value: unknown } | { stale: true } | { damaged: string };

/**
 * One buffer for reading cache files one after another. A large cache is hundreds of megabytes of files,
 * and memory touched for the first time is slow to come by (about 3 ms a megabyte on the machines
 * bench/RESULTS.md measures): read into one buffer, decoded before the next file is read, it is touched
 * once. Safe because a decoded value never points into the bytes: the cache holds plain data, no typed
 * arrays (which `v8.deserialize` would return as views of the buffer).
 */
export class ReadBuffer {
  #bytes = Buffer.alloc(0);

  /** The bytes of `file`, valid until the next read. Throws as `readFile` does. */
  read(file: string): Buffer {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (this.#bytes.length < size) this.#bytes = Buffer.allocUnsafe(Math.max(size, 2 * this.#bytes.length));
      let at = 0;
      for (let n = -1; at < size && n !== 0; at += n) n = readSync(fd, this.#bytes, at, size - at, at);
      return this.#bytes.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  }
}

/** Checks and decodes a cache file's bytes. */
export function decodeCacheFile(bytes: Buffer): DecodedCacheFile {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { stale: true };
  const start = MAGIC.length + HASH_BYTES;
  if (bytes.length < start) return { damaged: "it is cut short" };
  const payload = bytes.subarray(start);
  if (!createHash("sha256").update(payload).digest().equals(bytes.subarray(MAGIC.length, start))) return { damaged: "its checksum does not match its content" };
  try {
    return { value: deserialize(payload) };
  } catch (cause) {
    return { damaged: `it cannot be decoded (${(cause as Error).message})` };
  }
}

/** Where and how a cache's files are read: its folder, the code version its files must carry, the folder paths are shown from, one read buffer. */
export interface CacheReader {
  dir: string;
  version: string;
  cwd: string;
  buffer: ReadBuffer;
}

/**
 * The value of the cache file `file`, or undefined when it is missing, from another code version or
 * unusable; one that cannot be read or fails its checksum is also a warning in `diagnostics`.
 */
export function readCacheFile<T extends { version: string }>({ dir, version, cwd, buffer }: CacheReader, file: string, diagnostics: Diagnostic[]): T | undefined {
  const display = toDisplay(path.join(dir, file), cwd);
  let bytes: Buffer;
  try {
    bytes = buffer.read(path.join(dir, file));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") diagnostics.push(warning(display, 1, "cache/unreadable", `cache file cannot be read (${code ?? (cause as Error).message}); it is ignored and rebuilt`));
    return undefined;
  }
  const decoded = decodeCacheFile(bytes);
  if ("damaged" in decoded) {
    diagnostics.push(warning(display, 1, "cache/damaged", `cache file is damaged: ${decoded.damaged}; it is ignored and rebuilt`));
    return undefined;
  }
  if ("stale" in decoded || !isVersioned(decoded.value) || decoded.value.version !== version) return undefined;
  return decoded.value as T;
}

/** True for a decoded cache file of the expected outer shape: an object carrying the code version it was made by. */
function isVersioned(value: unknown): value is { version: string } {
  return typeof value === "object" && value !== null && typeof (value as { version?: unknown }).version === "string";
}
