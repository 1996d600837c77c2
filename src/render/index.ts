// Render: the page plan through Eleventy and templates/ into an output directory.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import type { SitePlan } from "./plan.ts";
import { sitePath } from "./site-url.ts";
import { buildAssets, type AssetMap } from "./assets.ts";

export { planSite, articleUrl, pageUrl, PAGE_SIZE } from "./plan.ts";
export type { ArticlePage, IndexPage, ListEntry, ListPage, SitePlan, VersionLink } from "./plan.ts";
export { parseBaseUrl, DEFAULT_BASE_URL } from "./site-url.ts";
export { renderBody, escapeHtml } from "./body.ts";
export { STRINGS } from "./strings.ts";
export { bundleScript } from "./bundle.ts";
export type { AssetMap } from "./assets.ts";

/** Where and how to render. */
export interface RenderOptions {
  /** Directory the pages are written to. */
  outDir: string;
  /** Project root holding `templates/` and `.eleventy.ts`. */
  root: string;
  /** False when the site ships the service-worker kill switch: pages then unregister instead of registering. */
  serviceWorker?: boolean;
}

/** Renders every planned page with Eleventy; Eleventy's failures are rethrown with their cause. */
export async function renderSite(plan: SitePlan, options: RenderOptions): Promise<AssetMap> {
  const { diagnostics: _, ...site } = plan;
  const assets = await buildAssets(options.root, options.outDir);
  const eleventy = new Eleventy(path.join(options.root, "templates"), options.outDir, {
    configPath: path.join(options.root, ".eleventy.ts"),
    pathPrefix: plan.site.pathPrefix,
    quietMode: true,
    config: (config) => {
      config.addGlobalData("site", site);
      config.addGlobalData("assets", assets);
      config.addGlobalData("serviceWorker", options.serviceWorker ?? true);
      // Links within the site: the path prefix added. A plain function, called about 60 times a page.
      config.addFilter("u", (path: string) => sitePath(plan.site, path));
    },
  });
  // Duet prints its own summary; Eleventy's "Wrote N files" line would only repeat it.
  eleventy.logger.overrideLogger(false);
  try {
    await eleventy.write();
  } catch (cause) {
    throw new Error(`rendering pages failed: ${(cause as Error).message}`, { cause });
  }
  return assets;
}
