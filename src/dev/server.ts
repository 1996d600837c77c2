// The dev server: the dev site served with live reload, updated after every edit to the sources or templates.
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { BuildError, printable } from "../diagnostics.ts";
import { serveSite, type SiteServer } from "../serve/index.ts";
import { DevSite, type DevOptions, type DevResult } from "./index.ts";
import { RunQueue, type Run } from "./queue.ts";

/** How the dev server runs. */
export interface DevServerOptions extends DevOptions {
  /** Port to serve on (0: any free one). The site's base URL should name it. */
  port: number;
  /** Folder of the templates, whose changes need a whole build. */
  templates: string;
  /** Told of every build or update, or of the error that stopped it. */
  report?: (outcome: DevResult | BuildError) => void;
}

/** A running dev server. */
export interface DevServer {
  server: SiteServer;
  site: DevSite;
  /** Resolves once every change seen so far has been built and open pages told to reload. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the site, serves it, and watches the articles and templates: an article change brings the site
 * up to date in place (see `DevSite.update`), a template change makes a whole build; open pages reload
 * after each that succeeds. A failed one is reported and leaves the served site as it was.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  let server: SiteServer | undefined;
  // An update lets open pages load what it changed before it goes on (see `DevOptions.quiet`).
  const site = new DevSite({ ...options, quiet: (ms, max) => server?.quiet(ms, max) ?? Promise.resolve() });
  const run = runner(site, options.report ?? (() => undefined), () => server);
  const queue = new RunQueue(run);
  // Watching starts before the first build, so an edit made while it runs is built after it.
  const articles = path.resolve(options.cwd ?? process.cwd(), options.articles);
  const watchers: FSWatcher[] = [
    watch(articles, { recursive: true }, (_, name) => queue.change(false, name === null ? null : path.join(articles, name.toString()))),
    watch(options.templates, { recursive: true }, () => queue.change(true)),
  ];
  await queue.first(async () => {
    await run(true);
    server = await serveSite(path.resolve(options.cwd ?? process.cwd(), options.out), { port: options.port, liveReload: true, hold: (file) => site.pending(file) });
  });
  return {
    server: server!,
    site,
    settled: () => queue.settled().then(() => site.settled()),
    close: async () => {
      for (const w of watchers) w.close();
      await queue.close();
      await server!.close();
    },
  };
}

/** One build or update at a time, reported; true when it succeeded. An update tells open pages itself, as soon as each can show it. */
function runner(site: DevSite, report: (outcome: DevResult | BuildError) => void, server: () => SiteServer | undefined): Run {
  // Set when a run failed unexpectedly: what is on disk is then unknown, so the next run is a whole build.
  let broken = false;
  return async (whole, changed) => {
    const wholeBuild = whole || broken;
    try {
      const outcome = wholeBuild ? await site.build() : await site.update(changed, (event) => server()?.notify(event.kind, event));
      broken = false;
      report(outcome);
      if (outcome.kind === "build") server()?.reload();
      return true;
    } catch (cause) {
      // The server outlives any failure: an error that is not a BuildError (a bug, a file system error)
      // is reported as one too, and nothing is assumed about what it left on disk.
      if (!(cause instanceof BuildError)) broken = true;
      report(cause instanceof BuildError ? cause : unexpected(cause, wholeBuild));
      return false;
    }
  };
}

/**
 * An unexpected failure of a build or update as a `BuildError` keeping the error as its cause: the first
 * line of its message, escaped (a file name in it may hold control characters), so it prints as one line.
 */
function unexpected(cause: unknown, whole: boolean): BuildError {
  const message = printable((cause instanceof Error ? cause.message : String(cause)).split("\n")[0]!);
  return new BuildError(`${whole ? "build" : "update"} failed: ${message}; the next change makes a whole build`, [], { cause });
}
