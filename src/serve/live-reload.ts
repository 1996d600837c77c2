// The live-reload channel of `npm start`: a server-sent event stream open pages listen on, and the
// small script every served page gets to listen with.
import type { IncomingMessage, ServerResponse } from "node:http";
import { OVERLAY_SCRIPT } from "./overlay.ts";

/** Where the channel's stream and script are served, outside any site's paths. */
export const LIVE_PATH = "/__duet/";

/**
 * The script pages load. Event data is JSON the server wrote, but it is parsed as any input is: a
 * `pages` event whose list cannot be read reloads the page (the safe side), and a `search` event's data
 * is checked by the search page, which lets the page reload when it cannot take the new index. A
 * `diagnostics` event's lines (none once the errors are fixed) are shown over the page.
 */
export const LIVE_SCRIPT = `${OVERLAY_SCRIPT}const events = new EventSource("${LIVE_PATH}events");
const searchPage = () => document.querySelector("#search[data-bundle]") !== null;
const here = () => {
  const at = decodeURIComponent(location.pathname).slice(1);
  return at === "" || at.endsWith("/") ? at + "index.html" : at;
};
const dataOf = (event) => {
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
};
events.addEventListener("reload", () => location.reload());
events.addEventListener("diagnostics", (event) => showDiagnostics(dataOf(event)?.lines));
events.addEventListener("pages", (event) => {
  const files = dataOf(event)?.files;
  if (!searchPage() && (!Array.isArray(files) || files.includes(here()))) location.reload();
});
events.addEventListener("search", (event) => {
  if (!searchPage()) return;
  // The search page takes the new index in place by cancelling this; otherwise it loads again.
  const taken = !window.dispatchEvent(new CustomEvent("duet:search-index", { detail: dataOf(event), cancelable: true }));
  if (!taken) location.reload();
});
`;

const LIVE_TAG = `<script type="module" src="${LIVE_PATH}live.js"></script>`;

/** `html` with the live-reload script added to its head (or at its end when it has none). */
export function withLiveReload(html: string): string {
  return html.includes("</head>") ? html.replace("</head>", `${LIVE_TAG}</head>`) : html + LIVE_TAG;
}

/** The pages listening for live reload. */
export function createLiveChannel() {
  const listeners = new Set<ServerResponse>();
  // Events that say how things stand rather than what just happened: a page opened later is sent them too.
  const standing = new Map<string, string>();
  const write = (res: ServerResponse, event: string, data: string) => res.write(`event: ${event}\ndata: ${data}\n\n`);
  return {
    /** How many pages listen. */
    get size(): number {
      return listeners.size;
    },
    /** Keeps `res` open as an event stream until the page goes away. */
    listen(req: IncomingMessage, res: ServerResponse): void {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      res.write(": connected\n\n");
      for (const [event, data] of standing) write(res, event, data);
      listeners.add(res);
      req.on("close", () => listeners.delete(res));
    },
    /** Sends every listening page `event` with `data`, one line of text. */
    send(event: string, data: string): void {
      for (const res of listeners) write(res, event, data);
    },
    /** Sends `event` as `send` does, and to every page that listens from now on, until sent again. */
    sendStanding(event: string, data: string): void {
      standing.set(event, data);
      for (const res of listeners) write(res, event, data);
    },
    /** Ends every stream. */
    close(): void {
      for (const res of listeners) res.end();
    },
  };
}
