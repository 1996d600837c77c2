// Browser test harness: serve a built site on 127.0.0.1 (optionally under a sub-path) and drive system Chromium.
import { chromium, type Browser, type Page } from "playwright-core";
import { serveSite, type SiteServer } from "../../src/serve/index.ts";

/** A running static server (the one `npm start` uses, without live reload). */
export type StaticServer = SiteServer;

/** Serves `root` at `prefix` on a free loopback port, as a static host would (404.html for misses). */
export function serveStatic(root: string, prefix = "/"): Promise<StaticServer> {
  return serveSite(root, { prefix });
}

/** Launches the system Chromium headless (set CHROMIUM_PATH to use another binary). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Waits until a search page's status line has settled (not empty, not "Searching…") and returns it. */
export async function settledStatus(page: Page, timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const status = document.querySelector(".search-status")?.textContent ?? "";
    return status !== "" && !status.endsWith("…") ? status : false;
  }, undefined, { timeout });
  return (await handle.jsonValue()) as string;
}
