// What `npm start` prints: a line for every build or update, every error of one that failed, and each
// warning once per change (a warning that stays is not printed again on every update).
import { BuildError, formatDiagnostic } from "../diagnostics.ts";
import type { DevResult } from "./options.ts";

/** Where the dev server's report goes, and whether a failure's stack is wanted (`--verbose`, `DEBUG=duet`). */
export interface Terminal {
  log(line: string): void;
  error(line: unknown): void;
  verbose(): boolean;
}

/**
 * A `report` for the dev server printing to `terminal`. Errors are printed on every run that has them
 * (each such run fails); a warning only when the run before did not print it too.
 */
export function createDevReport(terminal: Terminal): (outcome: DevResult | BuildError) => void {
  let printed = new Set<string>();
  return (outcome) => {
    const lines = outcome.diagnostics.map((d) => ({ line: formatDiagnostic(d), warning: d.severity !== "error" }));
    const again = lines.filter((d) => d.warning && printed.has(d.line)).length;
    for (const d of lines) if (!d.warning || !printed.has(d.line)) terminal.error(d.line);
    // An unexpected failure says nothing of the sources: the warnings printed stay the ones to compare with.
    if (!(outcome instanceof BuildError) || outcome.diagnostics.length > 0) printed = new Set(lines.filter((d) => d.warning).map((d) => d.line));
    const repeated = again > 0 ? ` (${again} warning(s) as printed before)` : "";
    if (!(outcome instanceof BuildError)) return terminal.log(`duet: ${describeRun(outcome)}${repeated}`);
    terminal.error(`duet: ${outcome.message}${repeated}`);
    if (outcome.cause && terminal.verbose()) terminal.error(outcome.cause);
  };
}

/** One line saying what a build or update did, and how long it took. */
export function describeRun(r: DevResult): string {
  const seconds = `${(r.millis / 1000).toFixed(2)} s`;
  if (r.kind === "build") return `built ${r.stories} stories in ${seconds}`;
  const later = r.deferred > 0 ? ` (${r.deferred} list page(s) and sitemaps still being written)` : "";
  return `updated in ${seconds}: ${r.written} page(s) written${later}, ${r.removed} removed, ${r.indexed} of ${r.shards} search shard(s) indexed`;
}
