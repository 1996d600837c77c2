// Chinese typography where text is printed: full-width punctuation for Chinese versions (see shared/cjk-punctuation.ts).
import { fullWidthPunctuation, MARKUP_MARK, OPAQUE_MARK } from "../shared/cjk-punctuation.ts";
import { escapeHtml } from "../shared/escape.ts";
import type { Lang } from "../types.ts";

/**
 * A code element up to its first closing code tag, or any other tag. The body renderers' markup (markdown-it with
 * raw HTML off, escaped paragraphs) is always this regular: a `<` in text or code is escaped.
 */
const PIECE_RE = /(<(?:pre|code|kbd|samp)\b[^>]*>[\s\S]*?<\/(?:pre|code|kbd|samp)>|<[^>]*>)/;
const CODE_START_RE = /^<(?:pre|code|kbd|samp)\b/;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** `text` as a reader of `lang` sees it: Chinese versions get full-width punctuation, English ones stay as written. */
export function displayText(lang: Lang, text: string): string {
  return lang === "zh" ? fullWidthPunctuation(text) : text;
}

/**
 * Rendered body HTML as a reader of `lang` sees it: for Chinese, the text gets full-width punctuation, read as one
 * text across inline tags (`<strong>外交部</strong>:` is a colon after Han); tags, attributes (link URLs) and code
 * stay byte for byte. Text is unescaped first and escaped again, so an entity's `;` is never taken for punctuation.
 */
export function displayHtml(lang: Lang, html: string): string {
  // Text holding the stand-ins themselves could not be put back together: such a body is shown as written.
  if (lang !== "zh" || html.includes(MARKUP_MARK) || html.includes(OPAQUE_MARK)) return html;
  const kept: string[] = [];
  let text = "";
  for (const piece of html.split(PIECE_RE)) {
    if (piece.startsWith("<")) {
      kept.push(piece);
      text += CODE_START_RE.test(piece) ? OPAQUE_MARK : MARKUP_MARK;
    } else text += piece.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
  }
  const shown = fullWidthPunctuation(text);
  if (shown === text) return html;
  let out = "";
  let run = "";
  let next = 0;
  for (const char of shown) {
    if (char !== MARKUP_MARK && char !== OPAQUE_MARK) {
      run += char;
      continue;
    }
    out += escapeHtml(run) + kept[next++]!;
    run = "";
  }
  return out + escapeHtml(run);
}
