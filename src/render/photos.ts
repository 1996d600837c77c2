// Photos as article pages show them: the lead photo's renditions or remote address, inline pictures, and card tags.
import type { Article, ImageSet } from "../types.ts";
import type { PageHead } from "./head.ts";
import { absoluteUrl, sitePath, type SiteUrl } from "./site-url.ts";

/** A photo as pages show it. */
export interface PagePhoto {
  /** Text alternative. */
  alt: string;
  /** Caption and credit, shown under the lead photo. */
  caption?: string;
  credit?: string;
  /** Renditions of a local photo. */
  set?: ImageSet;
  /** A remote photo's address: linked, never loaded (the Content-Security-Policy keeps images same-origin). */
  remote?: string;
}

/**
 * The processed photos an article page shows: its lead photo's renditions, and its body with each local
 * inline image as a `<picture>` (`url` adds the site's path to each rendition's URL).
 */
export interface PhotoLookup {
  /** Renditions of the image `written` (as the source wrote it) of the article from `file`. */
  lookup(file: string, written: string): ImageSet | undefined;
  /** The body HTML with the article's local inline images as `<picture>` elements. */
  inline(html: string, file: string, url: (siteRelative: string) => string): string;
}

/** The lead photo as the page shows it: a local one with its renditions (when processed), a remote one as a link. */
export function pagePhoto(article: Article, photos: PhotoLookup | undefined): PagePhoto {
  const image = article.image!;
  const text = { alt: image.alt, ...(image.caption && { caption: image.caption }), ...(image.credit && { credit: image.credit }) };
  if ("url" in image.src) return { ...text, remote: image.src.url };
  const set = photos?.lookup(article.file, image.written);
  return { ...text, ...(set && { set }) };
}

/** The body with its local inline images as `<picture>` elements, when photos were processed. */
export function withPhotos(html: string, file: string, at: { site: SiteUrl; photos?: PhotoLookup }): string {
  return at.photos && html.includes("<img") ? at.photos.inline(html, file, (url) => sitePath(at.site, url)) : html;
}

/** Open Graph and Twitter card tags of the lead photo (a large card when there is one), and its absolute URL. */
export function photoMeta(image: PagePhoto | undefined, site: SiteUrl): { meta: PageHead["meta"]; url?: string } {
  const large = image?.set?.large;
  const url = large ? absoluteUrl(site, large.url) : image?.remote;
  if (!image || !url) return { meta: [] };
  const meta: PageHead["meta"] = [
    { attr: "property", key: "og:image", content: url },
    ...(large ? [{ attr: "property" as const, key: "og:image:width", content: String(large.width) }, { attr: "property" as const, key: "og:image:height", content: String(large.height) }] : []),
    { attr: "property", key: "og:image:alt", content: image.alt },
  ];
  return { meta, url };
}
