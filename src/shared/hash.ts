// Content hashes: what every cache key is made of.
import { createHash } from "node:crypto";

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
