// Static assets: copied or bundled into the output under content-hashed names, so a page and the
// files it loads always come from the same deploy (a cached page never meets a newer stylesheet).
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../site/index.ts";
import { bundleScript } from "./bundle.ts";
import { themeStylesheet } from "./theme.ts";

/** Asset name (as templates ask for it, e.g. `style.css`) → site-relative URL of the hashed file. */
export type AssetMap = Record<string, string>;

const SCRIPTS: Record<string, string> = {
  "search.js": "src/search/client/search-page.ts",
  "app.js": "src/offline/client/app.ts",
};

/**
 * Writes every asset of `root/templates/assets`, every bundled script and the site's logo into
 * `outDir/assets/`; the stylesheet takes the site's theme colour.
 */
export async function buildAssets(root: string, outDir: string, config: SiteConfig = DEFAULT_SITE_CONFIG): Promise<AssetMap> {
  const target = path.join(outDir, "assets");
  await mkdir(target, { recursive: true });
  const sources = path.join(root, "templates", "assets");
  const files: [string, Uint8Array][] = [];
  for (const name of (await readdir(sources)).sort()) {
    const bytes = await readFile(path.join(sources, name));
    files.push([name, name === "style.css" ? themeStylesheet(bytes, config.themeColor) : bytes]);
  }
  if (config.logo) files.push([config.logo.asset, await readFile(config.logo.file)]);
  for (const [name, entry] of Object.entries(SCRIPTS)) files.push([name, await bundleScript(path.join(root, entry))]);
  const map: AssetMap = {};
  for (const [name, bytes] of files) {
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
    const ext = path.extname(name);
    const hashed = `${path.basename(name, ext)}.${hash}${ext}`;
    await writeFile(path.join(target, hashed), bytes);
    map[name] = `/assets/${hashed}`;
  }
  return map;
}
