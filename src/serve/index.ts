// A static server for a built site, as a static host serves it: optionally under a path prefix,
// 404.html for what is missing, and (for `npm start`) a live-reload channel. It serves regular files
// inside its folder only, and a request it cannot read gets an answer, never the process's end.
import { createReadStream, type Stats } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
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
  /**
   * Sends open pages a live-reload event with JSON data: `pages` (`{ files }`, output files relative to
   * the site) reloads a page among them; `search` (`{ shards, layout }`) reaches search pages, which take
   * the new index in place, or reload when they cannot.
   */
  notify(event: "pages" | "search", data: unknown): void;
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

const LIVE_PATH = "/__duet/";
/** Pagefind's index files, named by the hash of their content: a name never stands for other bytes. */
const IMMUTABLE_RE = /\.pf_(?:meta|index|filter|fragment)$/;
const LIVE_SCRIPT = `const events = new EventSource("${LIVE_PATH}events");
const searchPage = () => document.querySelector("#search[data-bundle]") !== null;
const here = () => {
  const at = decodeURIComponent(location.pathname).slice(1);
  return at === "" || at.endsWith("/") ? at + "index.html" : at;
};
events.addEventListener("reload", () => location.reload());
events.addEventListener("pages", (event) => {
  if (!searchPage() && JSON.parse(event.data).files.includes(here())) location.reload();
});
events.addEventListener("search", (event) => {
  if (!searchPage()) return;
  // The search page takes the new index in place by cancelling this; otherwise it loads again.
  const taken = !window.dispatchEvent(new CustomEvent("duet:search-index", { detail: JSON.parse(event.data), cancelable: true }));
  if (!taken) location.reload();
});
`;
const LIVE_TAG = `<script type="module" src="${LIVE_PATH}live.js"></script>`;

/** Serves `root` on 127.0.0.1. */
export async function serveSite(root: string, options: ServeOptions = {}): Promise<SiteServer> {
  const prefix = options.prefix ?? "/";
  const requests: string[] = [];
  const listeners = new Set<ServerResponse>();
  let open = 0;
  let held = 0;
  let lastClosed = 0;
  const server = createServer((req, res) => {
    respond(req, res).catch((cause: unknown) => {
      // A file that vanished or cannot be read mid-request: this request fails, the server goes on.
      if (!res.headersSent) res.writeHead(500, { "content-type": TYPES[".txt"]! });
      res.end(`server error: ${(cause as Error)?.message ?? String(cause)}`);
    });
  });
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = pathnameOf(req.url ?? "/");
    requests.push(pathname ?? req.url ?? "");
    if (pathname === null) {
      res.writeHead(400, { "content-type": TYPES[".txt"]! });
      res.end("bad request: the URL's path is not valid percent-encoded UTF-8");
      return;
    }
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
    open++;
    res.on("close", () => {
      open--;
      lastClosed = performance.now();
    });
    const inside = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : null;
    const asked = inside === null ? null : path.join(root, path.normalize(`/${inside}`));
    if (asked && options.hold) {
      // Asked for by its folder, a page may be a file or a folder's index.html, written or not yet.
      const rel = path.relative(root, asked).split(path.sep).join("/");
      const waiting = options.hold(rel) ?? options.hold(rel === "" ? "index.html" : `${rel}/index.html`);
      if (waiting) {
        held++;
        await waiting.finally(() => held--);
      }
    }
    const served = asked ? await fileInside(root, asked) : null;
    if (!served) {
      const page = await fileInside(root, path.join(root, "404.html"));
      const notFound = page ? await readFile(page.file, "utf8").catch(() => "not found") : "not found";
      res.writeHead(404, { "content-type": TYPES[".html"]! });
      res.end(options.liveReload ? withLiveReload(notFound) : notFound);
      return;
    }
    const { file, stats: found } = served;
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
    else createReadStream(file).on("error", () => res.destroy()).pipe(res);
  };
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    reload: () => {
      for (const res of listeners) res.write("event: reload\ndata: now\n\n");
    },
    quiet: (ms = 250, max = 3000) =>
      new Promise((resolve) => {
        const since = performance.now();
        const check = () => {
          const now = performance.now();
          const idle = open === 0 && now - Math.max(since, lastClosed) >= ms;
          if (listeners.size === 0 || held > 0 || idle || now - since >= max) resolve();
          else setTimeout(check, 25);
        };
        check();
      }),
    notify: (event, data) => {
      for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
      }),
  };
}

/** The decoded path of a request URL; null when it is not valid percent-encoded UTF-8 (`/%`, `/%c0%ae`). */
function pathnameOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, "http://x").pathname);
  } catch {
    return null;
  }
}

/**
 * The regular file `file` names inside `root` (a folder's `index.html` for a folder), by its real path;
 * null when there is none, or when a symbolic link leads out of `root`. A link whose target stays inside
 * `root` is followed, as a static host deploying the folder's contents would.
 */
async function fileInside(root: string, file: string): Promise<{ file: string; stats: Stats } | null> {
  const [real, top] = await Promise.all([realpath(file).catch(() => null), realpath(root).catch(() => null)]);
  if (real === null || top === null || (real !== top && !real.startsWith(top.endsWith(path.sep) ? top : top + path.sep))) return null;
  const stats = await stat(real).catch(() => null);
  if (stats?.isDirectory()) return file.endsWith(`${path.sep}index.html`) ? null : fileInside(root, path.join(file, "index.html"));
  return stats?.isFile() ? { file: real, stats } : null;
}

function withLiveReload(html: string): string {
  return html.includes("</head>") ? html.replace("</head>", `${LIVE_TAG}</head>`) : html + LIVE_TAG;
}
