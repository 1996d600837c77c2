// Eleventy adapter: the one file that knows Eleventy. Templates only print the page plan the build hands in.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { CSP_HEADER, CSP_META } from "./src/render/csp.ts";
import { STRINGS } from "./src/render/strings.ts";
import { LANGS } from "./src/types.ts";

export default function configure(config: UserConfig) {
  // Escape every value by default; only pre-rendered, already-safe HTML and JSON are printed with `| safe`.
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  config.addGlobalData("strings", STRINGS);
  config.addGlobalData("langs", LANGS);
  config.addGlobalData("csp", CSP_META);
  config.addGlobalData("cspHeader", CSP_HEADER);
  config.addFilter("otherLang", (lang: string) => (lang === "zh" ? "en" : "zh"));

  return {
    // Absolute, so a build run from any folder finds the templates (a relative input is read from the working directory).
    dir: { input: path.join(import.meta.dirname, "templates"), includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
