// Grouped memos: results kept in one file per group (the search records of one index shard), each file
// read only when a build asks for one of its entries.

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
  readonly #previous = new Map<string, Map<string, T>>();
  readonly #next = new Map<string, Map<string, T>>();
  readonly #missed = new Set<string>();
  #kept: ReadonlySet<string> | undefined;
  hits = 0;
  misses = 0;

  /** `known`: groups already in memory (what the last build of this process used), read from nowhere else. */
  constructor(load: GroupLoader<T>, known: ReadonlyMap<string, Map<string, T>> = new Map()) {
    this.#load = load;
    for (const [group, entries] of known) this.#previous.set(group, entries);
  }

  /** The value for `key` in `group`, computing and remembering it on a miss. */
  get(group: string, key: string, compute: () => T): T {
    let previous = this.#previous.get(group);
    if (!previous) this.#previous.set(group, (previous = this.#load(group) ?? new Map()));
    let next = this.#next.get(group);
    if (!next) this.#next.set(group, (next = new Map()));
    let value = next.get(key) ?? previous.get(key);
    if (value === undefined) {
      this.misses++;
      this.#missed.add(group);
      value = compute();
    } else {
      this.hits++;
    }
    next.set(key, value);
    return value;
  }

  /** Tells which groups the site still has: the files of any other group go when the cache is saved. */
  keepOnly(groups: Iterable<string>): void {
    this.#kept = new Set(groups);
  }

  /** Groups the site still has, when told (see `keepOnly`); undefined: keep every group's file. */
  kept(): ReadonlySet<string> | undefined {
    return this.#kept;
  }

  /** The groups this build used, with the entries it used: what the next build of this process starts from. */
  used(): ReadonlyMap<string, Map<string, T>> {
    return this.#next;
  }

  /** The used groups whose entries differ from those read: one with a miss, or with an entry this build did not use. Only these need writing. */
  changedGroups(): string[] {
    return [...this.#next].filter(([group, entries]) => this.#missed.has(group) || entries.size !== this.#previous.get(group)?.size).map(([group]) => group);
  }
}
