// Chinese typography where text is printed: full-width punctuation for Chinese versions (see shared/cjk-punctuation.ts).
import { fullWidthPunctuation } from "../shared/cjk-punctuation.ts";
import { escapeHtml } from "../shared/escape.ts";
import type { Lang } from "../types.ts";

/** Tags and the text between them; the body renderers' markup (markdown-it with raw HTML off) is always this regular. */
const TAG_RE = /(<[^>]*>)/;
/** Elements whose text is code, never retouched. */
const CODE_TAG_RE = /^<(\/?)(code|pre|kbd|samp)\b/i;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** `text` as a reader of `lang` sees it: Chinese versions get full-width punctuation, English ones stay as written. */
export function displayText(lang: Lang, text: string): string {
  return lang === "zh" ? fullWidthPunctuation(text) : text;
}

/**
 * Rendered body HTML as a reader of `lang` sees it: for Chinese, each text node outside code gets full-width
 * punctuation; tags, attributes (link URLs) and code stay byte for byte. Text is unescaped first and escaped
 * again, so an entity's `;` is never taken for punctuation.
 */
export function displayHtml(lang: Lang, html: string): string {
  if (lang !== "zh") return html;
  let codeDepth = 0;
  return html
    .split(TAG_RE)
    .map((part) => {
      if (part.startsWith("<")) {
        const code = CODE_TAG_RE.exec(part);
        if (code) codeDepth = Math.max(0, codeDepth + (code[1] === "/" ? -1 : 1));
        return part;
      }
      if (codeDepth > 0 || part === "") return part;
      const text = part.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
      // Text without any change keeps its original escaping (markdown-it's and ours differ on `'`).
      const shown = fullWidthPunctuation(text);
      return shown === text ? part : escapeHtml(shown);
    })
    .join("");
}
