// What the page plan asks of the processed photos, as one object: a lead photo's renditions, and a body with its inline pictures.
import type { ImageSet } from "../types.ts";
import { replaceInlineImages } from "./picture.ts";
import type { ImageTable } from "./table.ts";

/** The photos of one build, as the page plan looks them up (render's `PhotoLookup`). */
export interface PhotoSource {
  lookup(file: string, written: string): ImageSet | undefined;
  inline(html: string, file: string, url: (siteRelative: string) => string): string;
}

/** The page plan's view of `table`. */
export function photoSource(table: ImageTable): PhotoSource {
  return {
    lookup: (file, written) => table.lookup(file, written),
    inline: (html, file, url) => replaceInlineImages(html, (written) => table.lookup(file, written), url),
  };
}
