// Markdown sources: `<slug>.<lang>.md` with YAML front matter, one language per file.
import { error } from "../diagnostics.ts";
import type { Lang, ParseResult, SourceFile } from "../types.ts";
import { parseFrontMatter } from "./front-matter.ts";

/** Front matter keys a Markdown article may use. */
export const MARKDOWN_FRONT_MATTER_KEYS = ["title", "date", "keywords", "source", "id", "slug", "summary"] as const;

const NAME_RE = /^(.+)\.(zh|en)\.md$/i;

/** Parses one Markdown article into a draft; fields are validated by the next stage. */
export function parseMarkdownArticle(source: SourceFile): ParseResult {
  const name = source.relPath.split("/").pop() ?? source.relPath;
  const match = NAME_RE.exec(name);
  if (!match) {
    return {
      drafts: [],
      diagnostics: [
        error(source.path, 1, "md/no-language", 'name the file "<slug>.zh.md" or "<slug>.en.md" so its language is known'),
      ],
    };
  }
  const fileSlug = match[1]!;
  const lang = match[2]!.toLowerCase() as Lang;
  const fm = parseFrontMatter(source.path, source.text, MARKDOWN_FRONT_MATTER_KEYS);
  const field = (key: string) => fm.data.get(key);
  return {
    drafts: [
      {
        file: source.path,
        relPath: source.relPath,
        lang,
        kind: "markdown",
        id: field("id"),
        slug: field("slug") ?? { value: fileSlug, line: 1 },
        title: field("title"),
        titleDerived: false,
        date: field("date"),
        keywords: field("keywords"),
        source: field("source"),
        summary: field("summary"),
        body: { format: "markdown", text: fm.body, line: fm.bodyLine },
      },
    ],
    diagnostics: fm.diagnostics,
  };
}
