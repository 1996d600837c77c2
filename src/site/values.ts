// The checks of site.yaml's plain values: URLs, per-language text, colours, zones and header links.
import { IANAZone } from "luxon";
import { error, quote, warning } from "../diagnostics.ts";
import { findBadChar } from "../shared/bad-chars.ts";
import { LANGS, type Diagnostic, type Lang } from "../types.ts";
import type { NavLink, PerLang } from "./config.ts";
import { contrastOnPage, NAMED_COLORS, PAGE_BACKGROUND } from "./colors.ts";

/** Where a value is, for its diagnostics. */
export interface At {
  file: string;
  line: number;
  out: Diagnostic[];
}

const HEX_COLOR_RE = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** A colour function with plain numeric arguments (`rgb(138 28 28)`, `hsl(0, 66%, 33%)`, `oklch(0.4 0.1 25 / 80%)`). */
const COLOR_FUNCTION_RE = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*[-+0-9.%a-z]+(?:\s*[,\s/]\s*[-+0-9.%a-z]+){2,3}\s*\)$/i;
/** Contrast link text needs on its background (WCAG 2 AA, normal text). */
const MIN_CONTRAST = 4.5;
/** Schemes a header link may use; `javascript:`, `data:` and the like run code or hide content. */
const NAV_SCHEME_RE = /^https?:$/;

/** A short description of a value's type for messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a map" : `a ${typeof value}`;
}

/** One line of text: a string (or number), whitespace collapsed; undefined (reported) otherwise. */
export function checkText(value: unknown, what: string, at: At): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") {
    at.out.push(error(at.file, at.line, "site/bad-value", `${what} must be text, not ${describe(value)}`));
    return undefined;
  }
  const bad = findBadChar(String(value));
  if (bad) {
    at.out.push(error(at.file, at.line, "site/bad-value", `${what} holds ${bad}, a control character or noncharacter no page or feed can carry`));
    return undefined;
  }
  const text = String(value).replace(/\s+/gu, " ").trim();
  if (text === "") at.out.push(error(at.file, at.line, "site/bad-value", `${what} is empty`));
  return text === "" ? undefined : text;
}

/**
 * A value given once per language (`{ zh: …, en: … }`); a language left out is `site/missing-language`.
 * `allowEmpty` lets a language say "" (a footer may be blank). Undefined (reported) when any part is wrong.
 */
export function checkPerLang(value: unknown, key: string, at: At, allowEmpty = false): PerLang | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    at.out.push(error(at.file, at.line, "site/bad-value", `${key} must give each language its own text, as { zh: …, en: … }, not ${describe(value)}`));
    return undefined;
  }
  const map = value as Record<string, unknown>;
  const result: Partial<PerLang> = {};
  let ok = true;
  for (const lang of LANGS) {
    if (!(lang in map)) {
      at.out.push(error(at.file, at.line, "site/missing-language", `${key} has no ${lang} value; give every language one (${LANGS.join(", ")})`));
      ok = false;
      continue;
    }
    const text = allowEmpty && map[lang] === "" ? "" : checkText(map[lang], `${key}.${lang}`, at);
    if (text === undefined) ok = false;
    else result[lang] = text;
  }
  for (const other of Object.keys(map).filter((k) => !(LANGS as readonly string[]).includes(k))) {
    at.out.push(error(at.file, at.line, "site/missing-language", `${key} has a value for ${quote(other)}, which is not a language Duet publishes (${LANGS.join(", ")})`));
  }
  return ok ? (result as PerLang) : undefined;
}

