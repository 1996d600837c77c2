// Check: explain what the parser and validator understood of one source file, without building anything.
import path from "node:path";
import type { DateTime } from "luxon";
import { error, formatDiagnostic, printable, sortDiagnostics } from "../diagnostics.ts";
import { decodeSource } from "../ingest/decode.ts";
import { readSourceBytes, toDisplay } from "../ingest/index.ts";
import { parseMarkdownArticle } from "../parse/markdown.ts";
import { parseRawScrape } from "../parse/raw-scrape.ts";
import type { RawTrace } from "../parse/raw-scrape.ts";
import type { Article, ArticleDraft, Diagnostic, Located, SourceFile } from "../types.ts";
import { validateDrafts } from "../validate/index.ts";

/** The explanation of one file. */
export interface CheckReport {
  /** Lines to print, in order, ending with the diagnostics in the standard format. */
  lines: string[];
  /** Every diagnostic found. */
  diagnostics: Diagnostic[];
}

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });
const KIND_BY_EXTENSION: Record<string, SourceFile["kind"]> = { ".md": "markdown", ".txt": "raw" };

/**
 * Reads, decodes, parses and validates `file` (as the build would, with `now` as the build time and bare
 * dates read in `zone`, site.yaml's `time_zone`) and explains the result. Paths are shown relative to `cwd`; dates from a year folder are read relative to
 * the nearest `articles/` folder above the file, else to `cwd`.
 */
export async function checkFile(file: string, cwd: string, now: DateTime, zone?: string, sections: readonly string[] = []): Promise<CheckReport> {
  const abs = path.resolve(cwd, file);
  // Printed in the explanation lines as well as in diagnostics: a control character in a name must not split a line.
  const display = toDisplay(abs, cwd);
  const shown = printable(display);
  const kind = KIND_BY_EXTENSION[path.extname(abs).trimEnd().toLowerCase()];
  if (!kind) return failed(display, "check/not-an-article", "not an article source: Duet reads <slug>.zh.md, <slug>.en.md and raw .txt scrapes");
  const read = await readSourceBytes(abs, display);
  if ("diagnostic" in read) return explain(shown, [`${shown}: not checked`], [read.diagnostic]);
  const decoded = decodeSource(read.bytes, display, articlesRelative(abs, cwd), kind);
  if ("diagnostic" in decoded) return explain(shown, [`${shown}: could not be read as text`], [decoded.diagnostic]);

  const source = decoded.source;
  const lines = [`${shown}: ${kind === "raw" ? "raw scrape" : "Markdown article"} (path inside articles: ${printable(source.relPath)})`];
  let parsed: { drafts: ArticleDraft[]; diagnostics: Diagnostic[] };
  if (kind === "raw") {
    const raw = parseRawScrape(source);
    lines.push(...describeRaw(raw.drafts, raw.trace));
    parsed = raw;
  } else {
    parsed = parseMarkdownArticle(source);
    lines.push(...describeMarkdown(parsed.drafts[0]));
  }
  const validated = validateDrafts(parsed.drafts, { zone, sections });
  for (const article of validated.articles) {
    lines.push(`  validated ${article.lang}:`);
    lines.push(`    title     ${show(article.title)}${article.titleDerived ? " (derived)" : ""}`);
    lines.push(`    date      ${article.date.toISO()}`);
    lines.push(`    keywords  ${article.keywords.length === 0 ? "(none)" : article.keywords.map(show).join(" | ")}`);
    lines.push(`    slug      ${show(article.slug)} (pairing key ${show(article.key)}) → /${article.lang}/${printable(article.slug)}/`);
    if (article.source) lines.push(`    source    ${show(article.source)}`);
    if (article.summary) lines.push(`    summary   ${show(article.summary)}`);
    lines.push(...describeNews(article, now));
  }
  if (validated.articles.length < parsed.drafts.length) lines.push("  (a version with errors is not published; see below)");
  return explain(shown, lines, [...parsed.diagnostics, ...validated.diagnostics]);
}

