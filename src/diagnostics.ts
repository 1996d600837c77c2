// The one error shape of Duet: a diagnostic that carries file and line.
import type { Diagnostic, Severity } from "./types.ts";

/** Builds an error diagnostic. */
export function error(file: string, line: number, code: string, message: string): Diagnostic {
  return { file, line, severity: "error", code, message };
}

/** Builds a warning diagnostic. */
export function warning(file: string, line: number, code: string, message: string): Diagnostic {
  return { file, line, severity: "warning", code, message };
}

/** Formats a diagnostic the way compilers do: `path:line: severity: message [code]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.column ? `${d.file}:${d.line}:${d.column}` : `${d.file}:${d.line}`;
  return `${where}: ${d.severity}: ${d.message} [${d.code}]`;
}

/** Orders diagnostics by file, then line, so a run's report reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.code.localeCompare(b.code),
  );
}

/** Counts diagnostics of one severity. */
export function countSeverity(list: readonly Diagnostic[], severity: Severity): number {
  return list.filter((d) => d.severity === severity).length;
}

/**
 * Thrown when a build cannot go on; carries every diagnostic collected so far.
 * Stages return diagnostics rather than throwing; only the build script throws this.
 */
export class BuildError extends Error {
  /** Every problem of the run, errors and warnings. */
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BuildError";
    this.diagnostics = diagnostics;
  }
}
