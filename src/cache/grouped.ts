// Grouped memos: results kept in one file per group (the search records of one index shard, the bodies
// of one month), each file read only when a build asks for one of its entries.

import type { Diagnostic } from "../types.ts";
import { readCacheFile, type CacheReader } from "./file.ts";
import { Memo } from "./memo.ts";

/**
 * The grouped memos, one file per group: the search records of a search shard (`records-first.v8` for
 * the first, folder "", else `records-<folder>.v8`), the bodies of a month (`bodies-2024-03.v8`).
 */
export const GROUPED = ["records", "bodies"] as const;
export const groupFile = (name: (typeof GROUPED)[number], group: string): string => `${name}-${group === "" ? "first" : group.replace(/\/$/, "")}.v8`;

/** A group's entries as a cache file holds them, or undefined when it has none usable. */
export type GroupLoader<T> = (group: string) => Map<string, T> | undefined;

/**
 * A memo whose entries live in groups, one cache file each, read on a group's first use. A build that
 * uses no entry of a group (the search records of a shard it links unchanged) never reads its file and
 * leaves it as it is; a group it uses keeps the entries it used. Entries are keyed by content, so any
 * grouping is valid: an entry looked for in another group than the one holding it is made again.
 */
export class GroupedMemo<T> {
  readonly #load: GroupLoader<T>;
  readonly #groups = new Map<string, Memo<T>>();
  readonly #known: ReadonlyMap<string, Map<string, T>>;
  readonly #marked = new Set<string>();
  #kept: ReadonlySet<string> | undefined;

  /** `known`: groups already in memory (what the last build of this process used), read from nowhere else. */
  constructor(load: GroupLoader<T>, known: ReadonlyMap<string, Map<string, T>> = new Map()) {
    this.#load = load;
    this.#known = known;
  }

  /** The value for `key` in `group`, computing and remembering it on a miss. */
  get(group: string, key: string, compute: () => T): T {
    let memo = this.#groups.get(group);
    if (!memo) this.#groups.set(group, (memo = new Memo(this.#known.get(group) ?? this.#load(group))));
    return memo.get(key, compute);
  }

  /** Tells which groups the site still has: the files of any other group go when the cache is saved. */
  keepOnly(groups: Iterable<string>): void {
    this.#kept = new Set(groups);
  }

  /** Marks a group the site still has without reading it (a month of stories whose bodies this build did not need). */
  mark(group: string): void {
    this.#marked.add(group);
  }

  /**
   * Groups the site still has: those given to `keepOnly`, else, once any group was marked, those marked
   * or used; undefined: keep every group's file.
   */
  kept(): ReadonlySet<string> | undefined {
    return this.#kept ?? (this.#marked.size > 0 ? new Set([...this.#marked, ...this.#groups.keys()]) : undefined);
  }

  /** The groups this build used, with the entries it used: what the next build of this process starts from. */
  used(): ReadonlyMap<string, Map<string, T>> {
    return new Map([...this.#groups].map(([group, memo]) => [group, memo.entries()]));
  }

  /** The used groups whose entries differ from those read: one with a miss, or with an entry this build did not use. Only these need writing. */
  changedGroups(): string[] {
    return [...this.#groups].filter(([, memo]) => memo.changed()).map(([group]) => group);
  }
}

/** A grouped memo: a group's file is read when the build first asks for one of its entries (its warnings then join `diagnostics`). */
export function groupedMemo<T>(name: (typeof GROUPED)[number], reader: CacheReader, diagnostics: Diagnostic[], known?: ReadonlyMap<string, Map<string, T>>): GroupedMemo<T> {
  const load = (group: string) => {
    const entries = readCacheFile<{ version: string; entries: unknown }>(reader, groupFile(name, group), diagnostics)?.entries;
    return entries instanceof Map ? (entries as Map<string, T>) : undefined;
  };
  return new GroupedMemo(load, known);
}
