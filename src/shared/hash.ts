// Content hashes: what every cache key is made of.
import { createHash, hash } from "node:crypto";

/**
 * Longest text (in UTF-16 units) hashed in one call rather than fed part by part: a cached build makes
 * hundreds of thousands of keys of a few hundred characters, and for those one-shot `crypto.hash` costs a
 * third to a quarter of a `Hash` object's setup and updates (0.29 against 1.1 µs for two short parts).
 */
const ONE_SHOT_MAX = 1 << 20;

/** SHA-256 of the given parts, hex. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  return hashOfAll(parts);
}

/**
 * `hashOf` over any number of parts. A site's texts or records are hundreds of thousands of parts at
 * 100,000 stories, past what a spread call's arguments can hold (V8 throws near 200,000). The hash is of
 * each part's UTF-8 bytes followed by a zero byte, however it is computed.
 */
export function hashOfAll(parts: Iterable<string | Uint8Array>): string {
  const list = Array.isArray(parts) ? (parts as readonly (string | Uint8Array)[]) : [...parts];
  let text = "";
  for (const part of list) {
    // A zero byte between parts: no surrogate pair can form across a boundary, so the joined text's
    // UTF-8 is the parts' UTF-8, one after another.
    if (typeof part !== "string" || text.length + part.length > ONE_SHOT_MAX) return streamed(list);
    text += `${part}\0`;
  }
  return hash("sha256", text, "hex");
}

/** `hashOfAll` through a `Hash` object, for binary parts and long texts. */
function streamed(parts: readonly (string | Uint8Array)[]): string {
  const digest = createHash("sha256");
  for (const part of parts) digest.update(part).update("\0");
  return digest.digest("hex");
}
