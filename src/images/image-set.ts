// A photo's renditions as the ImageSet templates print: modern formats as `<source>`s, a fallback for `<img>`.
import { ROOT_PATHS, type ImageSet } from "../types.ts";
import type { Rendition } from "./render.ts";

/** Where every rendition is published, site-relative. */
export const MEDIA_URL = `/${ROOT_PATHS.media}`;
/** The fallback's `src` width: big enough for a column of text, small enough for a phone. */
const MIDDLE_WIDTH = 960;
/** The media type of each format. */
const TYPES: Record<string, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };

/** Builds the ImageSet of a photo's renditions: AVIF then WebP sources, the JPEG or PNG fallback, its largest rendition. */
export function renditionsToImageSet(renditions: readonly Rendition[]): ImageSet {
  const of = (format: string) => renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
  const fallbackFormat = of("png").length > 0 ? "png" : "jpeg";
  const fallback = of(fallbackFormat);
  const largest = fallback.at(-1)!;
  const middle = fallback.filter((r) => r.width <= MIDDLE_WIDTH).at(-1) ?? fallback[0]!;
  const srcset = (list: readonly Rendition[]) => list.map((r) => `${MEDIA_URL}${r.name} ${r.width}w`).join(", ");
  return {
    width: largest.width,
    height: largest.height,
    sources: ["avif", "webp"].filter((f) => of(f).length > 0).map((f) => ({ type: TYPES[f]!, srcset: srcset(of(f)) })),
    fallback: { type: TYPES[fallbackFormat]!, src: `${MEDIA_URL}${middle.name}`, srcset: srcset(fallback) },
    large: { url: `${MEDIA_URL}${largest.name}`, width: largest.width, height: largest.height, type: TYPES[fallbackFormat]! },
  };
}
