// Validate: check every draft field and turn drafts into articles, reporting every problem at once.
import type { DateTime } from "luxon";
import { error, quote, warning } from "../diagnostics.ts";
import type { Article, ArticleDraft, Diagnostic, Located } from "../types.ts";
import { describe, NEWS_ZONE, parseNewsDate } from "./date.ts";
import { nowFromEnv } from "./future.ts";
import { checkNewsFields } from "./news.ts";
import { limitKeywords, normaliseKeywords } from "./keywords.ts";
import { fitSegment, MAX_SEGMENT_BYTES, utf8Length } from "./segment.ts";
import { checkSlug } from "./slug.ts";
import { countGraphemes, findBadCharIn, removeInvisible } from "./text.ts";

export { NEWS_ZONE, parseNewsDate } from "./date.ts";
export { nowFromEnv } from "./future.ts";
export { MAX_AUTHORS } from "./news.ts";
export { releaseArticles, type Release, type ReleaseOptions } from "./release.ts";
export { MAX_KEYWORD_LENGTH, MAX_KEYWORDS, normaliseKeywords } from "./keywords.ts";
export { checkSlug, RESERVED_SLUGS } from "./slug.ts";
export { MAX_SEGMENT_BYTES } from "./segment.ts";

/** Longest title accepted, in characters as a reader sees them (grapheme clusters, not UTF-16 units). */
export const MAX_TITLE_LENGTH = 300;
/** Fields that hold text, with the name messages give them. */
const TEXT_FIELDS = ["title", "summary", "keywords", "source", "id", "slug", "date", "image", "imageAlt", "imageCaption", "imageCredit", "author", "section"] as const;
const HAS_WORD_RE = /[\p{L}\p{N}]/u;

/** Articles that passed, and the problems of those that did not. */
export interface ValidateResult {
  /** One article per valid draft. */
  articles: Article[];
  /** Every problem found, in every draft. */
  diagnostics: Diagnostic[];
}

/** How drafts are validated. */
export interface ValidateOptions {
  /** Results of validating these drafts before, with the same zone and sections, to reuse instead of validating again. */
  memo?: ValidationMemo;
  /** IANA zone a date without an offset is read in (site.yaml's `time_zone`; default `NEWS_ZONE`, Asia/Shanghai). */
  zone?: string;
  /** The sections site.yaml lists (none: any valid slug names a section). */
  sections?: readonly string[];
}

/** One draft's validation: its article (none when it failed) and the problems found in it. */
export interface DraftResult {
  article: Article | undefined;
  found: Diagnostic[];
}

/**
 * Where validation may find a draft's earlier result, by the draft object (the parse cache hands back the
 * same object for an unchanged source). Every result recalled must have been made with the same options.
 */
export interface ValidationMemo {
  /** The earlier result for `draft`, if any. */
  recall(draft: ArticleDraft): DraftResult | undefined;
  /** Keeps the result just made for `draft`. */
  remember(draft: ArticleDraft, result: DraftResult): void;
}

/** Validates each draft independently; a draft with any error yields no article. */
export function validateDrafts(drafts: readonly ArticleDraft[], options: ValidateOptions = {}): ValidateResult {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = { zone: options.zone ?? NEWS_ZONE, sections: options.sections ?? [] };
  for (const draft of drafts) {
    const { article, found } = options.memo?.recall(draft) ?? validateAndRemember(draft, at, options.memo);
    // Both drafts of a raw scrape share its date, slug and source: report each problem once.
    diagnostics.push(...found.filter((d) => !diagnostics.some((seen) => sameDiagnostic(seen, d))));
    if (article && !found.some((d) => d.severity === "error")) articles.push(article);
  }
  return { articles, diagnostics };
}

/** Validates one draft, keeping the result in `memo` when there is one. */
function validateAndRemember(draft: ArticleDraft, at: { zone: string; sections: readonly string[] }, memo: ValidationMemo | undefined): DraftResult {
  const found: Diagnostic[] = [];
  const result = { article: validateDraft(draft, found, at), found };
  memo?.remember(draft, result);
  return result;
}

/**
 * The articles that may be published: a story is all or nothing, so an error in any file (`problems`
 * of ingest, parse and validation) keeps every article of that file's story out.
 */
export function keepWholeStories(articles: readonly Article[], problems: readonly Diagnostic[]): Article[] {
  const failedFiles = new Set(problems.filter((d) => d.severity === "error").map((d) => d.file));
  const failedKeys = new Set(articles.filter((a) => failedFiles.has(a.file)).map((a) => a.key));
  return articles.filter((a) => !failedKeys.has(a.key));
}

/**
 * Validates one draft, pushing its problems onto `out`; `zone` is what a date without an offset means,
 * `sections` the sections site.yaml lists.
 */
