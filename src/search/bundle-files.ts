// Pagefind's output made Duet's: shards sharing one WebAssembly file, results packed into few files,
// and the stamps a cached build reuses a shard by. Pagefind's files are parsed, not trusted.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { mapLimit } from "../shared/concurrency.ts";
import { lookedStamp, stampWithContent, stillStamped, type FileStamp } from "../shared/files.ts";
import { packedFileOf, PACKED_DIR, type PackedStory } from "./packed.ts";
import { isStoredVersion, type StoredResultVersion } from "./result-data.ts";

/**
 * Points a shard's entry file at the first shard's WebAssembly. Pagefind loads `wasm.<name>.pagefind`
 * next to the entry file, `<name>` being the entry's `wasm` field; a name that climbs out of the shard's
 * folder makes every shard load the one file (the browser resolves the dot segments), so a reader fetches
 * it once rather than once per shard.
 */
export async function shareWasm(dir: string, shardDir: string): Promise<void> {
  const file = path.join(dir, "pagefind-entry.json");
  const entry: unknown = JSON.parse(await readFile(file, "utf8"));
  if (!isPagefindEntry(entry)) throw new Error(`Pagefind wrote an entry file of an unknown shape: ${file}`);
  const up = "../".repeat(shardDir.split("/").filter(Boolean).length);
  for (const language of Object.values(entry.languages)) {
    const wasm = language.wasm ?? "unknown";
    language.wasm = `${wasm}/../${up}wasm.${wasm}`;
  }
  await writeFile(file, JSON.stringify(entry));
}

/** The files under `dir`, relative to `bundle`, sorted. */
export async function listBundleFiles(dir: string, bundle: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(bundle, path.join(e.parentPath, e.name)))
    .sort();
}

/** Stamps of `files` (relative to `bundle`), with their content's hash. */
export async function stampFiles(bundle: string, files: readonly string[]): Promise<Record<string, FileStamp>> {
  const stamps: Record<string, FileStamp> = {};
  for (const file of files) {
    const stamp = stampWithContent(path.join(bundle, file));
    if (stamp) stamps[file] = stamp;
  }
  return stamps;
}

/**
 * Moves the display data of every Pagefind fragment (gzip, `pagefind_dcd` then JSON) into packed
 * files keyed by record id, then removes the fragments. Ids are sorted, so the files are reproducible.
 */
export async function packFragments(bundle: string, count: number): Promise<void> {
  const dir = path.join(bundle, "fragment");
  const names = (await readdir(dir)).filter((name) => name.endsWith(".pf_fragment")).sort();
  const stories = await mapLimit(names, 16, async (name): Promise<[string, PackedStory]> => {
    const text = gunzipSync(await readFile(path.join(dir, name))).toString("utf8");
    const fragment: unknown = JSON.parse(text.replace(/^pagefind_dcd/, ""));
    if (!isFragment(fragment)) throw new Error(`Pagefind wrote a fragment of an unknown shape: ${name}`);
    const { meta } = fragment;
    const zh = meta.zh ? resultVersionOf(meta.zh, name) : undefined;
    const en = meta.en ? resultVersionOf(meta.en, name) : undefined;
    return [name.slice(0, -".pf_fragment".length), { date: meta.date ?? "", ...(zh ? { zh } : {}), ...(en ? { en } : {}) }];
  });
  const files = new Map<string, Record<string, PackedStory>>();
  for (const [id, story] of stories) {
    const file = packedFileOf(id, count);
    const entries = files.get(file) ?? {};
    entries[id] = story;
    files.set(file, entries);
  }
  await rm(path.join(bundle, PACKED_DIR), { recursive: true, force: true });
  await mkdir(path.join(bundle, PACKED_DIR), { recursive: true });
  await mapLimit([...files], 16, ([file, entries]) => writeFile(path.join(bundle, file), JSON.stringify(entries)));
  await rm(dir, { recursive: true });
}

/**
 * The stamps of `files` under `dir` (the last output's search bundle) now, when every one is still the file
 * stamped (see `stillStamped`); else undefined. `looked` holds the last output's files as already looked at
 * (see output-look.ts), the bundle's as `pagefind/<file>`.
 */
export function allStillStamped(dir: string, files: Record<string, FileStamp>, looked?: ReadonlyMap<string, FileStamp | undefined>): Record<string, FileStamp> | undefined {
  const now: Record<string, FileStamp> = {};
  for (const [file, stamp] of Object.entries(files)) {
    const still = stillStamped(path.join(dir, file), stamp, lookedStamp(looked, dir, file, path.join("pagefind", file)));
    if (!still) return undefined;
    now[file] = still;
  }
  return now;
}

/** Pagefind's entry file, as far as Duet reads it. */
interface PagefindEntry {
  languages: Record<string, { wasm?: string }>;
}

function isPagefindEntry(value: unknown): value is PagefindEntry {
  const languages = (value as { languages?: unknown } | null)?.languages;
  return typeof languages === "object" && languages !== null && Object.values(languages).every((l) => typeof l === "object" && l !== null);
}

/** A Pagefind fragment, as far as Duet reads it: the record's metadata. */
function isFragment(value: unknown): value is { meta: Record<string, string | undefined> } {
  const meta = (value as { meta?: unknown } | null)?.meta;
  return typeof meta === "object" && meta !== null && Object.values(meta).every((v) => typeof v === "string");
}

/** A result's display data from a record's metadata, checked. */
function resultVersionOf(json: string, fragment: string): StoredResultVersion {
  const value: unknown = JSON.parse(json);
  if (!isStoredVersion(value)) throw new Error(`Pagefind's fragment ${fragment} holds result data of an unknown shape`);
  return value;
}
