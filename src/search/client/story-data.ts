// What a result shows, loaded when its page of results is drawn: from the shard's packed file when it has
// them, else from Pagefind's fragment. Both are parsed and checked, never cast.
import { fromStoredVersion, type ResultVersion } from "../result-data.ts";
import { isPackedFile, packedFileOf, type PackedFile } from "../packed.ts";
import type { SearchShard } from "../../shared/search-layout.ts";
import { fetchJson, parseJson } from "./json.ts";
import { idOf, type ShardResult } from "./shards.ts";

/** One story found. */
export interface StoryResult {
  /** The record's id: its shard and Pagefind's id within it. */
  id: string;
  /** Relevance score. */
  score: number;
  /** The versions the story has (at least one). */
  zh?: ResultVersion;
  en?: ResultVersion;
  /** ISO date with offset. */
  date: string;
}

/** A loader of stories' display data from the bundle at `bundle`; each packed file is fetched once and shared. */
export function createStoryLoader(bundle: string): (found: ShardResult) => Promise<StoryResult> {
  const files = new Map<string, Promise<PackedFile>>();
  const packedFile = (file: string): Promise<PackedFile> => {
    const known = files.get(file);
    if (known) return known;
    const loading = fetchJson(`${bundle}${file}`).then((value) => {
      if (!isPackedFile(value)) throw new Error(`${file} is not a packed result file`);
      return value;
    });
    // A failed fetch (offline, say) is not remembered: the next search tries again.
    loading.catch(() => files.delete(file));
    files.set(file, loading);
    return loading;
  };
  return async ({ shard, spec, result }) => {
    const stored = spec.packed > 0 ? await packedStory(packedFile, spec, result.id) : fragmentStory((await result.data()).meta, result.id);
    const zh = versionOf(stored.zh, result.id);
    const en = versionOf(stored.en, result.id);
    if (!zh && !en) throw new Error(`search record ${result.id} has no version to show`);
    return { id: idOf({ shard, result }), score: result.score, ...(zh ? { zh } : {}), ...(en ? { en } : {}), date: stored.date };
  };
}

/** A story's stored data, from either source: each version unchecked until `versionOf`. */
interface StoredStory {
  date: string;
  zh?: unknown;
  en?: unknown;
}

async function packedStory(packedFile: (file: string) => Promise<PackedFile>, spec: SearchShard, id: string): Promise<StoredStory> {
  const file = `${spec.dir}${packedFileOf(id, spec.packed)}`;
  const story = (await packedFile(file))[id];
  if (!story) throw new Error(`${id} is not in ${file}`);
  return story;
}

/** A story from a fragment's metadata, where each version is a JSON string (see records.ts). */
function fragmentStory(meta: Record<string, string | undefined>, id: string): StoredStory {
  const parse = (json: string | undefined) => (json === undefined ? undefined : parseJson(json, `search record ${id}'s display data`));
  return { date: meta.date ?? "", zh: parse(meta.zh), en: parse(meta.en) };
}

/** The version a stored value holds: undefined when absent, an error when present but of an unknown shape. */
function versionOf(value: unknown, id: string): ResultVersion | undefined {
  if (value === undefined) return undefined;
  const version = fromStoredVersion(value);
  if (!version) throw new Error(`search record ${id} holds display data of an unknown shape`);
  return version;
}
