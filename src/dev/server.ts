// The dev server: the dev site served with live reload, updated after every edit to the sources or templates.
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { BuildError, printable } from "../diagnostics.ts";
import { serveSite, type SiteServer } from "../serve/index.ts";
import { DevSite, type DevOptions, type DevResult } from "./index.ts";

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

/** Quiet time after the last change before an update starts: editors save in bursts (write, rename, touch). */
const QUIET_MS = 100;

/**
 * Builds the site, serves it, and watches the articles and templates: an article change brings the site
 * up to date in place (see `DevSite.update`), a template change makes a whole build; open pages reload
 * after each that succeeds. A failed one is reported and leaves the served site as it was.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  let server: SiteServer | undefined;
  // An update lets open pages load what it changed before it goes on (see `DevOptions.quiet`).
  const site = new DevSite({ ...options, quiet: (ms, max) => server?.quiet(ms, max) ?? Promise.resolve() });
  const articles = path.resolve(options.cwd ?? process.cwd(), options.articles);
  const report = options.report ?? (() => undefined);
  // Set when a run failed unexpectedly: what is on disk is then unknown, so the next run is a whole build.
  let broken = false;
  /** One build or update; true when it succeeded. An update tells open pages itself, as soon as each can show it. */
  const run = async (whole: boolean, changed?: ReadonlySet<string>): Promise<boolean> => {
    const wholeBuild = whole || broken;
    try {
      const outcome = wholeBuild ? await site.build() : await site.update(changed, (event) => server?.notify(event.kind, event));
      broken = false;
      report(outcome);
      if (outcome.kind === "build") server?.reload();
      return true;
    } catch (cause) {
      // The server outlives any failure: an error that is not a BuildError (a bug, a file system error)
      // is reported as one too, and nothing is assumed about what it left on disk.
      if (!(cause instanceof BuildError)) broken = true;
      report(cause instanceof BuildError ? cause : unexpected(cause, wholeBuild));
      return false;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let whole = false;
  // What the watcher reported since the last update (it watches from before the first build, so an edit
  // made while that build runs is reported too); undefined, so that every source is looked at, once it
  // reported something without a name.
  let changed: Set<string> | undefined = new Set();
  let waiting: (() => void)[] = [];
  // Builds and updates, one after another; the first build and the server come first.
  let running: Promise<void> = Promise.resolve();
  const schedule = (templates: boolean) => {
    whole ||= templates;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const wholeBuild = whole;
      const paths = changed;
      const done = waiting;
      whole = false;
      changed = new Set();
      waiting = [];
      running = running.then(async () => {
        // A failed update is tried again with the next change, so what it saw changed is seen again.
        if (!(await run(wholeBuild, paths))) {
          if (changed && paths) for (const p of paths) changed.add(p);
          else changed = undefined;
        }
        for (const resolve of done) resolve();
      });
    }, QUIET_MS);
  };
  const watchers: FSWatcher[] = [
    watch(articles, { recursive: true }, (_, name) => {
      if (name === null) changed = undefined;
      else changed?.add(path.join(articles, name.toString()));
      schedule(false);
    }),
    watch(options.templates, { recursive: true }, () => schedule(true)),
  ];
  running = (async () => {
    await run(true);
    server = await serveSite(path.resolve(options.cwd ?? process.cwd(), options.out), { port: options.port, liveReload: true, hold: (file) => site.pending(file) });
  })();
  await running;
  return {
    server: server!,
    site,
    settled: () => (timer === undefined ? running : new Promise<void>((resolve) => waiting.push(resolve))).then(() => site.settled()),
    close: async () => {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      await running;
      await server!.close();
    },
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
