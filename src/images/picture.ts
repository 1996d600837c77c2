// Photos as HTML: a `<picture>` for an ImageSet, and the inline `<img>`s of a rendered body swapped for them.
import { escapeHtml } from "../shared/escape.ts";
import type { ImageSet } from "../types.ts";

/** Options of `pictureHtml`. */
export interface PictureOptions {
  /** The text alternative (escaped here). */
  alt: string;
  /** True for the page's lead photo: fetched first, never lazily. */
  lead: boolean;
  /** The `sizes` attribute: how wide the photo is shown (`(min-width: 50rem) 46rem, 100vw`). */
  sizes: string;
  /** Maps a site-relative URL to the one printed (adds the site's path); applied inside every `srcset` too. */
  url: (siteRelative: string) => string;
  /** A class for the `<picture>` element. */
  className?: string;
  /** A title for the `<img>` (a Markdown image's title). */
  title?: string;
}

/** `sizes` of a photo inside an article's text column. */
export const BODY_SIZES = "(min-width: 50rem) 46rem, 100vw";

/**
 * A `<picture>`: one `<source>` per modern format, then the fallback `<img>` with its size (so the page
 * does not shift as it loads). The lead photo is fetched with high priority; others lazily. Every value is escaped.
 */
export function pictureHtml(set: ImageSet, options: PictureOptions): string {
  const attr = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;
  const srcset = (list: string) => list.split(", ").map((entry) => entry.replace(/^\S+/, (u) => options.url(u))).join(", ");
  const sources = set.sources.map((s) => `<source${attr("type", s.type)}${attr("srcset", srcset(s.srcset))}${attr("sizes", options.sizes)}>`);
  const img = [
    attr("src", options.url(set.fallback.src)),
    attr("srcset", srcset(set.fallback.srcset)),
    attr("sizes", options.sizes),
    attr("width", set.width),
    attr("height", set.height),
    attr("alt", options.alt),
    options.title ? attr("title", options.title) : "",
    options.lead ? attr("fetchpriority", "high") : `${attr("loading", "lazy")}${attr("decoding", "async")}`,
  ].join("");
  const open = options.className ? `<picture${attr("class", options.className)}>` : "<picture>";
  return `${open}${sources.join("")}<img${img}></picture>`;
}

/** An `<img>` as markdown-it renders one: `src`, `alt`, and a `title` when the source gave one. */
const MARKDOWN_IMG_RE = /<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")?>/g;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Undoes markdown-it's attribute escaping. */
function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

/**
 * Replaces each `<img>` of a rendered Markdown body whose `src` the lookup knows with its `<picture>`
 * (lazy, sized for the text column); other images are left as they are.
 */
export function replaceInlineImages(html: string, lookup: (written: string) => ImageSet | undefined, url: (u: string) => string): string {
  return html.replace(MARKDOWN_IMG_RE, (whole, src: string, alt: string, title: string | undefined) => {
    const set = lookup(unescapeHtml(src));
    if (!set) return whole;
    return pictureHtml(set, { alt: unescapeHtml(alt), lead: false, sizes: BODY_SIZES, url, ...(title !== undefined && { title: unescapeHtml(title) }) });
  });
}
