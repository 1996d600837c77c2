// A static server for a built site, as a static host serves it: optionally under a path prefix,
// 404.html for what is missing, and (for `npm start`) a live-reload channel. It serves regular files
// inside its folder only, and a request it cannot read gets an answer, never the process's end.
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { devCaching, fileInside, HTML_TYPE, JS_TYPE, pathnameOf, TEXT_TYPE, typeOf, type FoundFile } from "./files.ts";
import { createLiveChannel, LIVE_PATH, LIVE_SCRIPT, withLiveReload } from "./live-reload.ts";
import { createTraffic } from "./traffic.ts";

/** A running server. */
export interface SiteServer {
  /** Origin plus prefix, ending in `/`: `http://127.0.0.1:PORT/news/`. */
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Tells every open page to reload (only when started with `liveReload`). */
  reload(): void;
  /**
   * Sends open pages a live-reload event with JSON data: `pages` (`{ files }`, output files relative to
   * the site) reloads a page among them; `search` (`{ shards, layout }`) reaches search pages, which take
   * the new index in place, or reload when they cannot.
   */
  notify(event: "pages" | "search", data: unknown): void;
  /**
   * Shows `lines` (diagnostics, one each) over every open page, and over pages opened later, until
   * called again; none takes the overlay away (only when started with `liveReload`).
   */
  showDiagnostics(lines: readonly string[]): void;
  /**
   * Resolves once no request (the live-reload stream aside) has been open for `ms` milliseconds, counted
   * from the call at the earliest; at once when no page listens for live reload or a request is held (see
   * `ServeOptions.hold`), and after `max` milliseconds whatever the traffic.
   */
  quiet(ms?: number, max?: number): Promise<void>;
  close(): Promise<void>;
}

/** Options of the server. */
export interface ServeOptions {
  /** URL path the site is served under (default `/`). */
  prefix?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Add a script to every HTML page that reloads it when `reload()` is called. */
  liveReload?: boolean;
  /**
   * Called with each requested file (relative to `root`, `/`-separated) before it is read: a promise
   * returned holds the request until the file is written (the dev server's pages still being written).
   */
  hold?: (file: string) => Promise<void> | undefined;
}

/** Serves `root` on 127.0.0.1. */
export async function serveSite(root: string, options: ServeOptions = {}): Promise<SiteServer> {
  const prefix = options.prefix ?? "/";
  const requests: string[] = [];
  const live = createLiveChannel();
  const traffic = createTraffic();
  const site: Site = { root, prefix, options, live, traffic };
  const server = createServer((req, res) => {
    const pathname = pathnameOf(req.url ?? "/");
    requests.push(pathname ?? req.url ?? "");
    respond(site, pathname, req, res).catch((cause: unknown) => {
      // A file that vanished or cannot be read mid-request: this request fails, the server goes on.
      if (!res.headersSent) res.writeHead(500, { "content-type": TEXT_TYPE });
      res.end(`server error: ${cause instanceof Error ? cause.message : String(cause)}`);
    });
  });
  // A port in use is an error to report, not an exception no one catches.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = listeningAddress(server.address());
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    reload: () => live.send("reload", "now"),
    quiet: (ms = 250, max = 3000) => traffic.quiet(ms, max, () => live.size > 0),
    notify: (event, data) => live.send(event, JSON.stringify(data)),
    showDiagnostics: (lines) => live.sendStanding("diagnostics", JSON.stringify({ lines })),
    close: () =>
      new Promise((resolve) => {
        live.close();
        server.close(() => resolve());
      }),
  };
}

/** The address a server listening on TCP reports (a pipe would report a string, which `serveSite` never asks for). */
function listeningAddress(address: AddressInfo | string | null): AddressInfo {
  if (address === null || typeof address === "string") throw new Error(`the server is not listening on a TCP port: ${address}`);
  return address;
}

/** What answering a request needs to know of the server. */
interface Site {
  root: string;
  prefix: string;
  options: ServeOptions;
  live: ReturnType<typeof createLiveChannel>;
  traffic: ReturnType<typeof createTraffic>;
}

/** Answers one request for `pathname` (null when the URL's path could not be decoded). */
async function respond(site: Site, pathname: string | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { root, options } = site;
  if (pathname === null) {
    res.writeHead(400, { "content-type": TEXT_TYPE });
    res.end("bad request: the URL's path is not valid percent-encoded UTF-8");
    return;
  }
  if (options.liveReload && pathname === `${LIVE_PATH}events`) return site.live.listen(req, res);
  if (options.liveReload && pathname === `${LIVE_PATH}live.js`) {
    res.writeHead(200, { "content-type": JS_TYPE });
    res.end(LIVE_SCRIPT);
    return;
  }
  site.traffic.track(res);
  const asked = pathname.startsWith(site.prefix) ? path.join(root, path.normalize(`/${pathname.slice(site.prefix.length)}`)) : null;
  if (asked && options.hold) await holdFor(site, asked);
  const found = asked ? await fileInside(root, asked) : null;
  if (found) await sendFile(found, options.liveReload === true, req, res);
  else await sendNotFound(root, options.liveReload === true, res);
}

/** Waits while `options.hold` holds the file `asked` (a page asked for by its folder may be either name). */
async function holdFor({ root, options, traffic }: Site, asked: string): Promise<void> {
  const rel = path.relative(root, asked).split(path.sep).join("/");
  const waiting = options.hold?.(rel) ?? options.hold?.(rel === "" ? "index.html" : `${rel}/index.html`);
  if (waiting) await traffic.hold(waiting);
}

async function sendFile(found: FoundFile, liveReload: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = typeOf(found.file);
  const { headers, fresh } = liveReload ? devCaching(found, req.headers["if-none-match"]) : { headers: {}, fresh: false };
  res.writeHead(fresh ? 304 : 200, { "content-type": type, ...headers });
  if (fresh) res.end();
  else if (liveReload && type === HTML_TYPE) res.end(withLiveReload(await readFile(found.file, "utf8")));
  else createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
}

/** The site's 404.html (with live reload when editing), or plain "not found" when it has none. */
async function sendNotFound(root: string, liveReload: boolean, res: ServerResponse): Promise<void> {
  const page = await fileInside(root, path.join(root, "404.html"));
  const notFound = page ? await readFile(page.file, "utf8").catch(() => "not found") : "not found";
  res.writeHead(404, { "content-type": HTML_TYPE });
  res.end(liveReload ? withLiveReload(notFound) : notFound);
}
