// Pages: what the newsroom writes itself (About, Contact, Corrections), `pages/<lang>/<slug>.md`, read and
// checked the way articles are: clean UTF-8, YAML front matter, slugs that never shadow the site's own names.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { error, quote, warning } from "../diagnostics.ts";
import { decodeSource } from "../ingest/decode.ts";
import { findUnsafeLinks, parseFrontMatter } from "../parse/index.ts";
import { LANGS, type Diagnostic, type Lang, type SitePage } from "../types.ts";
import { checkSlug } from "../validate/index.ts";

/** Front matter keys a page may use. */
export const PAGE_KEYS = ["title", "summary", "nav", "order"] as const;

/** The pages found and the problems of those left out. */
export interface LoadedPages {
  /** Every page without an error, by language folder then file name. */
  pages: SitePage[];
  /** Problems of every file, errors keeping a page out. */
  diagnostics: Diagnostic[];
}

/** Reads every `<dir>/<lang>/<slug>.md` (`dir` absolute; paths in diagnostics relative to `cwd`). A missing `dir` holds no pages. */
export async function loadPages(dir: string, cwd: string): Promise<LoadedPages> {
  const found: LoadedPages = { pages: [], diagnostics: [] };
  const top = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of top.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (ignored(entry.name)) continue;
    const display = displayOf(path.join(dir, entry.name), cwd);
    if (!entry.isDirectory() || !(LANGS as readonly string[]).includes(entry.name)) {
      found.diagnostics.push(error(display, 1, "page/no-language", `pages go in a language folder: pages/${LANGS.join("/ or pages/")}/<slug>.md`));
      continue;
    }
    const lang = entry.name as Lang;
    const files = await readdir(path.join(dir, lang), { withFileTypes: true });
    for (const file of files.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (ignored(file.name)) continue;
      const abs = path.join(dir, lang, file.name);
      const page = await readPage(abs, displayOf(abs, cwd), lang, found.diagnostics);
      if (page) found.pages.push(page);
    }
  }
  return found;
}

/** Files and folders starting with `.` or `_`, and READMEs, are not pages. */
function ignored(name: string): boolean {
  return name.startsWith(".") || name.startsWith("_") || /^readme\.md$/i.test(name);
}

function displayOf(abs: string, cwd: string): string {
  return path.relative(cwd, abs).split(path.sep).join("/");
}

/** One page, or undefined (with its problems in `out`). */
async function readPage(abs: string, display: string, lang: Lang, out: Diagnostic[]): Promise<SitePage | undefined> {
  if (!abs.endsWith(".md")) {
    out.push(error(display, 1, "page/bad-name", `a page is a Markdown file named <slug>.md; ${quote(path.basename(abs))} is not`));
    return undefined;
  }
  const decoded = decodeSource(await readFile(abs), display, display, "markdown");
  if ("diagnostic" in decoded) {
    out.push(decoded.diagnostic);
    return undefined;
  }
  const slugName = path.basename(abs, ".md");
  const slug = checkSlug(slugName, "slug");
  if ("problem" in slug) out.push(error(display, 1, "page/bad-slug", `the page's file name: ${slug.problem}`));
  const fm = parseFrontMatter(display, decoded.source.text, PAGE_KEYS);
  out.push(...fm.diagnostics);
  const title = fm.data.get("title");
  const titleText = typeof title?.value === "string" || typeof title?.value === "number" ? String(title.value).replace(/\s+/g, " ").trim() : "";
  if (!fm.diagnostics.some((d) => d.severity === "error") && titleText === "") out.push(error(display, title?.line ?? 1, "page/missing-title", 'a page needs "title:" in its front matter'));
  const nav = fm.data.get("nav");
  if (nav && typeof nav.value !== "boolean") out.push(error(display, nav.line, "page/bad-nav", `nav must be true or false, not ${quote(String(nav.value))}`));
  const order = fm.data.get("order");
  if (order && !Number.isFinite(order.value)) out.push(error(display, order.line, "page/bad-order", `order must be a number, not ${quote(String(order.value))}`));
  if (fm.body.trim() === "") out.push(warning(display, Math.max(1, fm.bodyLine - 1), "page/empty-body", "the page has no text after its front matter"));
  out.push(...findUnsafeLinks(display, fm.body, fm.bodyLine));
  if ("problem" in slug || titleText === "" || out.some((d) => d.file === display && d.severity === "error")) return undefined;
  const summary = fm.data.get("summary")?.value;
  return {
    file: display,
    lang,
    slug: slug.slug,
    title: titleText,
    ...(typeof summary === "string" && summary.trim() ? { summary: summary.trim() } : {}),
    nav: nav?.value === true,
    order: typeof order?.value === "number" ? order.value : 0,
    body: { format: "markdown", text: fm.body, line: fm.bodyLine },
  };
}
