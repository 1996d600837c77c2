// Seeded randomness for the corpus: mulberry32 streams, one per story, and the picks built on them.

/** A stream of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Mixes two 32-bit integers into one well-spread 32-bit integer (murmur3's finaliser over a combined key). */
export function mix32(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(b, 0xc2b2ae35)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for test data (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The independent stream of story `index` under `seed`, so any story can be regenerated alone. */
export function storyRng(seed: number, index: number): Rng {
  return mulberry32(mix32(seed, index));
}

/** An integer in [min, max], both included. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One item of a non-empty list, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Cumulative weights 1/rank^exponent, for {@link pickCumulative}: rank 1 is the most likely. */
export function zipfCumulative(count: number, exponent: number): Float64Array {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let rank = 1; rank <= count; rank++) {
    total += 1 / rank ** exponent;
    cumulative[rank - 1] = total;
  }
  return cumulative;
}

/** An index drawn with the weights behind `cumulative` (binary search). */
export function pickCumulative(rng: Rng, cumulative: Float64Array): number {
  const target = rng() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A Zipf-weighted pick from a list ordered most-common first. */
export function pickZipf<T>(rng: Rng, items: readonly T[], cumulative: Float64Array): T {
  return items[pickCumulative(rng, cumulative)] as T;
}

/** `count` distinct items, uniformly, in drawn order. */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as T);
  return out;
}
