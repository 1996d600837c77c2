// Shapes of a story's photos: as the source gives them, and as the photo stage makes them.

/** An article's lead photo, as written in its source. */
export interface LeadImage {
  /** Either a local file (`path`, repo-relative, resolved against the source file's folder) or a remote `url`. */
  src: { path: string } | { url: string };
  /** What the source wrote, for messages. */
  written: string;
  /** Line of `image` in the source. */
  line: number;
  /** Text alternative. */
  alt: string;
  /** Caption, if any. */
  caption?: string;
  /** Credit, if any. */
  credit?: string;
}

/**
 * One processed photo, ready for `<picture>`: renditions in several formats and widths, never upscaled.
 * URLs are site-relative (`/media/…`); templates prefix them with the site path.
 */
export interface ImageSet {
  /** Width and height of the largest rendition: the `width`/`height` attributes (aspect ratio, no layout shift). */
  width: number;
  height: number;
  /** Modern formats first (AVIF, then WebP): one `<source>` each. */
  sources: { type: string; srcset: string }[];
  /** The JPEG or PNG fallback: `<img src>` (a middle width) and its `srcset`. */
  fallback: { type: string; src: string; srcset: string };
  /** The largest fallback rendition's URL (for `og:image`, feeds and JSON-LD) and its size. */
  large: { url: string; width: number; height: number; type: string };
}
