// Eleventy adapter: the one file that knows Eleventy. Templates only print the page plan the build hands in.
import type { UserConfig } from "@11ty/eleventy";
import { STRINGS } from "./src/render/strings.ts";
import { LANGS } from "./src/types.ts";

export default function configure(config: UserConfig) {
  // Escape every value by default; only pre-rendered, already-safe article HTML is printed with `| safe`.
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  config.addGlobalData("strings", STRINGS);
  config.addGlobalData("langs", LANGS);
  config.addPassthroughCopy({ "templates/assets": "assets" });
  config.addFilter("otherLang", (lang: string) => (lang === "zh" ? "en" : "zh"));

  return {
    dir: { input: "templates", includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
