// Markdown sources: `<slug>.<lang>.md` with YAML front matter, one language per file.
import { error, warning } from "../diagnostics.ts";
import type { Diagnostic, Lang, ParseResult, SourceFile } from "../types.ts";
import { fileSlug } from "./file-slug.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { NEWS_FRONT_MATTER_KEYS, newsFields } from "./news-keys.ts";

/** Front matter keys a Markdown article may use. */
export const MARKDOWN_FRONT_MATTER_KEYS = ["title", "date", "keywords", "source", "id", "slug", "summary", ...NEWS_FRONT_MATTER_KEYS] as const;

const NAME_RE = /^(.+)\.(zh|en)\.md$/i;
/**
 * A link target with a scheme that runs code or embeds a document: `[x](javascript:…)`, `[x]: data:…`, `<vbscript:…>`.
 * markdown-it already refuses to link them (its `validateLink`, which lets only `data:image/{gif,png,jpeg,webp}` through);
 * this only tells the author, with the line.
 */
const UNSAFE_LINK_RE = /(?:\]\(\s*(?:<\s*)?|^ {0,3}\[[^\]\n]{1,999}\]:\s*(?:<\s*)?|<\s*)(javascript|vbscript|file|data(?=\s*:(?!image\/(?:gif|png|jpeg|webp);)))\s*:/gim;

/** Parses one Markdown article into a draft; fields are validated by the next stage. */
export function parseMarkdownArticle(source: SourceFile): ParseResult {
  // A space after ".md" (hard to see, easy to type) does not hide the language.
  const name = (source.relPath.split("/").pop() ?? source.relPath).trimEnd();
  const match = NAME_RE.exec(name);
  if (!match) {
    return {
      drafts: [],
      diagnostics: [
        error(source.path, 1, "md/no-language", 'name the file "<slug>.zh.md" or "<slug>.en.md" so its language is known'),
      ],
    };
  }
  const lang = match[2]!.toLowerCase() as Lang;
  const fm = parseFrontMatter(source.path, source.text, MARKDOWN_FRONT_MATTER_KEYS);
  const field = (key: string) => fm.data.get(key);
  const diagnostics = [...fm.diagnostics, ...findUnsafeLinks(source.path, fm.body, fm.bodyLine)];
  // Broken front matter is reported as it is; guessing the fields it meant would only add noise.
  if (fm.diagnostics.some((d) => d.severity === "error")) return { drafts: [], diagnostics };
  const slug = field("slug") ?? fileSlug(source.path, match[1]!, diagnostics);
  if (fm.body.trim() === "") {
    // On the line closing the front matter: the line after it may not exist. A page with a headline and no
    // story would reach lists, feeds and search as if it were news, so the version is not published.
    const message = `${source.path} has no text after its front matter; this version is not published until it has some`;
    diagnostics.push(warning(source.path, Math.max(1, fm.bodyLine - 1), "md/empty-body", message));
    return { drafts: [], diagnostics };
  }
  return {
    drafts: [
      {
        file: source.path,
        relPath: source.relPath,
        lang,
        kind: "markdown",
        id: field("id"),
        slug,
        title: field("title"),
        titleDerived: false,
        date: field("date"),
        keywords: field("keywords"),
        source: field("source"),
        summary: field("summary"),
        ...newsFields(fm.data),
        body: { format: "markdown", text: fm.body, line: fm.bodyLine },
      },
    ],
    diagnostics,
  };
}

/** An `md/unsafe-link` warning for each link target whose scheme is never published as a link. */
export function findUnsafeLinks(file: string, body: string, bodyLine: number): Diagnostic[] {
  return [...body.matchAll(UNSAFE_LINK_RE)].map((match) => {
    const line = bodyLine + body.slice(0, match.index).split("\n").length - 1;
    const scheme = match[1]!.toLowerCase();
    return warning(file, line, "md/unsafe-link", `a "${scheme}:" link is shown as plain text, never as a link; link to an http or https address`);
  });
}
