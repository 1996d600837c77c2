// The photo table: each article's photos by the `src` it wrote, for the page plan and the body renderer.
import type { Article, ImageSet } from "../types.ts";
import { normalizeSrc } from "./find.ts";

/** The processed photos, found by the article that uses them and the `src` it wrote. */
export interface ImageTable {
  /**
   * The photo `articleFile` wrote as `written`: a lead image's `LeadImage.written`, or an inline image's
   * `src` as in the source or as in the rendered HTML. Undefined for a photo that was not processed.
   */
  lookup(articleFile: string, written: string): ImageSet | undefined;
  /** The article's processed lead image, if it has a local one. */
  leadOf(article: Article): ImageSet | undefined;
  /** How many (article, src) pairs the table holds. */
  readonly size: number;
}

/** Builds an ImageTable over `(article file, written src) → ImageSet` entries. */
export function makeImageTable(entries: Iterable<{ file: string; written: string; set: ImageSet }>): ImageTable {
  const sets = new Map<string, ImageSet>();
  const keyOf = (file: string, written: string) => `${file}\0${written}`;
  for (const e of entries) sets.set(keyOf(e.file, e.written), e.set);
  const lookup = (file: string, written: string) => sets.get(keyOf(file, written)) ?? sets.get(keyOf(file, normalizeSrc(written)));
  return {
    lookup,
    leadOf: (article) => (article.image && "path" in article.image.src ? lookup(article.file, article.image.written) : undefined),
    get size() {
      return sets.size;
    },
  };
}
