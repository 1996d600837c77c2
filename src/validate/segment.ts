// URL path segments that fit every file system: limited in UTF-8 bytes, shortened with a stable hash.
import { createHash } from "node:crypto";

/**
 * Most UTF-8 bytes in one path segment Duet writes (a slug, a keyword page's folder). File systems allow
 * 255 bytes a name, eCryptfs 143; 140 leaves room for both, and is 46 Chinese characters or any English
 * slug under the 120-character limit.
 */
export const MAX_SEGMENT_BYTES = 140;
/** Hex digits of the hash a shortened segment ends with. */
const HASH_LENGTH = 8;
/**
 * Windows device names: a folder named `CON` or `com1.txt` cannot be created or read there, whatever the
 * case and extension (https://learn.microsoft.com/windows/win32/fileio/naming-a-file). `¹²³` count as digits.
 */
export const DEVICE_NAME_RE = /^(?:con|prn|aux|nul|com[1-9\u00B9\u00B2\u00B3]|lpt[1-9\u00B9\u00B2\u00B3])(?:\..*)?$/iu;

/** The first `HASH_LENGTH` hex digits of the SHA-256 of `text`: the same text, the same suffix, on every run. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);
}

/** Byte length of `text` in UTF-8. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * `segment` when it fits in `maxBytes` of UTF-8; else as many whole characters of it as fit before
 * "-" and the hash of the whole, so two long segments sharing a beginning still differ.
 */
export function fitSegment(segment: string, maxBytes = MAX_SEGMENT_BYTES): string {
  if (utf8Length(segment) <= maxBytes) return segment;
  const budget = maxBytes - HASH_LENGTH - 1;
  let cut = "";
  let bytes = 0;
  for (const char of segment) {
    bytes += utf8Length(char);
    if (bytes > budget) break;
    cut += char;
  }
  return `${cut.replace(/[-_]+$/, "")}-${shortHash(segment)}`;
}
