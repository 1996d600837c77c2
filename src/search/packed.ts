// Packed results: the display data of every story in a few hundred files instead of one per story.
// Shared by the build and the search page's script (keep it free of Node imports).
import { isStoredVersion, type StoredResultVersion } from "./result-data.ts";

/** One story in a packed file: what a result shows, by language, stored as records store it. */
export interface PackedStory {
  /** ISO date with offset. */
  date: string;
  zh?: StoredResultVersion;
  en?: StoredResultVersion;
}

/** A packed file: record id → story. */
export type PackedFile = Record<string, PackedStory>;

/** Folder inside the bundle holding the packed result files. */
export const PACKED_DIR = "duet-results";

/** The packed file (inside the bundle) holding the record `id` (Pagefind's, such as `en_3fa9c01`), of `files` files. */
export function packedFileOf(id: string, files: number): string {
  const hash = id.slice(id.lastIndexOf("_") + 1, id.lastIndexOf("_") + 8);
  return `${PACKED_DIR}/${(parseInt(hash, 16) % files || 0).toString(36)}.json`;
}

/** True for a value of the packed-file shape: every entry a story with a date and checked versions. */
export function isPackedFile(value: unknown): value is PackedFile {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(isPackedStory);
}

function isPackedStory(value: unknown): value is PackedStory {
  if (typeof value !== "object" || value === null) return false;
  const { date, zh, en } = value as Record<string, unknown>;
  return typeof date === "string" && (zh === undefined || isStoredVersion(zh)) && (en === undefined || isStoredVersion(en));
}
