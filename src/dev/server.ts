// The dev server: the dev site served with live reload, updated after every edit to the sources or templates.
import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { BuildError, formatDiagnostic, printable } from "../diagnostics.ts";
import { serveSite, type SiteServer } from "../serve/index.ts";
import { SITE_FILE } from "../site/index.ts";
import { DevSite, type DevEvent, type DevOptions, type DevResult } from "./index.ts";
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
 * Builds the site into `options.out`, serves it, and watches the sources: an article change brings the
 * site up to date in place (see `DevSite.update`), a change to the templates, site.yaml or pages/ makes
 * a whole build; open pages reload after each that succeeds. A failed one is reported, leaves the served
 * site as it was, and its errors show over open pages until a run succeeds.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  let server: SiteServer | undefined;
  // An update lets open pages load what it changed before it goes on (see `DevOptions.quiet`).
  const site = new DevSite({ ...options, quiet: (ms, max) => server?.quiet(ms, max) ?? Promise.resolve() });
  const problems = { lines: [] as readonly string[] };
  const run = runner(site, options.report ?? (() => undefined), () => server, problems);
  const queue = new RunQueue(run);
  // Watching starts before the first build, so an edit made while it runs is built after it.
  const watchers = watchSources(options, queue);
  await queue.first(async () => {
    await run(true);
    server = await serveSite(path.resolve(options.cwd ?? process.cwd(), options.out), { port: options.port, liveReload: true, hold: (file) => site.pending(file) });
    // A first build that failed is shown over the pages of the last session's site.
    server.showDiagnostics(problems.lines);
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

/**
 * Watches the articles (a change is an update) and what every page depends on: the templates, site.yaml
 * and the newsroom's pages (a change is a whole build).
 */
function watchSources(options: DevServerOptions, queue: RunQueue): FSWatcher[] {
  const cwd = options.cwd ?? process.cwd();
  const articles = path.resolve(cwd, options.articles);
  const pages = path.join(cwd, "pages");
  const whole = () => queue.change(true);
  return [
    watch(articles, { recursive: true }, (_, name) => queue.change(false, name === null ? null : path.join(articles, name.toString()))),
    watch(options.templates, { recursive: true }, whole),
    // site.yaml, and the pages folder coming or going; the folder's own contents are watched below.
    watch(cwd, (_, name) => void (name === null || name.toString() === SITE_FILE || name.toString() === "pages" ? whole() : undefined)),
    ...(existsSync(pages) ? [watch(pages, { recursive: true }, whole)] : []),
  ];
}

/**
 * One build or update at a time, reported; true when it succeeded. An update tells open pages itself, as
 * soon as each can show it. The errors of a failed run are shown over open pages (kept in `problems`
 * until there is a server), and taken away by the first news of a run that has none.
 */
function runner(site: DevSite, report: (outcome: DevResult | BuildError) => void, server: () => SiteServer | undefined, problems: { lines: readonly string[] }): Run {
  // Set when a run failed unexpectedly: what is on disk is then unknown, so the next run is a whole build.
  let broken = false;
  const show = (lines: readonly string[]) => {
    if (lines.length === 0 && problems.lines.length === 0) return;
    problems.lines = lines;
    server()?.showDiagnostics(lines);
  };
  return async (whole, changed) => {
    const wholeBuild = whole || broken;
    try {
      const notify = (event: DevEvent) => {
        // Pages are written only once the edit has no errors: a page reloading for them shows none.
        show([]);
        server()?.notify(event.kind, event);
      };
      const outcome = wholeBuild ? await site.build() : await site.update(changed, notify);
      broken = false;
      show([]);
      report(outcome);
      if (outcome.kind === "build") server()?.reload();
      return true;
    } catch (cause) {
      // The server outlives any failure: an error that is not a BuildError (a bug, a file system error)
      // is reported as one too, and nothing is assumed about what it left on disk.
      if (!(cause instanceof BuildError)) broken = true;
      const error = cause instanceof BuildError ? cause : unexpected(cause, wholeBuild);
      show(overlayLines(error));
      report(error);
      return false;
    }
  };
}

/** What the overlay shows of a failed run: its errors, or its one line when it failed for another reason. */
function overlayLines(error: BuildError): string[] {
  const errors = error.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
  return errors.length > 0 ? errors : [`duet: ${error.message}`];
}

/**
 * An unexpected failure of a build or update as a `BuildError` keeping the error as its cause: the first
 * line of its message, escaped (a file name in it may hold control characters), so it prints as one line.
 */
function unexpected(cause: unknown, whole: boolean): BuildError {
  const message = printable((cause instanceof Error ? cause.message : String(cause)).split("\n")[0]!);
  return new BuildError(`${whole ? "build" : "update"} failed: ${message}; the next change makes a whole build`, [], { cause });
}
