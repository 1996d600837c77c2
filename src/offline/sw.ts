// The service worker: the shell and newest stories precached, articles network-first, lists
// stale-while-revalidate, photos cache-first, the search bundle cached for offline queries, an offline page for the rest.
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { SEARCH_CACHE, SEARCH_FILE_LIST } from "./files.ts";
import { pageRoute } from "./routes.ts";
import { ROOT_PATHS } from "../types.ts";

/** The runtime cache of photos (`media/`). */
const MEDIA_CACHE = "duet-media";

interface WorkerScope {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  registration: { scope: string };
  location: { origin: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: "message", listener: (event: { data?: { type?: string }; waitUntil?(p: Promise<unknown>): void }) => void): void;
}
const worker = self as unknown as WorkerScope;
/** Path the site is served under, such as `/` or `/news/`. */
const base = new URL(worker.registration.scope).pathname;

// Precached files never vary by query: the search page is the same for every ?q=, and Pagefind's
// ?ts= on its entry file must not defeat the cache. Workbox's injectManifest replaces the literal
// `self.__WB_MANIFEST` with the precache list.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/], directoryIndex: "index.html" });
cleanupOutdatedCaches();

registerRoute(
  ({ request, url }) => request.mode === "navigate" && pageRoute(url.pathname, base) === "article",
  new NetworkFirst({ cacheName: "duet-articles", networkTimeoutSeconds: 4, plugins: [new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true })] }),
);
registerRoute(
  ({ request, url }) => request.mode === "navigate" && pageRoute(url.pathname, base) === "list",
  new StaleWhileRevalidate({ cacheName: "duet-lists", plugins: [new ExpirationPlugin({ maxEntries: 60, purgeOnQuotaError: true })] }),
);
// Pagefind's chunks and fragments are named by their content: once fetched they never change.
registerRoute(
  ({ url }) => url.pathname.startsWith(`${base}pagefind/`),
  new CacheFirst({ cacheName: SEARCH_CACHE, matchOptions: { ignoreSearch: true } }),
);

// Photos are never precached (they would blow the install budget): each is cached when first shown, a
// bounded number for a bounded time. Their names are content hashes, so a cached copy is never stale.
registerRoute(
  ({ url }) => url.pathname.startsWith(`${base}${ROOT_PATHS.media}`),
  new CacheFirst({ cacheName: MEDIA_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true })] }),
);

// Anything else that cannot be had: the offline page of the language the reader was in.
setCatchHandler(async ({ request, url }) => {
  if (request.mode !== "navigate") return Response.error();
  const lang = url.pathname.startsWith(`${base}en/`) ? "en" : "zh";
  return (await matchPrecache(`${base}${lang}/offline/index.html`)) ?? Response.error();
});

worker.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") void worker.skipWaiting();
  if (event.data?.type === "CACHE_SEARCH") event.waitUntil?.(cacheSearchBundle());
});

/** After a reader's first online search: fetch the whole search bundle so every later query works offline. */
async function cacheSearchBundle(): Promise<void> {
  const list: unknown = await (await fetch(`${base}pagefind/${SEARCH_FILE_LIST}`)).json();
  if (!isFileList(list)) throw new Error(`${SEARCH_FILE_LIST} is not a list of file names`);
  const cache = await caches.open(SEARCH_CACHE);
  const missing: string[] = [];
  for (const file of list) if (!(await cache.match(`${base}pagefind/${file}`, { ignoreSearch: true }))) missing.push(file);
  for (let i = 0; i < missing.length; i += 16) {
    await Promise.all(missing.slice(i, i + 16).map((file) => cache.add(`${base}pagefind/${file}`).catch(() => undefined)));
  }
}

/** True for the search bundle's file list: file names, relative to `pagefind/`. */
function isFileList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((file) => typeof file === "string");
}
