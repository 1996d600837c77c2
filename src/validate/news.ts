// News fields: the lead photo, bylines, the section, and whether a version is a draft or leads the front page.
import path from "node:path";
import { error, quote, warning } from "../diagnostics.ts";
import type { ArticleDraft, Diagnostic, LeadImage, Located } from "../types.ts";
import { describe } from "./date.ts";
import { checkSlug } from "./slug.ts";
import { countGraphemes, removeInvisible } from "./text.ts";

/** Most bylines one version may carry. */
export const MAX_AUTHORS = 10;
/** Longest author name, and longest alt text, caption or credit, in characters as a reader sees them. */
const MAX_NAME_LENGTH = 100;
const MAX_PHOTO_TEXT = 500;
const SCHEME_RE = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/** What the news fields of one draft came to; `ok` is false when any of them is an error. */
export interface NewsFields {
  ok: boolean;
  image?: LeadImage;
  authors: string[];
  section?: string;
  draft: boolean;
  featured: boolean;
}

/** How news fields are checked: the sections site.yaml lists (none listed: any valid slug is a section). */
export interface NewsOptions {
  sections?: readonly string[];
}

/** Checks the photo, byline, section, draft and featured fields of `draft`, pushing problems onto `out`. */
export function checkNewsFields(draft: ArticleDraft, out: Diagnostic[], options: NewsOptions = {}): NewsFields {
  const before = out.filter((d) => d.severity === "error").length;
  const image = checkImage(draft, out);
  const authors = checkAuthors(draft.author, draft.file, out);
  const section = checkSection(draft.section, draft.file, out, options.sections ?? []);
  const isDraft = checkFlag(draft.draft, "draft", draft.file, out);
  const featured = checkFlag(draft.featured, "featured", draft.file, out);
  const ok = out.filter((d) => d.severity === "error").length === before;
  return { ok, ...(image && { image }), authors, ...(section && { section }), draft: isDraft, featured };
}

/** The lead photo: a path relative to the source file (kept inside the project) or an http(s) URL, with its alt text. */
function checkImage(draft: ArticleDraft, out: Diagnostic[]): LeadImage | undefined {
  const { file } = draft;
  const alt = photoText(draft.imageAlt, "image_alt", file, out);
  const caption = photoText(draft.imageCaption, "image_caption", file, out);
  const credit = photoText(draft.imageCredit, "image_credit", file, out);
  if (!draft.image || draft.image.value === null) {
    for (const [field, name] of [[draft.imageAlt, "image_alt"], [draft.imageCaption, "image_caption"], [draft.imageCredit, "image_credit"]] as const) {
      if (field) out.push(warning(file, field.line, "article/photo-text-without-image", `${name} is set but there is no "image:"; it is not shown`));
    }
    return undefined;
  }
  const { value, line } = draft.image;
  if (typeof value !== "string" || value.trim() === "") {
    out.push(error(file, line, "article/bad-image", `image must be a file path or an http(s) address, not ${describe(value)}`));
    return undefined;
  }
  const written = value.trim();
  const src = imageSource(written);
  if ("problem" in src) out.push(error(file, line, "article/bad-image", src.problem));
  if (alt === undefined) {
    const message = `image ${quote(written)} has no "image_alt:"; describe the photo for readers who cannot see it (a blind reader's screen reader says it aloud)`;
    out.push(error(file, draft.imageAlt?.line ?? line, "article/image-no-alt", message));
  }
  if ("problem" in src || alt === undefined) return undefined;
  const resolved = "url" in src ? src : { path: path.posix.normalize(path.posix.join(path.posix.dirname(file), src.relative)) };
  return { src: resolved, written, line, alt, ...(caption && { caption }), ...(credit && { credit }) };
}

