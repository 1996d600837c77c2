// `npm run build`: build articles/ into dist/, print every diagnostic, end with a summary.
import { parseArgs } from "node:util";
import { build } from "../src/build.ts";
import { BuildError, countSeverity, formatDiagnostic } from "../src/diagnostics.ts";

const USAGE = `Usage: npm run build -- [options]
  --articles DIR   article sources (default: articles)
  --out DIR        output directory (default: dist)
  --base-url URL   URL the site is served under, e.g. https://example.org/news/
  --strict         warnings fail the build
  --skip-invalid   leave out stories with errors and publish the rest
  --report FILE    write a JSON report of stories and diagnostics`;

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "articles" },
    out: { type: "string", default: "dist" },
    "base-url": { type: "string" },
    strict: { type: "boolean", default: false },
    "skip-invalid": { type: "boolean", default: false },
    report: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const result = await build({
    articles: values.articles,
    out: values.out,
    baseUrl: values["base-url"],
    strict: values.strict,
    skipInvalid: values["skip-invalid"],
    report: values.report,
  });
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  const zh = result.stories.filter((s) => s.versions.zh).length;
  const en = result.stories.filter((s) => s.versions.en).length;
  const warnings = countSeverity(result.diagnostics, "warning");
  const skipped = countSeverity(result.diagnostics, "error");
  console.log(
    `duet: ${result.stories.length} stories (zh ${zh}, en ${en}), ${result.pages} pages, ` +
      `${warnings} warning(s)${skipped ? `, ${skipped} error(s) skipped` : ""}, ${(result.millis / 1000).toFixed(2)} s → ${values.out}/`,
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const w = result.weights;
  console.log(`duet: page weight: article HTML ${kb(w.articleHtml)} on average, CSS ${kb(w.css)}, no JS on content pages; search page JS ${kb(w.searchJs)} + Pagefind`);
} catch (cause) {
  if (!(cause instanceof BuildError)) throw cause;
  for (const d of cause.diagnostics) console.error(formatDiagnostic(d));
  console.error(`duet: ${cause.message}`);
  if (cause.cause) console.error(cause.cause);
  process.exit(1);
}
