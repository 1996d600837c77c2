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

/**
 * Both promises' values, awaited side by side. Once both have settled, a failure is thrown (the first's,
 * when both failed): work writing into a folder is never still running when the caller removes it.
 */
export async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === "rejected") throw first.reason;
  if (second.status === "rejected") throw second.reason;
  return [first.value, second.value];
}

/**
 * Settles once every promise has; the first failure (in the order given) is then thrown. Unlike
 * `Promise.all`, it never rejects while work writing into a folder the caller would then remove is still running.
 */
export async function allSettled(promises: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(promises)).find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}
