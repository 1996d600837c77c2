// Sizing a built site: files, bytes, HTML pages and the Pagefind bundle.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** What a build wrote. */
export interface OutputSummary {
  /** Every file under the output directory. */
  files: number;
  /** Their total size in bytes. */
  bytes: number;
  /** `.html` files outside the search bundle: the pages a reader can open. */
  htmlPages: number;
  /** Files under `pagefind/`. */
  searchFiles: number;
  /** Bytes under `pagefind/`. */
  searchBytes: number;
}

/** Files sized at once: keeps tens of thousands of `stat` calls from opening too many handles. */
const STAT_BATCH = 512;
const SEARCH_DIR = "pagefind";

/** Sums the files under `outDir`; the search bundle is the top-level `pagefind/` folder. */
export async function summariseOutput(outDir: string): Promise<OutputSummary> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const summary: OutputSummary = { files: files.length, bytes: 0, htmlPages: 0, searchFiles: 0, searchBytes: 0 };
  for (let start = 0; start < files.length; start += STAT_BATCH) {
    const batch = files.slice(start, start + STAT_BATCH);
    const sizes = await Promise.all(batch.map(async (file) => (await stat(file)).size));
    batch.forEach((file, i) => {
      const inSearch = path.relative(outDir, file).split(path.sep)[0] === SEARCH_DIR;
      summary.bytes += sizes[i]!;
      if (inSearch) {
        summary.searchFiles++;
        summary.searchBytes += sizes[i]!;
      } else if (file.endsWith(".html")) {
        summary.htmlPages++;
      }
    });
  }
  return summary;
}
