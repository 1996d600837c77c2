// The part of @11ty/eleventy-img 6's API the photo stage uses (the package ships no type declarations).
declare module "@11ty/eleventy-img" {
  /** One rendition, as eleventy-img describes it. */
  export interface EleventyImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    filename?: string;
    size: number;
    /** The encoded bytes (with `dryRun: true`). */
    buffer?: Buffer;
  }
  /** The options Duet passes; see https://www.11ty.dev/docs/plugins/image/ */
  export interface EleventyImageOptions {
    widths: (number | "auto")[];
    formats: string[];
    formatFiltering: string[];
    dryRun: boolean;
    useCache: boolean;
    failOnError: boolean;
    svgAllowUpscale: boolean;
    urlPath: string;
    outputDir: string;
    filenameFormat: (id: string, src: unknown, width: number, format: string) => string;
    sharpOptions: Record<string, unknown>;
    sharpAvifOptions: Record<string, unknown>;
  }
  /** Encodes `src` (a file path or its bytes) into every format and width asked for. */
  function eleventyImage(src: string | Buffer, options: Partial<EleventyImageOptions>): Promise<Record<string, EleventyImageStat[]>>;
  export default eleventyImage;
}
