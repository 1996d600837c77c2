// How a build runs its stages: one timer reporting each stage as it ends, and one wrapper naming the
// stage a failure came from.
import type { ProgressStep } from "./build-options.ts";
import { BuildError } from "./diagnostics.ts";

/** A stage reporter: each call tells `onProgress` a stage finished, with the time since the last call (or since `started`). */
export function stageTimer(onProgress: ((step: ProgressStep) => void) | undefined, started: number): (stage: string, count: number, unit: string) => void {
  let lap = started;
  return (stage, count, unit) => {
    const now = performance.now();
    onProgress?.({ stage, count, unit, millis: now - lap });
    lap = now;
  };
}

/**
 * Runs a stage that writes the site. Its failure (Eleventy's, Pagefind's, Workbox's, the file system's) is
 * rethrown once, as `<stage>: <message>` with the failure as its cause; a `BuildError` passes as it is.
 */
export async function runStage<T>(stage: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (cause instanceof BuildError) throw cause;
    throw new Error(`${stage}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
