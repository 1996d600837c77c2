// Bounded concurrency for file work: enough at once to keep the disk busy, few enough to bound memory.

/** Maps `items` through `task` with at most `workers` running at once, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], workers: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async () => {
      while (next < items.length) {
        const at = next++;
        out[at] = await task(items[at]!);
      }
    }),
  );
  return out;
}
