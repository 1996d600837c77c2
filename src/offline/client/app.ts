// Every page's script: registers the service worker, offers a reload when a new deploy is waiting,
// and marks a story that is available offline. Pages work the same without it.
import { Workbox } from "workbox-window";

const STRINGS = {
  zh: { update: "网站有新版本。", reload: "重新加载", offline: "已可离线阅读" },
  en: { update: "A new version of this site is available.", reload: "Reload", offline: "Available offline" },
};
const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
const ui = STRINGS[lang];

if ("serviceWorker" in navigator && document.documentElement.dataset.sw === "off") {
  // This deploy ships the kill switch: remove any worker instead of installing one.
  void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
} else if ("serviceWorker" in navigator) {
  const sw = new URL("../sw.js", import.meta.url);
  const wb = new Workbox(sw.href, { scope: new URL("../", import.meta.url).pathname });
  // A new deploy's worker waits until the reader chooses to reload, so no page mixes two deploys.
  wb.addEventListener("waiting", () => showUpdatePrompt(() => {
    wb.addEventListener("controlling", () => location.reload());
    wb.messageSkipWaiting();
  }));
  void wb.register();
  void markOffline();
}

function showUpdatePrompt(accept: () => void): void {
  if (document.getElementById("update-prompt")) return;
  const bar = document.createElement("div");
  bar.id = "update-prompt";
  bar.setAttribute("role", "status");
  bar.className = "update-prompt";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = ui.reload;
  button.addEventListener("click", accept);
  bar.append(`${ui.update} `, button);
  document.body.append(bar);
}

/** Shows the "available offline" mark on an article whose page is in a cache. */
async function markOffline(): Promise<void> {
  const mark = document.querySelector<HTMLElement>(".offline-mark");
  if (!mark || !("caches" in window)) return;
  const url = new URL(location.href);
  url.search = "";
  const cached = (await caches.match(url.href)) ?? (await caches.match(`${url.href}index.html`, { ignoreSearch: true }));
  if (cached) {
    mark.textContent = ui.offline;
    mark.hidden = false;
  }
}
