// Cache files: a V8-serialised value behind a magic tag and the SHA-256 of its bytes, so damage is seen, never trusted.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { deserialize, serialize } from "node:v8";

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