/** What the raw-scrape parser understood: per-language fields, body ranges, and every dropped line with its rule. */
function describeRaw(drafts: readonly ArticleDraft[], trace: RawTrace): string[] {
  const lines: string[] = [];
  for (const lang of ["zh", "en"] as const) {
    const draft = drafts.find((d) => d.lang === lang);
    if (!draft) {
      lines.push(`  ${lang} title:  (no ${lang} version)`);
      continue;
    }
    lines.push(`  ${lang} title:  ${located(draft.title)}${draft.titleDerived ? " [derived from the lead]" : ""}`);
    if (lang === "zh" && trace.zhTitle) lines.push(`    rule ${trace.zhTitle.rule}, from the lead's sentence ${show(trace.zhTitle.candidate)}`);
    lines.push(`  ${lang} keywords: ${located(draft.keywords)}`);
  }
  const first = drafts[0];
  lines.push(`  slug:      ${slugOf(first)}`);
  lines.push(`  id:        ${located(first?.id)}`);
  lines.push(`  date:      ${located(first?.date)}`);
  lines.push(`  source:    ${located(first?.source)}`);
  lines.push(`  separator: ${trace.separatorLine ? `line ${trace.separatorLine}` : "(none)"}`);
  lines.push(`  zh body:   ${span(trace.zhBody)}`);
  lines.push(`  en body:   ${span(trace.enBody)}`);
  lines.push(`  dropped:   ${trace.dropped.length === 0 ? "(nothing)" : `${trace.dropped.length} line(s)`}`);
  for (const d of trace.dropped) lines.push(`    line ${d.line} [${d.rule}] ${show(d.text)}`);
  return lines;
}

/** What the Markdown parser understood. */
function describeMarkdown(draft: ArticleDraft | undefined): string[] {
  if (!draft) return ["  (no article: see the errors below)"];
  const body = draft.body.format === "markdown" ? `line ${draft.body.line}` : "?";
  return [
    `  lang:      ${draft.lang}`,
    `  slug:      ${slugOf(draft)}`,
    `  id:        ${located(draft.id)}`,
    `  title:     ${located(draft.title)}`,
    `  date:      ${located(draft.date)}`,
    `  keywords:  ${located(draft.keywords)}`,
    `  source:    ${located(draft.source)}`,
    `  summary:   ${located(draft.summary)}`,
    `  body:      starts on ${body}`,
  ];
}

/** The slug with where it came from: front matter keys are never on line 1 (the `---`), so line 1 means the file name. */
function slugOf(draft: ArticleDraft | undefined): string {
  if (!draft) return "(none)";
  return draft.slug.line === 1 ? `${show(draft.slug.value)} (from the file name)` : located(draft.slug);
}

/** A value from the source with its line, or `(none)`. */
function located(value: Located<unknown> | undefined): string {
  if (value === undefined || value.value === undefined) return "(none)";
  return `${show(value.value)} (line ${value.line})`;
}

/** A value as JSON, with invisible and control characters escaped, long values cut. */
function show(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  const chars = Array.from(graphemes.segment(text), (s) => s.segment);
  // Cut at a whole grapheme: half an emoji sequence or a lone surrogate would print as garbage.
  const cut = chars.length > 200 ? `${chars.slice(0, 200).join("")}… (${chars.length} characters)` : text;
  return typeof value === "string" ? `"${printable(cut)}"` : printable(cut);
}

/** `lines a–b`, or `(none)`. */
function span(range: [number, number] | undefined): string {
  return range ? `lines ${range[0]}–${range[1]}` : "(none)";
}

/** Appends the diagnostics, sorted, in the standard format; `display` is already printable. */
function explain(display: string, lines: string[], diagnostics: Diagnostic[]): CheckReport {
  const sorted = sortDiagnostics(diagnostics);
  lines.push(sorted.length === 0 ? `  ${display}: no problems` : `  ${sorted.length} problem(s):`);
  return { lines: [...lines, ...sorted.map(formatDiagnostic)], diagnostics: sorted };
}

/** A report for a file that could not even be read. */
function failed(display: string, code: string, message: string): CheckReport {
  return explain(printable(display), [`${printable(display)}: not checked`], [error(display, 1, code, message)]);
}

/** The path inside the nearest `articles` folder above `abs` (so `articles/2024/x.txt` gives `2024/x.txt`), else relative to `cwd`. */
function articlesRelative(abs: string, cwd: string): string {
  const parts = abs.split(path.sep);
  const at = parts.lastIndexOf("articles");
  if (at >= 0 && at < parts.length - 1) return parts.slice(at + 1).join("/");
  return toDisplay(abs, cwd);
}

/** The photo, byline, section and publication state of a validated version. */
function describeNews(article: Article, now: DateTime): string[] {
  const lines: string[] = [];
  if (article.image) {
    const where = "url" in article.image.src ? `${show(article.image.src.url)} (remote: shown as a link)` : show(article.image.src.path);
    lines.push(`    image     ${where}, alt ${show(article.image.alt)}`);
  }
  if (article.authors.length > 0) lines.push(`    authors   ${article.authors.map(show).join(" | ")}`);
  if (article.section) lines.push(`    section   ${show(article.section)}`);
  const state = article.draft ? "draft: left out of builds, shown by npm start" : article.date > now ? `held back until ${article.date.toISO()} (--future publishes it now)` : "published";
  lines.push(`    state     ${state}${article.featured ? ", featured" : ""}`);
  return lines;
}
