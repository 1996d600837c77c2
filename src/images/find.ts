// Which local photos the articles use: each lead image and every inline Markdown image, with its line.
import path from "node:path";
import MarkdownIt from "markdown-it";
import { mayHoldImages } from "../shared/body-keys.ts";
import type { Article } from "../types.ts";

/** One use of a local photo by an article. */
export interface ImageUse {
  /** Display path of the article that uses it. */
  file: string;
  /**
   * The key the photo is looked up by: a lead image's `src` as written in the source; an inline image's
   * `src` as markdown-it prints it in the rendered HTML (percent-encoded where the source was not).
   */
  written: string;
  /** The photo's path, relative to the working directory, `/`-separated (may hold `..`: checked later). */
  path: string;
  /** 1-based line of the `image:` key or of the inline image. */
  line: number;
  /** Its text alternative ("" when the source gave none). */
  alt: string;
  /** True for the article's lead image. */
  lead: boolean;
}

/** Parses bodies the way render/body.ts does, so the `src` found here is the one the rendered HTML holds. */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
/** A markdown-it token. */
type Token = ReturnType<typeof md.parse>[number];

/** A `src` with a scheme (`https:`, `data:`) or protocol-relative (`//host`): not a file of the site. */
const REMOTE_RE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Finds every local photo the articles use, in article order then source order: lead images given by `path`,
 * and inline Markdown images whose `src` is relative (no scheme, no leading `/`). Remote photos are left alone.
 */
export function findImageUses(articles: readonly Article[]): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const article of articles) {
    const image = article.image;
    if (image && "path" in image.src) {
      uses.push({ file: article.file, written: image.written, path: image.src.path, line: image.line, alt: image.alt, lead: true });
    }
    if (article.body.format === "markdown" && mayHoldImages(article.body)) uses.push(...inlineImages(article.file, article.body.text, article.body.line));
  }
  return uses;
}

/** The local images of one Markdown body, each on its own line: the block's first line plus the line breaks before it. */
function inlineImages(file: string, text: string, bodyLine: number): ImageUse[] {
  // Every Markdown image starts with "![": a body without one is not parsed again (most are not, and a large site has thousands).
  if (!text.includes("![")) return [];
  const uses: ImageUse[] = [];
  let blockLine = 0;
  for (const token of md.parse(text, {})) {
    if (token.map) blockLine = token.map[0];
    let breaks = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") breaks++;
      if (child.type !== "image") continue;
      const line = bodyLine + blockLine + breaks;
      // A line break inside the alt text moves every later image down a line too.
      breaks += (child.children ?? []).filter((c) => c.type === "softbreak" || c.type === "hardbreak").length;
      const src = String(child.attrGet("src") ?? "");
      if (src === "" || REMOTE_RE.test(src) || src.startsWith("/") || src.startsWith("#")) continue;
      const alt = altText(child).trim();
      uses.push({ file, written: src, path: path.posix.join(path.posix.dirname(file), decodeSrc(src)), line, alt, lead: false });
    }
  }
  return uses;
}

/** An image's alt text as plain text. */
function altText(image: Token): string {
  return (image.children ?? []).map((c) => (c.type === "softbreak" || c.type === "hardbreak" ? " " : c.content)).join("");
}

/** The file path a `src` names: markdown-it percent-encodes it (`码头.jpg` → `%E7%A0%81%E5%A4%B4.jpg`). */
export function decodeSrc(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

/** The form markdown-it gives a `src` in rendered HTML, so a `src` as written in the source finds its photo too. */
export function normalizeSrc(src: string): string {
  return md.normalizeLink(src);
}
