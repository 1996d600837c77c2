// Render workers: a worker that fails or dies fails the render, and no worker outlives it.
import type { ChildProcess } from "node:child_process";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderInParallel, workerFlags } from "../src/render/parallel.ts";
import type { RunOptions, SiteData } from "../src/render/runs.ts";
import { scratch } from "./helpers/tree.ts";

/** An empty run: enough for a worker to start Eleventy on. */
const RUN = { articles: [], lists: [], indexes: [] } as unknown as SiteData;

/** Runs `work`, returning it with the render workers it started. */
async function watching<T>(work: (workers: ChildProcess[]) => Promise<T>): Promise<{ result: PromiseSettledResult<T>; workers: ChildProcess[] }> {
  const workers: ChildProcess[] = [];
  const note = (message: unknown) => void workers.push((message as { process: ChildProcess }).process);
  subscribe("child_process", note);
  try {
    const [result] = await Promise.allSettled([work(workers)]);
    return { result, workers };
  } finally {
    unsubscribe("child_process", note);
  }
}

/** Resolves once `child` has exited (at once if it has). */
function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

test("a worker that dies fails the render with what happened, and this process stops taking runs", async () => {
  let here = 0;
  const { result, workers } = await watching((started) =>
    renderInParallel([RUN, RUN, RUN, RUN], {} as RunOptions, 2, async () => {
      here++;
      // This process's first run: the worker is killed while it starts on its own.
      if (here === 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        started[0]!.kill("SIGKILL");
        await exited(started[0]!);
      }
    }),
  );
  assert.is(result.status, "rejected");
  assert.match((result as PromiseRejectedResult).reason.message, /rendering pages failed: a render worker stopped \(signal SIGKILL\)/);
  assert.is(workers.length, 1);
  assert.ok(here <= 2, `this process rendered ${here} runs after the failure`);
});

test("an Eleventy error in a worker fails the render with Eleventy's message, and the worker exits", async () => {
  // A project without templates or .eleventy.ts: Eleventy refuses to start.
  const root = await scratch("no-templates");
  const options: RunOptions = { assets: {}, serviceWorker: false, site: { origin: "http://localhost:8080", pathPrefix: "/" }, root, outDir: await scratch("no-templates-out") };
  const { result, workers } = await watching(() => renderInParallel([RUN, RUN], options, 2, async () => undefined));
  assert.is(result.status, "rejected");
  assert.match((result as PromiseRejectedResult).reason.message, /rendering pages failed: /);
  assert.is(workers.length, 1);
  const gone = await Promise.race([exited(workers[0]!).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref())]);
  assert.ok(gone, "the worker exited once the render failed");
});

test("a worker gets the build's heap sizes and tsx's loader, and none of its other flags", () => {
  const flags = workerFlags(["--max-semi-space-size=64", "--inspect=9229", "--max-old-space-size=7168", "--cpu-prof", "--import", "tsx"], "file:///tsx.mjs");
  assert.equal(flags, ["--max-semi-space-size=64", "--max-old-space-size=7168", "--import", "file:///tsx.mjs"]);
  assert.equal(workerFlags([], "file:///tsx.mjs"), ["--import", "file:///tsx.mjs"]);
});

test.run();
