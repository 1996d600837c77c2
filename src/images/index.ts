// Photos: the local images articles use, checked, encoded into AVIF, WebP and JPEG/PNG renditions (cached), and printed as <picture>.
//
// After validation: `findImageUses(articles)` → `processImages(uses, …)` → `writeImages(result, staging)`; the
// page plan takes `table.leadOf(article)`, the body renderer `replaceInlineImages(html, …)`.
export { findImageUses, type ImageUse } from "./find.ts";
export { disposeImages, processImages, writeImages, type ProcessedImages, type ProcessOptions } from "./process.ts";
export { BODY_SIZES, pictureHtml, replaceInlineImages, type PictureOptions } from "./picture.ts";
export type { ImageTable } from "./table.ts";
export { photoSource, type PhotoSource } from "./lookup.ts";
