// Cache files: a V8-serialised value behind a magic tag and the SHA-256 of its bytes, so damage is seen, never trusted.
import { createHash } from "node:crypto";
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
