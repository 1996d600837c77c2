// A static server for a built site, as a static host serves it: optionally under a path prefix,
// 404.html for what is missing, and (for `npm start`) a live-reload channel.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

/** A running server. */
export interface SiteServer {
  /** Origin plus prefix, ending in `/`: `http://127.0.0.1:PORT/news/`. */
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Tells every open page to reload (only when started with `liveReload`). */
  reload(): void;
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

const LIVE_PATH = "/__duet/";
/** Pagefind's index files, named by the hash of their content: a name never stands for other bytes. */
const IMMUTABLE_RE = /\.pf_(?:meta|index|filter|fragment)$/;
const LIVE_SCRIPT = `new EventSource("${LIVE_PATH}events").addEventListener("reload", () => location.reload());\n`;
const LIVE_TAG = `<script type="module" src="${LIVE_PATH}live.js"></script>`;

/** Serves `root` on 127.0.0.1. */
export async function serveSite(root: string, options: ServeOptions = {}): Promise<SiteServer> {
  const prefix = options.prefix ?? "/";
  const requests: string[] = [];
  const listeners = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(pathname);
    if (options.liveReload && pathname === `${LIVE_PATH}events`) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      res.write(": connected\n\n");
      listeners.add(res);
      req.on("close", () => listeners.delete(res));
      return;
    }
    if (options.liveReload && pathname === `${LIVE_PATH}live.js`) {
      res.writeHead(200, { "content-type": TYPES[".js"]! });
      res.end(LIVE_SCRIPT);
      return;
    }
    const inside = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : null;
    let file = inside === null ? null : path.join(root, path.normalize(`/${inside}`));
    if (file && options.hold) {
      // Asked for by its folder, a page may be a file or a folder's index.html, written or not yet.
      const rel = path.relative(root, file).split(path.sep).join("/");
      await (options.hold(rel) ?? options.hold(rel === "" ? "index.html" : `${rel}/index.html`));
    }
    if (file && (await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, "index.html");
    const found = file ? await stat(file).catch(() => null) : null;
    if (!file || !found?.isFile()) {
      const notFound = await readFile(path.join(root, "404.html"), "utf8").catch(() => "not found");
      res.writeHead(404, { "content-type": TYPES[".html"]! });
      res.end(options.liveReload ? withLiveReload(notFound) : notFound);
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    // While editing, a page must never come from the browser's cache; other files may, once the server
    // confirms they are unchanged (the search index is hundreds of files, most untouched by an edit).
    const tag = `"${found.ino.toString(36)}-${found.size.toString(36)}-${Math.floor(found.mtimeMs).toString(36)}"`;
    const fresh = options.liveReload && type !== TYPES[".html"] && req.headers["if-none-match"] === tag;
    const caching = !options.liveReload
      ? {}
      : type === TYPES[".html"]
        ? { "cache-control": "no-store" }
        : IMMUTABLE_RE.test(file)
          ? { "cache-control": "max-age=31536000, immutable" }
          : { "cache-control": "no-cache", etag: tag };
    res.writeHead(fresh ? 304 : 200, { "content-type": type, ...caching });
    if (fresh) res.end();
    else if (options.liveReload && type === TYPES[".html"]) res.end(withLiveReload(await readFile(file, "utf8")));
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    reload: () => {
      for (const res of listeners) res.write("event: reload\ndata: now\n\n");
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
      }),
  };
}

function withLiveReload(html: string): string {
  return html.includes("</head>") ? html.replace("</head>", `${LIVE_TAG}</head>`) : html + LIVE_TAG;
}
