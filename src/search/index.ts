// Index: a Pagefind index over titles, keywords and leads, built from records rather than by crawling pages.
import * as pagefind from "pagefind";
import type { ArticlePage } from "../render/index.ts";
import { escapeHtml } from "../render/index.ts";

/** Sizes of the written index. */
export interface IndexSummary {
  /** Records indexed. */
  records: number;
  /** Files written under `pagefind/`. */
  files: number;
}

/**
 * The small document Pagefind indexes for one article: title and keywords at the highest weight,
 * the lead at the normal one. Indexing these instead of whole pages keeps the index small and fast
 * to build, and keeps page chrome out of search.
 */
export function articleRecordHtml(page: ArticlePage): string {
  const keywords = page.keywords.map((k) => `<span data-pagefind-filter="keyword">${escapeHtml(k.name)}</span>`).join(", ");
  return [
    `<!doctype html><html lang="${page.htmlLang}"><head><title>${escapeHtml(page.title)}</title></head><body>`,
    `<h1 data-pagefind-weight="10" data-pagefind-meta="title">${escapeHtml(page.title)}</h1>`,
    `<p data-pagefind-weight="10">${keywords}</p>`,
    `<p>${escapeHtml(page.lead)}</p>`,
    `<span data-pagefind-meta="date:${escapeHtml(page.dateText)}"></span>`,
    `<span data-pagefind-sort="date:${escapeHtml(page.dateIso)}"></span>`,
    `</body></html>`,
  ].join("");
}

/** Builds the search index for `pages` and writes it to `outputPath`. Pagefind's errors become thrown errors. */
export async function indexSite(pages: readonly ArticlePage[], outputPath: string): Promise<IndexSummary> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: articleRecordHtml(page) });
      if (added.errors.length > 0) throw new Error(`Pagefind rejected ${page.url}: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    const files = await index.getFiles();
    return { records: pages.length, files: files.files.length };
  } finally {
    await pagefind.close();
  }
}
