// What an update takes as the last whole build left it: site.yaml's configuration and the newsroom's own
// pages. The dev server watches both (see server.ts): a change to either makes a whole build, so an
// update reads neither again.
import path from "node:path";
import { loadPages } from "../pages/index.ts";
import { loadSiteConfig, SITE_FILE, type SiteConfig } from "../site/index.ts";
import type { Diagnostic, SitePage } from "../types.ts";

/** The site's own sources, as a whole build read them. */
export interface SiteSources {
  /** site.yaml's configuration. */
  config: SiteConfig;
  /** The newsroom's pages (pages/<lang>/). */
  pages: readonly SitePage[];
  /** The problems of both, reported by every update as by the build. */
  diagnostics: Diagnostic[];
}

/** Reads site.yaml and the newsroom's pages as a build in `cwd` does. */
export async function loadSiteSources(cwd: string): Promise<SiteSources> {
  const site = await loadSiteConfig(SITE_FILE, cwd);
  const pages = await loadPages(path.join(site.dir, "pages"), cwd);
  return { config: site.config, pages: pages.pages, diagnostics: [...site.diagnostics, ...pages.diagnostics] };
}
