// Article bodies to safe HTML: one markdown-it instance with raw HTML off; raw-scrape paragraphs escaped.
import MarkdownIt from "markdown-it";
import { escapeHtml } from "../shared/escape.ts";
import type { DraftBody } from "../types.ts";

/**
 * The one Markdown renderer. Raw HTML is disabled, so `<script>` in a body is shown as text;
 * markdown-it's `validateLink` already refuses `javascript:`, `vbscript:`, `file:` and most `data:` links.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Images from other hosts become links: the site's Content-Security-Policy allows images from
// itself only, and a remote image would tell a third party who is reading what.
const renderImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const src = String(token.attrGet("src") ?? "");
  if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return renderImage(tokens, index, options, env, self);
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
  return `<a href="${md.utils.escapeHtml(src)}" rel="nofollow noopener noreferrer">${md.utils.escapeHtml(alt)}</a>`;
};

/** A rendered body: HTML for the page and its first paragraph as plain text. */
export interface RenderedBody {
  /** Safe HTML. */
  html: string;
  /** First paragraph as plain text (for lists, descriptions and the search index). */
  lead: string;
}

/**
 * Renders a draft body to safe HTML and extracts its lead paragraph. The lead is a string of its own: V8
 * keeps a substring as a view into the text it was cut from, and pages keep their lead to the end of a
 * build, long after their bodies could be let go (at 100,000 stories, hundreds of megabytes of bodies).
 */
export function renderBody(body: DraftBody): RenderedBody {
  const { html, lead } = renderParts(body);
  return { html, lead: JSON.parse(JSON.stringify(lead)) as string };
}

function renderParts(body: DraftBody): RenderedBody {
  if (body.format === "paragraphs") {
    const html = body.paragraphs.map((p) => `<p>${escapeHtml(p.value)}</p>`).join("\n");
    return { html, lead: body.paragraphs[0]?.value ?? "" };
  }
  const env = {};
  const tokens = md.parse(body.text, env);
  let lead = "";
  for (let i = 1; i < tokens.length && lead === ""; i++) {
    const token = tokens[i]!;
    if (token.type === "inline" && tokens[i - 1]!.type === "paragraph_open") {
      lead = (token.children ?? [])
        .map((child) => (child.type === "softbreak" || child.type === "hardbreak" ? " " : child.type === "text" || child.type === "code_inline" ? child.content : ""))
        .join("")
        .trim();
    }
  }
  return { html: md.renderer.render(tokens, md.options, env), lead };
}
