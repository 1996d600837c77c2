// The kill switch: a service worker that removes Duet's caches and unregisters itself.

/**
 * Deployed in place of the normal `sw.js` (`npm run build -- --kill-service-worker`), this takes over
 * from any installed worker at once, deletes every cache it made, unregisters, and reloads open pages,
 * which then load from the network as if no worker had ever been installed.
 */
export const KILL_SWITCH_WORKER = `// Duet kill switch: removes the offline caches and the service worker itself.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
  })());
});
`;
