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

/**
 * Formats a diagnostic the way compilers do: `path:line: severity: message [code]`.
 * Unprintable characters in the path or message are escaped, so one diagnostic is always one line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = printable(d.file);
  const where = d.column ? `${file}:${d.line}:${d.column}` : `${file}:${d.line}`;
  return `${where}: ${d.severity}: ${printable(d.message)} [${d.code}]`;
}

/**
 * Control, bidi and invisible characters (zero-width, soft hyphen, Hangul fillers) and lone surrogates:
 * shown escaped in messages so a terminal never acts on them and a file name never splits a line.
 */
const UNPRINTABLE_RE = /[\u0000-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uD800-\uDFFF\uFEFF\uFFA0]/gu;
/** Longest value quoted whole in a message; longer ones are cut with "…". */
const MAX_QUOTED = 60;

/**
 * Quotes a value from a source for a message: invisible and control characters written as `\u{…}`,
 * long values cut, so a hostile title can neither hide in nor flood the report.
 */
export function quote(value: string): string {
  const cut = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return `"${printable(cut)}"`;
}

/** Writes control, bidi and invisible characters and lone surrogates as `\u{…}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE_RE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
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
