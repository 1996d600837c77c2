// Packed results: the display data of every story in a few hundred files instead of one per story.
// Shared by the build and the search page's script (keep it free of Node imports).
import type { ResultVersion } from "./records.ts";

/** One story in a packed file: what a result shows, by language. */
export interface PackedStory {
  /** ISO date with offset. */
  date: string;
  zh?: ResultVersion;
  en?: ResultVersion;
}

/** Folder inside the search bundle holding the packed result files. */
export const PACKED_DIR = "duet-results";

/** The packed file (inside the bundle) holding the record `id` (Pagefind's, such as `en_3fa9c01`), of `files` files. */
export function packedFileOf(id: string, files: number): string {
  const hash = id.slice(id.lastIndexOf("_") + 1, id.lastIndexOf("_") + 8);
  return `${PACKED_DIR}/${(parseInt(hash, 16) % files || 0).toString(36)}.json`;
}
