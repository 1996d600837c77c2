// Bytes a browser context fetched, split into page shell and search bundle, raw and as a gzipping static host would send them.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Request } from "playwright-core";

/** Bytes of one stretch of requests. */
export interface Bytes {
  /** Requests finished. */
  requests: number;
  /** HTML, CSS, the search page's script: everything outside `/pagefind/`. */
  shellRaw: number;
  shellGzip: number;
  /** Everything under `/pagefind/`. */
  searchRaw: number;
  searchGzip: number;
}

/** Records what a context fetches from a site served from `root`; `take()` returns the bytes since the last take. */
export interface TransferRecorder {
  take(): Promise<Bytes>;
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** Gzip sizes by file, shared across measurements (the same files are fetched again and again). */
const gzipCache = new Map<string, number>();

/**
 * Starts recording. Body sizes come from the served files (the benchmark's server sends them as they are on disk;
 * Chromium reports 0 for a worker's script), header sizes from Chromium. The gzip figure compresses each body at
 * zlib's default level, except Pagefind's index files, which are gzip streams already and count as they are.
 */
export function recordTransfers(context: BrowserContext, root: string, prefix = "/"): TransferRecorder {
  let pending: Promise<Entry>[] = [];
  let inFlight = 0;
  context.on("request", () => void inFlight++);
  context.on("requestfailed", () => void inFlight--);
  context.on("requestfinished", (request: Request) => {
    inFlight--;
    pending.push(measureRequest(request, root, prefix));
  });
  return {
    async take() {
      // Chromium reports a finished request a moment after the page has used it: wait for the stragglers (up to 2 s).
      for (let waited = 0; inFlight > 0 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      const entries = await Promise.all(pending);
      pending = [];
      const bytes: Bytes = { requests: entries.length, shellRaw: 0, shellGzip: 0, searchRaw: 0, searchGzip: 0 };
      for (const entry of entries) {
        if (entry.search) {
          bytes.searchRaw += entry.raw;
          bytes.searchGzip += entry.gzip;
        } else {
          bytes.shellRaw += entry.raw;
          bytes.shellGzip += entry.gzip;
        }
      }
      return bytes;
    },
  };
}

interface Entry {
  search: boolean;
  raw: number;
  gzip: number;
}

async function measureRequest(request: Request, root: string, prefix: string): Promise<Entry> {
  const pathname = decodeURIComponent(new URL(request.url()).pathname);
  const sizes = await request.sizes();
  const inside = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
  const file = inside === undefined ? undefined : await servedFile(path.join(root, path.normalize(`/${inside}`)));
  const search = (inside ?? "").startsWith("pagefind/");
  if (!file) return { search, raw: sizes.responseHeadersSize + sizes.responseBodySize, gzip: sizes.responseHeadersSize + sizes.responseBodySize };
  const { size } = await stat(file);
  let gzip = gzipCache.get(file);
  if (gzip === undefined) {
    const body = await readFile(file);
    gzip = body[0] === GZIP_MAGIC[0] && body[1] === GZIP_MAGIC[1] ? body.length : gzipSync(body).length;
    gzipCache.set(file, gzip);
  }
  return { search, raw: sizes.responseHeadersSize + size, gzip: sizes.responseHeadersSize + gzip };
}

/** The file the static server answers with for `file` (a directory means its index.html), if any. */
async function servedFile(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) return servedFile(path.join(file, "index.html"));
  return info?.isFile() ? file : undefined;
}
