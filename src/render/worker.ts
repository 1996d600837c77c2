// A render worker: a child process that renders the chunks of pages its parent hands it, one Eleventy run each
// (see parallel.ts). Started with tsx's loader; it answers each chunk with `{ ok: true }` or the error's message.
import { readFileSync } from "node:fs";
import { collectGarbage, runEleventy, type RunOptions, type SiteData } from "./runs.ts";

/** A chunk to render: the site data of one Eleventy run and where to write it. */
export interface WorkerJob {
  data: SiteData;
  options: RunOptions;
}

/** What the parent sends: the file holding the next job, as JSON. */
export interface WorkerMessage {
  file: string;
}

/** The worker's answer to one job. */
export type WorkerReply = { ok: true } | { ok: false; message: string };

process.on("message", ({ file }: WorkerMessage) => {
  const render = async () => {
    const job = JSON.parse(readFileSync(file, "utf8")) as WorkerJob;
    await runEleventy(job.data, job.options);
  };
  render().then(
    () => {
      collectGarbage();
      process.send!({ ok: true } satisfies WorkerReply);
    },
    (error: unknown) => process.send!({ ok: false, message: (error as Error).message } satisfies WorkerReply),
  );
});
// The parent closes the channel when every chunk is done; nothing else keeps this process alive.
process.on("disconnect", () => process.exit(0));
