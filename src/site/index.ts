// Site: site.yaml read and checked into the site's configuration, the first thing a build knows.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { error, warning } from "../diagnostics.ts";
import type { Diagnostic, Lang } from "../types.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "./config.ts";
import { checkLogo } from "./logo.ts";
import { checkAuthors, checkSections } from "./newsroom.ts";
import { checkColor, checkNav, checkPerLang, checkSiteUrl, checkTimeZone, type At } from "./values.ts";
import { parseSiteYaml, type YamlEntry, type YamlFile } from "./yaml.ts";

export { DEFAULT_SITE_CONFIG, DEFAULT_THEME_COLOR } from "./config.ts";
export type { NavLink, PerLang, SiteConfig, SiteLogo } from "./config.ts";
export type { AuthorConfig, SectionConfig } from "./config.ts";

/** The file name a project's configuration has. */
export const SITE_FILE = "site.yaml";
/** Largest site.yaml read. */
const MAX_SITE_BYTES = 256 * 1024;

/** What loading site.yaml found. */
export interface LoadedSite {
  /** The configuration: every key site.yaml got right, defaults for the rest. */
  config: SiteConfig;
  /** Problems, each on its line of site.yaml. */
  diagnostics: Diagnostic[];
  /** Display path of site.yaml (relative to the working directory), named by diagnostics about the site. */
  file: string;
  /** Absolute folder of site.yaml: the project, where `logo` and `pages/` are found. */
  dir: string;
}

/** How each key is read into the configuration. */
type KeyReader = (entry: YamlEntry, at: At, into: SiteConfig, context: { dir: string; yaml: YamlFile }) => void | Promise<void>;

const KEYS: Record<string, KeyReader> = {
  url: (e, at, into) => void (e.value === null ? undefined : (into.url = checkSiteUrl(e.value, at) ?? into.url)),
  name: (e, at, into) => {
    const name = checkPerLang(e.value, "name", at);
    if (name) into.name = name;
  },
  short_name: (e, at, into) => {
    const short = checkPerLang(e.value, "short_name", at);
    if (short) into.shortName = short;
  },
  description: (e, at, into) => void (into.description = checkPerLang(e.value, "description", at) ?? into.description),
  logo: async (e, at, into, { dir }) => void (into.logo = (await checkLogo(e.value, dir, at)) ?? into.logo),
  theme_color: (e, at, into) => void (into.themeColor = checkColor(e.value, at) ?? into.themeColor),
  time_zone: (e, at, into) => void (into.timeZone = checkTimeZone(e.value, at) ?? into.timeZone),
  nav: (e, at, into, { yaml }) => {
    const node = e.node as { getIn?: (path: unknown[], keep: boolean) => unknown } | null;
    const lineOfEntry = (lang: Lang, i: number) => yaml.lineOf(node?.getIn?.([lang, i], true), at.line);
    into.nav = checkNav(e.value, at, lineOfEntry) ?? into.nav;
  },
  footer: (e, at, into) => void (into.footer = checkPerLang(e.value, "footer", at, true) ?? into.footer),
  sections: (e, at, into, { yaml }) => void (into.sections = checkSections(e.value, at, keyLine(e, at, yaml)) ?? into.sections),
  authors: (e, at, into, { yaml }) => void (into.authors = checkAuthors(e.value, at, keyLine(e, at, yaml)) ?? into.authors),
};

/** The line of each key of a map entry's value (a section's or an author's slug). */
function keyLine(entry: YamlEntry, at: At, yaml: YamlFile): (key: string) => number {
  const node = entry.node as { items?: { key?: { value?: unknown } }[] } | null;
  return (key) => yaml.lineOf(node?.items?.find((item) => String(item.key?.value) === key)?.key, at.line);
}

/** The keys site.yaml may hold. */
export const SITE_KEYS: readonly string[] = Object.keys(KEYS);

/**
 * Loads the site's configuration from `location`: a site.yaml file, or a folder holding one. A missing
 * file means Duet's defaults, unless `required` (a path the operator gave) makes it an error. Never throws
 * for the file's content: every problem is a diagnostic on its line, and a bad value keeps its default.
 */
export async function loadSiteConfig(location: string, cwd: string, options: { required?: boolean } = {}): Promise<LoadedSite> {
  const given = path.resolve(cwd, location);
  const isDir = (await stat(given).catch(() => undefined))?.isDirectory() ?? false;
  const abs = isDir ? path.join(given, SITE_FILE) : given;
  const file = path.relative(cwd, abs).split(path.sep).join("/") || SITE_FILE;
  const loaded: LoadedSite = { config: structuredClone(DEFAULT_SITE_CONFIG), diagnostics: [], file, dir: path.dirname(abs) };
  const text = await readText(abs, file, loaded.diagnostics, options.required ?? false);
  if (text === undefined) return loaded;
  loaded.config.file = file;
  const yaml = parseSiteYaml(file, text);
  if ("diagnostics" in yaml) return { ...loaded, diagnostics: [...loaded.diagnostics, ...yaml.diagnostics] };
  const named = new Set(yaml.entries.map((e) => e.key));
  for (const entry of yaml.entries) {
    const at = { file, line: entry.line, out: loaded.diagnostics };
    const read = KEYS[entry.key];
    if (read) await read(entry, at, loaded.config, { dir: loaded.dir, yaml });
    else loaded.diagnostics.push(warning(file, entry.line, "site/unknown-key", `unknown key "${entry.key}" in site.yaml is ignored (known: ${SITE_KEYS.join(", ")})`));
  }
  // Without a short name of its own, the installed app is called by the site's name.
  if (named.has("name") && !named.has("short_name")) loaded.config.shortName = { ...loaded.config.name };
  return loaded;
}

/** The file's text: UTF-8 without a BOM, line ends normalised; undefined when missing (an error if required) or unreadable. */
async function readText(abs: string, file: string, out: Diagnostic[], required: boolean): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !required) return undefined;
    out.push(error(file, 1, "site/unreadable", code === "ENOENT" ? "site.yaml does not exist" : `site.yaml cannot be read: ${(cause as Error).message}`));
    return undefined;
  }
  if (bytes.length > MAX_SITE_BYTES) {
    out.push(error(file, 1, "site/unreadable", `site.yaml is ${bytes.length} bytes; at most ${MAX_SITE_BYTES} are read`));
    return undefined;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, "\n");
  } catch {
    out.push(error(file, 1, "site/unreadable", "site.yaml is not UTF-8 text; save it as UTF-8"));
    return undefined;
  }
}
