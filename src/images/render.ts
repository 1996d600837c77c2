// Encoding one photo into its renditions with eleventy-img: AVIF, WebP and a JPEG or PNG fallback, in up to three widths.
import { createRequire } from "node:module";
import eleventyImage from "@11ty/eleventy-img";
import sharp from "sharp";
import { hashOf } from "../shared/hash.ts";
import type { ImageProblem } from "./locate.ts";

/** One encoded file of a photo. */
export interface Rendition {
  /** `avif`, `webp`, `jpeg` or `png`. */
  format: string;
  width: number;
  height: number;
  /** File name: the photo's key, its width and format (`3f9a…-960.avif`). */
  name: string;
  /** Size in bytes. */
  size: number;
}

/** A rendition with its bytes, as just encoded. */
export interface EncodedRendition extends Rendition {
  bytes: Buffer;
}

/** Widths asked for; eleventy-img never upscales: a narrower photo gets its own width instead (https://www.11ty.dev/docs/plugins/image/#widths). */
const WIDTHS = [480, 960, 1600];
/** Largest photo decoded, in pixels (sharp's own default is 268 million): a small file can claim huge dimensions. */
export const MAX_IMAGE_PIXELS = 100_000_000;
const SHARP_OPTIONS = { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS } as const;
/** AVIF effort 2 rather than sharp's default 4: several times faster for files a few percent larger. */
const AVIF_OPTIONS = { effort: 2 } as const;

const version = (name: string): string => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;

/**
 * Everything besides the source bytes that decides the renditions: a photo's key hashes both, so a change of
 * widths, encoder settings or library versions gives new file names and misses the cache.
 */
export const RENDITION_OPTIONS = JSON.stringify({
  widths: WIDTHS,
  sharp: SHARP_OPTIONS,
  avif: AVIF_OPTIONS,
  eleventyImg: version("@11ty/eleventy-img"),
  vips: sharp.versions.vips,
  sharpVersion: version("sharp"),
});

/** A photo's key: the SHA-256 of its bytes and the rendition options (its rendition files are named by its first 20 hex digits). */
export function imageKey(bytes: Uint8Array): string {
  return hashOf(bytes, RENDITION_OPTIONS);
}

/**
 * Encodes a photo: AVIF and WebP, then a PNG fallback for a PNG or a photo with transparency, else JPEG.
 * A file sharp cannot decode, or too many pixels, is a problem to report, never a throw.
 */
export async function encodeImage(bytes: Buffer, key: string): Promise<EncodedRendition[] | ImageProblem> {
  const meta = await oneAtATime(() => tryDecoding(bytes));
  if ("code" in meta) return meta;
  const fallback = meta.format === "png" || meta.hasAlpha ? "png" : "jpeg";
  const stem = key.slice(0, 20);
  const stats = await eleventyImage(bytes, {
    widths: WIDTHS,
    formats: ["avif", "webp", fallback],
    // Formats are chosen above; eleventy-img's own filtering would drop the JPEG of a transparent photo.
    formatFiltering: [],
    svgAllowUpscale: false,
    dryRun: true,
    useCache: false,
    failOnError: true,
    filenameFormat: (_id, _src, width, format) => `${stem}-${width}.${format === "jpeg" ? "jpg" : format}`,
    sharpOptions: SHARP_OPTIONS,
    sharpAvifOptions: AVIF_OPTIONS,
  }).catch((cause: Error) => cause);
  if (stats instanceof Error) return undecodable(stats);
  return Object.values(stats)
    .flat()
    .map((s) => ({ format: s.format, width: s.width, height: s.height, name: s.filename ?? "", size: s.buffer?.length ?? 0, bytes: s.buffer ?? Buffer.alloc(0) }));
}

/** Decodes a photo once, whole, to find what it is and whether every pixel can be read (a cut-short file cannot). */
async function tryDecoding(bytes: Buffer): Promise<sharp.Metadata | ImageProblem> {
  const meta = await sharp(bytes, SHARP_OPTIONS)
    .metadata()
    .catch((cause: Error) => cause);
  if (meta instanceof Error) return undecodable(meta);
  if (!meta.width || !meta.height) return { code: "image/undecodable", says: "cannot be read as an image (it has no size)" };
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    return { code: "image/too-large", says: `is ${meta.width}×${meta.height} pixels, over the limit of ${MAX_IMAGE_PIXELS / 1e6} million: export it smaller` };
  }
  const failed = await sharp(bytes, SHARP_OPTIONS)
    .stats()
    .then(() => undefined, (cause: Error) => cause);
  return failed ? undecodable(failed) : meta;
}

/** The end of the queue of trial decodes. */
let lane: Promise<unknown> = Promise.resolve();

/**
 * Runs trial decodes one at a time. libvips keeps one error buffer for the process: two decodes failing
 * at once can swap or lose each other's reasons ("Unknown error"), and a message must be the same on every run.
 */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = lane.then(task);
  lane = run.catch(() => undefined);
  return run;
}

/** The problem for a file sharp refused, quoting sharp's reason. */
function undecodable(cause: Error): ImageProblem {
  if (/pixel limit/i.test(cause.message)) return { code: "image/too-large", says: `has more than ${MAX_IMAGE_PIXELS / 1e6} million pixels: export it smaller` };
  const reason = cause.message.split("\n")[0]!.replace(/^Input buffer /, "").slice(0, 120);
  return { code: "image/undecodable", says: `cannot be read as an image (${reason}); save it again as JPEG, PNG, WebP or AVIF` };
}