export function validateDraft(draft: ArticleDraft, out: Diagnostic[], { zone = NEWS_ZONE, sections = [] }: { zone?: string; sections?: readonly string[] } = {}): Article | undefined {
  const file = draft.file;
  const fail = (at: Located<unknown> | undefined, code: string, message: string) => {
    out.push(error(file, at?.line ?? 1, code, message));
  };

  const badChars = findBadChars(draft, out);
  const title = cleanText(draft.title, "title", file, out);
  if (title === undefined) {
    if (isBlank(draft.title)) fail(draft.title, "article/empty-title", `the ${draft.lang} title is empty`);
    else if (!isWrongType(draft.title)) fail(draft.title, "article/missing-title", `the ${draft.lang} version has no title`);
  } else if (!HAS_WORD_RE.test(title)) fail(draft.title, "article/empty-title", `title ${quote(title)} has no letters or digits`);
  else if (countGraphemes(title) > MAX_TITLE_LENGTH) {
    fail(draft.title, "article/title-too-long", `title is ${countGraphemes(title)} characters long; at most ${MAX_TITLE_LENGTH} are allowed`);
  }

  const date = draft.date ? parseNewsDate(draft.date.value, zone) : undefined;
  if (date && "problem" in date) fail(draft.date, "article/bad-date", date.problem);
  // A raw scrape without a date already has `raw/no-year` or `raw/no-date` saying why.
  else if (!date && draft.kind === "markdown") fail(draft.date, "article/missing-date", 'no date: add "date: 2024-01-29" (ISO 8601) to the front matter');

  const keywords = normaliseKeywords(draft.keywords?.value);
  if ("problem" in keywords) fail(draft.keywords, "article/bad-keywords", keywords.problem);
  else keywords.keywords = limitKeywords(keywords.keywords, file, draft.keywords?.line ?? 1, out);

  const slug = checkSlug(draft.slug.value, "slug");
  if ("problem" in slug) fail(draft.slug, "article/bad-slug", slug.problem);
  else slug.slug = fitSlug(slug.slug, draft, out);
  const id = draft.id ? checkSlug(draft.id.value, "id") : undefined;
  if (id && "problem" in id) fail(draft.id, "article/bad-id", id.problem);

  const source = draft.source ? checkSourceUrl(draft.source.value) : undefined;
  if (source && "problem" in source) fail(draft.source, "article/bad-source", source.problem);

  const summary = cleanText(draft.summary, "summary", file, out);
  const news = checkNewsFields(draft, out, { sections });

  if (badChars || title === undefined || !date || "problem" in date || "problem" in keywords || "problem" in slug) return undefined;
  if ((id && "problem" in id) || (source && "problem" in source) || !news.ok) return undefined;
  return {
    file,
    lang: draft.lang,
    key: id?.slug ?? slug.slug,
    slug: slug.slug,
    title,
    titleDerived: draft.titleDerived,
    date: date.date,
    keywords: keywords.keywords,
    source: source?.url,
    summary,
    ...(news.image && { image: news.image }),
    authors: news.authors,
    ...(news.section && { section: news.section }),
    draft: news.draft,
    featured: news.featured,
    body: draft.body,
  };
}

/**
 * Pushes an `article/control-char` error for each field holding a control character or a lone surrogate
 * (YAML's `"\0"`, `"\x07"`, `"\uD800"` escapes make them); true when any field does.
 */
function findBadChars(draft: ArticleDraft, out: Diagnostic[]): boolean {
  let found = false;
  for (const name of TEXT_FIELDS) {
    const field = draft[name];
    const bad = field && findBadCharIn(field.value);
    if (!field || !bad) continue;
    const hint = bad.startsWith("U+D") ? "a lone surrogate, half of a character" : bad.startsWith("U+FFF") ? "a noncharacter" : "a control character";
    out.push(error(draft.file, field.line, "article/control-char", `${name} holds ${bad}, ${hint}, which no page or feed can carry; remove it (check for escapes such as "\\x07" or "\\uD800")`));
    found = true;
  }
  return found;
}

/**
 * A slug too long for a file name once encoded (over `MAX_SEGMENT_BYTES` of UTF-8: 100 Chinese characters
 * are 300 bytes, and most file systems stop at 255) is cut, with a hash of the whole, and an
 * `article/long-slug` warning naming the URL used. Both versions of a story with one slug are cut alike.
 */
function fitSlug(slug: string, draft: ArticleDraft, out: Diagnostic[]): string {
  const fitted = fitSegment(slug);
  if (fitted !== slug) {
    const message = `slug is ${utf8Length(slug)} bytes in UTF-8, too long for a file name (at most ${MAX_SEGMENT_BYTES}); the story is published as ${quote(fitted)}`;
    out.push(warning(draft.file, draft.slug.line, "article/long-slug", message));
  }
  return fitted;
}

/** True when two diagnostics say the same thing about the same line. */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.file === b.file && a.line === b.line && a.code === b.code && a.message === b.message;
}

/** True when a field holds something other than text (already reported as `article/bad-…`). */
function isWrongType(field: Located<unknown> | undefined): boolean {
  const value = field?.value;
  return value !== undefined && value !== null && typeof value !== "string" && typeof value !== "number";
}

/** True when a field is present but holds only whitespace and invisible characters. */
function isBlank(field: Located<unknown> | undefined): boolean {
  return typeof field?.value === "string" && removeInvisible(field.value).trim() === "";
}

/** A one-line text field: whitespace collapsed, invisible characters removed with a warning. */
function cleanText(field: Located<unknown> | undefined, name: string, file: string, out: Diagnostic[]): string | undefined {
  if (!field || field.value === undefined || field.value === null) return undefined;
  if (typeof field.value !== "string" && typeof field.value !== "number") {
    out.push(error(file, field.line, `article/bad-${name}`, `${name} must be text, not ${describe(field.value)}`));
    return undefined;
  }
  const raw = String(field.value).normalize("NFC");
  const visible = removeInvisible(raw);
  if (visible !== raw) {
    out.push(warning(file, field.line, "article/invisible-chars", `${name} contains invisible or direction-changing characters; they were removed`));
  }
  const text = visible.replace(/\s+/gu, " ").trim();
  return text === "" ? undefined : text;
}

/** A source URL must be absolute http or https. */
function checkSourceUrl(value: unknown): { url: string } | { problem: string } {
  if (typeof value !== "string") return { problem: `source must be a URL, not ${describe(value)}` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: `source ${quote(value)} is not an absolute URL` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { problem: `source must be an http or https URL, not ${quote(url.protocol)}` };
  }
  return { url: url.href };
}
