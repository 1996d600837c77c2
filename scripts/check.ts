// `npm run check -- FILE…`: print what the parser understood of each file, and every problem; no build.
import { checkFile } from "../src/check/index.ts";
import { loadSiteConfig, SITE_FILE } from "../src/site/index.ts";
import { nowFromEnv } from "../src/validate/index.ts";
import { failUnexpectedly, parseCommand, USAGE_ERROR } from "./cli.ts";

const SUMMARY = `Explains each article source: titles, date, keywords, source, body lines, dropped page chrome
(with the rule that dropped it), the validated values, and every diagnostic. Exits 1 when any file
has an error. The build time that decides what is held back is SOURCE_DATE_EPOCH when set.`;

const { positionals } = parseCommand("npm run check --", SUMMARY, {}, process.argv.slice(2), "FILE…");
if (positionals.length === 0) {
  console.error("duet: name at least one article source to check; see --help");
  process.exit(USAGE_ERROR);
}

const now = nowFromEnv(process.env);
// Bare dates are read in the site's time zone, as the build reads them; site.yaml's own problems are the build's to report.
const { config } = await loadSiteConfig(SITE_FILE, process.cwd());
let errors = 0;
for (const [i, file] of positionals.entries()) {
  const report = await checkFile(file, process.cwd(), now, config.timeZone, config.sections.map((s) => s.slug)).catch((cause: unknown) => failUnexpectedly(cause, `check of ${file} failed`));
  if (i > 0) console.log("");
  console.log(report.lines.join("\n"));
  errors += report.diagnostics.filter((d) => d.severity === "error").length;
}
if (errors > 0) {
  console.log(`\nduet check: ${errors} error(s)`);
  process.exit(1);
}