/** The site's address: an absolute http(s) URL without credentials, query or fragment; normalised to end in `/`. */
export function checkSiteUrl(value: unknown, at: At): string | undefined {
  const fail = (why: string) => {
    at.out.push(error(at.file, at.line, "site/bad-url", `url ${why}; write the address the site is served at, such as "https://news.example.org/"`));
    return undefined;
  };
  if (typeof value !== "string") return fail(`must be text, not ${describe(value)}`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return fail(`${quote(value)} is not an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail(`must be http or https, not ${quote(url.protocol)}`);
  if (url.username || url.password) return fail("must not hold a user name or password");
  if (url.search || url.hash) return fail("must not hold a query (?…) or a fragment (#…)");
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** A CSS colour: hex, a colour function with numeric arguments, or a named colour. */
export function checkColor(value: unknown, at: At): string | undefined {
  const text = typeof value === "string" ? value.trim() : "";
  if (HEX_COLOR_RE.test(text) || COLOR_FUNCTION_RE.test(text) || NAMED_COLORS.has(text.toLowerCase())) {
    const contrast = contrastOnPage(text);
    if (contrast !== undefined && contrast < MIN_CONTRAST) {
      const message = `theme_color ${quote(text)} has a contrast of ${contrast.toFixed(1)}:1 on the page background (${PAGE_BACKGROUND}); links and buttons in it need ${MIN_CONTRAST}:1 to be readable (WCAG AA): choose a darker colour`;
      at.out.push(warning(at.file, at.line, "site/low-contrast", message));
    }
    return text;
  }
  const shown = typeof value === "string" ? quote(value) : describe(value);
  at.out.push(error(at.file, at.line, "site/bad-color", `theme_color ${shown} is not a CSS colour; write one such as "#8a1c1c", "rgb(138 28 28)" or "darkred" (quote a hex colour: # starts a YAML comment)`));
  return undefined;
}

/** An IANA time zone luxon knows (`Asia/Shanghai`, `Europe/London`). */
export function checkTimeZone(value: unknown, at: At): string | undefined {
  if (typeof value === "string" && IANAZone.isValidZone(value.trim())) return value.trim();
  const shown = typeof value === "string" ? quote(value) : describe(value);
  at.out.push(error(at.file, at.line, "site/bad-time-zone", `time_zone ${shown} is not an IANA time zone; write one such as "Asia/Shanghai" or "Europe/London"`));
  return undefined;
}

/** One header link `{ title, url }`: a site-relative path or an absolute http(s) URL. */
export function checkNavLink(value: unknown, where: string, at: At): NavLink | undefined {
  const fail = (why: string) => {
    at.out.push(error(at.file, at.line, "site/bad-nav", `${where} ${why}`));
    return undefined;
  };
  if (value === null || typeof value !== "object" || Array.isArray(value)) return fail(`must be { title: …, url: … }, not ${describe(value)}`);
  const { title, url, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) return fail(`has unknown keys (${extra.join(", ")}); a link has a title and a url`);
  const text = checkText(title, `${where}.title`, at);
  if (typeof url !== "string" || url.trim() === "") return fail(`needs a url, a site path such as "/zh/about/" or an http(s) address`);
  const target = url.trim();
  if (target.startsWith("/") && !target.startsWith("//")) return text === undefined ? undefined : { title: text, url: target, external: false };
  let parsed: URL | undefined;
  try {
    parsed = new URL(target);
  } catch {
    return fail(`url ${quote(target)} is neither a site path starting with "/" nor an absolute http(s) address`);
  }
  if (!NAV_SCHEME_RE.test(parsed.protocol)) return fail(`url ${quote(target)} uses ${quote(parsed.protocol)}; a header link may only be a site path or http(s)`);
  return text === undefined ? undefined : { title: text, url: parsed.href, external: true };
}

/** The header links of each language: `{ zh: [ … ], en: [ … ] }`; entries with problems are left out. */
export function checkNav(value: unknown, at: At, lineOfEntry: (lang: Lang, i: number) => number): Record<Lang, NavLink[]> | undefined {
  const langs = checkPerLangShape(value, "nav", at);
  if (!langs) return undefined;
  const nav: Record<Lang, NavLink[]> = { zh: [], en: [] };
  for (const lang of LANGS) {
    const list = langs[lang];
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) {
      at.out.push(error(at.file, at.line, "site/bad-nav", `nav.${lang} must be a list of { title, url } links, not ${describe(list)}`));
      continue;
    }
    list.forEach((entry, i) => {
      const line = lineOfEntry(lang, i);
      const link = checkNavLink(entry, `nav.${lang}[${i + 1}]`, { ...at, line });
      if (link) nav[lang].push(link.external ? link : { ...link, line });
    });
  }
  return nav;
}

/** A per-language map whose values are checked elsewhere: its languages are all there and none is unknown. */
function checkPerLangShape(value: unknown, key: string, at: At): Record<string, unknown> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    at.out.push(error(at.file, at.line, "site/bad-value", `${key} must give each language its own list, as { zh: […], en: […] }, not ${describe(value)}`));
    return undefined;
  }
  const map = value as Record<string, unknown>;
  for (const lang of LANGS) if (!(lang in map)) at.out.push(error(at.file, at.line, "site/missing-language", `${key} has no ${lang} entry; give every language one (an empty list [] for none)`));
  for (const other of Object.keys(map).filter((k) => !(LANGS as readonly string[]).includes(k))) {
    at.out.push(error(at.file, at.line, "site/missing-language", `${key} has an entry for ${quote(other)}, which is not a language Duet publishes (${LANGS.join(", ")})`));
  }
  return map;
}