/** A photo address: an absolute http(s) URL, or a relative path (never absolute, never another scheme). */
function imageSource(written: string): { url: string } | { relative: string } | { problem: string } {
  if (/^https?:\/\//i.test(written)) {
    try {
      return { url: new URL(written).href };
    } catch {
      return { problem: `image ${quote(written)} is not a valid address` };
    }
  }
  if (SCHEME_RE.test(written)) return { problem: `image ${quote(written)} must be a path relative to the story's file or an http(s) address` };
  if (written.startsWith("/") || /^[a-z]:[\\/]/i.test(written)) {
    return { problem: `image ${quote(written)} is an absolute path; write it relative to the story's file, such as "images/pier.jpg"` };
  }
  return { relative: written.replace(/\\/g, "/") };
}

/** Alt text, caption or credit: one line of text. */
function photoText(field: Located<unknown> | undefined, name: string, file: string, out: Diagnostic[]): string | undefined {
  if (!field || field.value === null || field.value === undefined) return undefined;
  if (typeof field.value !== "string" && typeof field.value !== "number") {
    out.push(error(file, field.line, `article/bad-${name.replace("_", "-")}`, `${name} must be text, not ${describe(field.value)}`));
    return undefined;
  }
  const text = removeInvisible(String(field.value).normalize("NFC")).replace(/\s+/gu, " ").trim();
  if (countGraphemes(text) > MAX_PHOTO_TEXT) {
    out.push(error(file, field.line, `article/bad-${name.replace("_", "-")}`, `${name} is ${countGraphemes(text)} characters long; at most ${MAX_PHOTO_TEXT} are allowed`));
    return undefined;
  }
  return text === "" ? undefined : text;
}

/** Bylines: one name or a list of names, each one line of text. */
function checkAuthors(field: Located<unknown> | undefined, file: string, out: Diagnostic[]): string[] {
  if (!field || field.value === null || field.value === undefined) return [];
  const values = Array.isArray(field.value) ? field.value : [field.value];
  const bad = (why: string) => (out.push(error(file, field.line, "article/bad-author", why)), []);
  if (values.length > MAX_AUTHORS) return bad(`${values.length} authors are listed; at most ${MAX_AUTHORS} are allowed`);
  const names: string[] = [];
  for (const value of values) {
    if (typeof value !== "string") return bad(`author must be a name or a list of names, not ${describe(value)}`);
    const name = removeInvisible(value.normalize("NFC")).replace(/\s+/gu, " ").trim();
    if (!/[\p{L}\p{N}]/u.test(name)) return bad(`author ${quote(value)} has no letters`);
    if (countGraphemes(name) > MAX_NAME_LENGTH) return bad(`author ${quote(name.slice(0, 20))}… is over ${MAX_NAME_LENGTH} characters long`);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The section: a slug, one of site.yaml's when it lists any. */
function checkSection(field: Located<unknown> | undefined, file: string, out: Diagnostic[], known: readonly string[]): string | undefined {
  if (!field || field.value === null || field.value === undefined) return undefined;
  const slug = checkSlug(field.value, "section");
  if ("problem" in slug) {
    out.push(error(file, field.line, "article/bad-section", slug.problem));
    return undefined;
  }
  if (known.length > 0 && !known.includes(slug.slug)) {
    const message = `section ${quote(slug.slug)} is not one of site.yaml's sections (known: ${known.join(", ")}); add it there or correct the name`;
    out.push(error(file, field.line, "article/unknown-section", message));
    return undefined;
  }
  return slug.slug;
}

/** `draft` and `featured`: YAML booleans only, so a "no" or "false" in quotes never publishes a draft by accident. */
function checkFlag(field: Located<unknown> | undefined, name: "draft" | "featured", file: string, out: Diagnostic[]): boolean {
  if (!field || field.value === null || field.value === undefined) return false;
  if (typeof field.value === "boolean") return field.value;
  const shown = typeof field.value === "string" ? quote(field.value) : describe(field.value);
  const message = `${name} must be true or false (without quotes), not ${shown}`;
  out.push(error(file, field.line, `article/bad-${name}`, message));
  // A draft marked wrongly is still treated as a draft: never published by accident.
  return name === "draft";
}
