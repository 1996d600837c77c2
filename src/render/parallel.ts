// Rendering on every core: Eleventy runs over a site's page chunks in child processes, alongside this one.
import { fork, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ArticlePage } from "./articles.ts";
import type { RunOptions, SiteData } from "./runs.ts";
import type { WorkerJob, WorkerMessage, WorkerReply } from "./worker.ts";

/**
 * Fewest pages worth a worker: starting one (Node, tsx, Eleventy) costs about a second, as much as rendering
 * this many pages, so a small update is rendered in this process alone.
 */
export const PAGES_PER_WORKER = 1500;

/** How many render processes `pages` pages are worth with `jobs` allowed (this one counted): at least one. */
export function renderLanes(pages: number, jobs: number, perWorker = PAGES_PER_WORKER): number {
  return Math.max(1, Math.min(jobs, Math.floor(pages / perWorker)));
}

/**
 * A chunk as a worker receives it. Article pages leave out their luxon date: templates print the formatted
 * fields made from it, and as JSON a DateTime would arrive as a plain string (and cost a slow `toJSON`).
 */
function portable(data: SiteData): SiteData {
  return { ...data, articles: data.articles.map((page): ArticlePage => ({ ...page, date: undefined as never })) };
}

/** Starts a render worker running tsx's loader, as this process does, with this process's heap sizes. */
function startWorker(): ChildProcess {
  const worker = new URL("./worker.ts", import.meta.url);
  return fork(worker, [], { execArgv: workerFlags(process.execArgv, import.meta.resolve("tsx")), stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/**
 * A render worker's Node flags: the heap sizes this process was given (package.json's build script sets
 * the young generation's; a large archive may need a larger old one) and tsx's loader. Nothing else of
 * this process's flags (an inspector, a profiler) is passed on.
 */
export function workerFlags(execArgv: readonly string[], loader: string): string[] {
  return [...execArgv.filter((flag) => /^--max-(semi|old)-space-size=\d+$/.test(flag)), "--import", loader];
}

/**
 * Hands one job to `worker` and waits for its answer; the worker's death or error rejects. The job goes through
 * a file: a chunk is megabytes of JSON, which Node's IPC channel moves slowly while this process is busy
 * rendering. It is written at once, not queued behind the thousands of page writes of this process's own run.
 */
async function send(worker: ChildProcess, job: WorkerJob, file: string): Promise<void> {
  writeFileSync(file, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      fn();
    };
    const onMessage = (reply: WorkerReply) => done(() => (reply.ok ? resolve() : reject(new Error(reply.message))));
    const onExit = (code: number | null, signal: string | null) => done(() => reject(new Error(`rendering pages failed: a render worker stopped (${signal ? `signal ${signal}` : `exit status ${code}`})`)));
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    worker.send({ file } satisfies WorkerMessage);
  });
}

/**
 * Renders `chunks` (whole Eleventy runs' data, the first holding the site's single files) on `lanes` processes:
 * this one, which takes the first chunk, and `lanes - 1` workers. Each lane takes the next chunk when it is
 * free. On the first failure no lane takes another chunk, the workers are stopped, and once every lane has
 * settled (nothing is still writing) that failure is rethrown.
 */
export async function renderInParallel(chunks: readonly SiteData[], options: RunOptions, lanes: number, here: (data: SiteData) => Promise<void>): Promise<void> {
  const jobs = await mkdtemp(path.join(tmpdir(), "duet-render-"));
  const workers: ChildProcess[] = [];
  let next = 0;
  let failed = false;
  const lane = async (run: (data: SiteData) => Promise<void>) => {
    try {
      while (!failed && next < chunks.length) await run(chunks[next++]!);
    } catch (error) {
      failed = true;
      for (const worker of workers) worker.kill();
      throw error;
    }
  };
  try {
    for (let i = 1; i < Math.min(lanes, chunks.length); i++) workers.push(startWorker());
    const lanesDone = await Promise.allSettled([lane(here), ...workers.map((worker, i) => lane((data) => send(worker, { data: portable(data), options }, path.join(jobs, `${i}.json`))))]);
    const failure = lanesDone.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failure) throw failure.reason;
  } finally {
    // A worker exits once its channel is closed.
    for (const worker of workers) if (worker.connected) worker.disconnect();
    await rm(jobs, { recursive: true, force: true });
  }
}
