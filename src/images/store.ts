// Where renditions live: the build cache's `images/` folder with a manifest of each photo's renditions, or a temp folder.
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileStamp } from "../shared/files.ts";
import type { EncodedRendition, Rendition } from "./render.ts";

/** The manifest's name inside the renditions folder. */
const MANIFEST = "manifest.json";
/** Bumped when the manifest's shape changes: an older one is read as empty. */
const MANIFEST_VERSION = 1;

/** A folder of renditions and what it is known to hold. */
export interface RenditionStore {
  /** The folder (absolute). */
  dir: string;
  /** True for a temp folder, removed by `disposeImages`; false for the build cache's. */
  temporary: boolean;
  /** Each photo's renditions by photo key, as the manifest lists them. */
  known: Map<string, Rendition[]>;
  /**
   * Each photo file last read (real path) with its stamp and key: a file whose stamp is unchanged is not
   * read and hashed again (a newsroom's archive holds thousands of photos, most never touched again).
   */
  files: Map<string, FileStamp & { key: string }>;
  /** True when `known` gained entries to save. */
  changed: boolean;
}

/** Opens the renditions folder: `<cacheDir>/images/` with its manifest, or a fresh temp folder without a cache. */
export async function openStore(cacheDir: string | undefined): Promise<RenditionStore> {
  const temporary = async () => ({ dir: await mkdtemp(path.join(tmpdir(), "duet-images-")), temporary: true, known: new Map(), files: new Map(), changed: false });
  if (cacheDir === undefined) return temporary();
  const dir = path.join(cacheDir, "images");
  // A cache that cannot be written is the cache's problem (it warns when saving): the photos are made in a temp folder.
  if (!(await mkdir(dir, { recursive: true }).then(() => true, () => false))) return temporary();
  const text = await readFile(path.join(dir, MANIFEST), "utf8").catch(() => "");
  return { dir, temporary: false, ...parseManifest(text), changed: false };
}

/** The renditions of a photo the store already holds (every file present with its size), or undefined. */
export async function storedRenditions(store: RenditionStore, key: string): Promise<Rendition[] | undefined> {
  const listed = store.known.get(key);
  if (!listed) return undefined;
  const sizes = await Promise.all(listed.map((r) => stat(path.join(store.dir, r.name)).then((s) => s.size, () => -1)));
  return sizes.every((size, i) => size === listed[i]!.size) ? listed : undefined;
}

/** Writes a photo's renditions into the store, each atomically (a crash never leaves half a file under a real name). */
export async function storeRenditions(store: RenditionStore, key: string, encoded: readonly EncodedRendition[]): Promise<Rendition[]> {
  for (const r of encoded) await writeAtomically(path.join(store.dir, r.name), r.bytes);
  const renditions = encoded.map(({ bytes: _bytes, ...r }) => r);
  store.known.set(key, renditions);
  store.changed = true;
  return renditions;
}

/**
 * Forgets the photos this build did not use, and removes their renditions: a photo replaced or dropped
 * leaves nothing behind in the cache. `keys` are the photos used, `files` the photo files read or trusted.
 */
export async function pruneStore(store: RenditionStore, used: { keys: ReadonlySet<string>; files: ReadonlySet<string> }): Promise<void> {
  if (store.temporary) return;
  const gone = [...store.known.keys()].filter((key) => !used.keys.has(key));
  for (const key of gone) {
    for (const r of store.known.get(key)!) await rm(path.join(store.dir, r.name), { force: true });
    store.known.delete(key);
  }
  const forgotten = [...store.files.keys()].filter((file) => !used.files.has(file));
  for (const file of forgotten) store.files.delete(file);
  if (gone.length > 0 || forgotten.length > 0) store.changed = true;
}

/** Saves the manifest when it changed (a temp store keeps none); entries sorted, so equal content gives equal bytes. */
export async function saveStore(store: RenditionStore): Promise<void> {
  if (store.temporary || !store.changed) return;
  const sorted = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeAtomically(path.join(store.dir, MANIFEST), JSON.stringify({ version: MANIFEST_VERSION, entries: sorted(store.known), files: sorted(store.files) }));
}

/** Writes `file` through a temp name and a rename. */
async function writeAtomically(file: string, bytes: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** The manifest's entries and files; anything unreadable or of another version counts as empty (the photos are read and encoded again). */
function parseManifest(text: string): Pick<RenditionStore, "known" | "files"> {
  try {
    const data = JSON.parse(text) as { version?: unknown; entries?: Record<string, unknown>; files?: Record<string, unknown> };
    if (data.version !== MANIFEST_VERSION || typeof data.entries !== "object" || data.entries === null) return { known: new Map(), files: new Map() };
    const known = new Map(Object.entries(data.entries).filter((e): e is [string, Rendition[]] => Array.isArray(e[1]) && e[1].every(isRendition)));
    const files = new Map(Object.entries(data.files ?? {}).filter((e): e is [string, FileStamp & { key: string }] => isFileEntry(e[1])));
    return { known, files };
  } catch {
    return { known: new Map(), files: new Map() };
  }
}

/** True for a well-formed file entry: a stamp and a photo key. */
function isFileEntry(value: unknown): value is FileStamp & { key: string } {
  const f = value as Partial<FileStamp & { key: string }>;
  return typeof f === "object" && f !== null && typeof f.key === "string" && typeof f.ino === "number" && typeof f.size === "number" && typeof f.mtimeMs === "number";
}

/** True for a well-formed rendition whose name is a plain file name. */
function isRendition(value: unknown): value is Rendition {
  const r = value as Partial<Rendition>;
  return (
    typeof r === "object" && r !== null && typeof r.format === "string" && typeof r.name === "string" && /^[0-9a-f]+-\d+\.[a-z]+$/.test(r.name) &&
    typeof r.width === "number" && typeof r.height === "number" && typeof r.size === "number"
  );
}
