// Memos: one stage's results by content hash, kept from one build to the next.

/** A memo of one stage's results by content hash. Only entries used by a build are kept for the next. */
export class Memo<T> {
  readonly #previous: Map<string, T>;
  readonly #next = new Map<string, T>();
  readonly #missed = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(previous: Map<string, T> = new Map()) {
    this.#previous = previous;
  }

  /** The value for `key`, computing and remembering it on a miss. */
  get(key: string, compute: () => T): T {
    let value = this.#next.get(key) ?? this.#previous.get(key);
    if (value === undefined) {
      this.misses++;
      this.#missed.add(key);
      value = compute();
    } else {
      this.hits++;
    }
    this.#next.set(key, value);
    return value;
  }

  /** True when `key` has a value from the last build or this one. */
  has(key: string): boolean {
    return this.#next.has(key) || this.#previous.has(key);
  }

  /** True when the entries to keep differ from those loaded: after a miss, or with a loaded entry this build did not use. */
  changed(): boolean {
    return this.misses > 0 || this.#next.size !== this.#previous.size;
  }

  /** Entries to keep for the next build. */
  entries(): Map<string, T> {
    return this.#next;
  }

  /**
   * The shards (by `shardOf(key)`) whose entries to keep differ from those loaded: a shard with a miss,
   * or with a loaded entry this build did not use. Only these need writing again.
   */
  changedShards(shardOf: (key: string) => number): Set<number> {
    const count = (keys: Iterable<string>) => {
      const counts = new Map<number, number>();
      for (const key of keys) counts.set(shardOf(key), (counts.get(shardOf(key)) ?? 0) + 1);
      return counts;
    };
    const before = count(this.#previous.keys());
    const after = count(this.#next.keys());
    const changed = new Set([...this.#missed].map(shardOf));
    for (const shard of new Set([...before.keys(), ...after.keys()])) if (before.get(shard) !== after.get(shard)) changed.add(shard);
    return changed;
  }
}
