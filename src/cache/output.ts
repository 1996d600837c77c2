// The last output as a cached build reuses it: its stamped files looked at in a worker thread.
import path from "node:path";
import { lookAtOutput, type OutputLook } from "../shared/output-look.ts";
import type { BuildCache } from "./index.ts";

/**
 * Starts looking at the files the last build stamped (its pages, and its search bundle's files as
 * `pagefind/<file>`) in a worker thread, so that their stamps are ready when the build asks which it can reuse.
 */
export function lookAtLastOutput(cache: BuildCache): OutputLook {
  const search = (cache.search ?? []).flatMap((shard) => Object.keys(shard.files).map((file) => path.join("pagefind", file)));
  return lookAtOutput(cache.out, [...cache.pages.keys(), ...search]);
}
