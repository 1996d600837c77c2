// Index: one Pagefind record per story in search terms, the conversion table, and the search page's script.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { ArticlePage } from "../render/index.ts";
import { buildConversionTable } from "./conversion-table.ts";
import { CONVERSION_FILE, createConverter } from "./convert.ts";
import { storiesOf, storyRecordHtml } from "./records.ts";

export { termsOf, queryOf, phraseTermOf, hanCode, normalise } from "./tokens.ts";
export { CONVERSION_FILE, createConverter, identity } from "./convert.ts";
export type { ConversionTable, Converter } from "./convert.ts";
export { buildConversionTable } from "./conversion-table.ts";
export { storyRecordHtml, storiesOf } from "./records.ts";


/** Files of Pagefind's own search interfaces, which Duet does not use. */
const UNUSED_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
  "wasm.unknown.pagefind",
];

/** Records handed to Pagefind at once. */
const ADD_BATCH = 256;

/** Sizes of the written index. */
export interface IndexSummary {
  /** Records indexed (one per story). */
  records: number;
  /** Files written under `pagefind/`. */
  files: number;
  /** Bytes of the conversion table. */
  tableBytes: number;
}

/** Builds the search index of the site into `<outDir>/pagefind/`. Pagefind's error results become thrown errors; its service is always closed. */
export async function indexSite(pages: readonly ArticlePage[], outDir: string): Promise<IndexSummary> {
  const stories = storiesOf(pages);
  const table = buildConversionTable(pages.flatMap((p) => [p.title, p.lead, ...p.keywords.map((k) => k.name)]));
  const convert = createConverter(table);
  const bundlePath = path.join(outDir, "pagefind");
  // One index for both languages: every record is written in language-neutral search terms.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Records go to Pagefind's service in batches: its pipe stays busy without holding every record at once.
    for (let i = 0; i < stories.length; i += ADD_BATCH) {
      await Promise.all(
        stories.slice(i, i + ADD_BATCH).map(async (story) => {
          const url = (story.zh ?? story.en)!.url;
          const added = await index.addHTMLFile({ url, content: storyRecordHtml(story, convert) });
          if (added.errors.length > 0) throw new Error(`Pagefind rejected ${url}: ${added.errors.join("; ")}`);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: bundlePath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    const files = await index.getFiles();
    const tableJson = JSON.stringify(table);
    await writeFile(path.join(bundlePath, CONVERSION_FILE), tableJson);
    // Pagefind also writes its own search interfaces; Duet has its own, so they are not published.
    for (const unused of UNUSED_FILES) await rm(path.join(bundlePath, unused), { force: true });
    return { records: stories.length, files: files.files.length + 1 - UNUSED_FILES.length, tableBytes: Buffer.byteLength(tableJson) };
  } finally {
    await pagefind.close();
  }
}
