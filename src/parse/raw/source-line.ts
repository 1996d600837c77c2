// The source line of a raw scrape: kept only when it is one absolute http(s) URL; otherwise dropped with a warning.
import { warning } from "../../diagnostics.ts";
import type { Diagnostic, Located } from "../../types.ts";
import type { Layout } from "./layout.ts";
import type { DroppedLine, RawLine } from "./lines.ts";

/** The kept source URL, as written, with its line. */
export interface SourceResult {
  /** Absent when the page has no source line or its value is not an http(s) URL. */
  url?: Located<string>;
  /** The source line, when its value was dropped (rule `bad-source`). */
  dropped?: DroppedLine;
}

/** True for an absolute http or https URL: the only kind a page links to as its source. */
function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return Boolean(new URL(value).host);
  } catch {
    return false;
  }
}

/**
 * Reads the source line: with two or more, the layout's one is kept and `raw/duplicate-source` names them all;
 * a value that is not an absolute http(s) URL (`javascript:…`, `/news/1.html`, `澎湃新闻`) is dropped with
 * `raw/bad-source`, and the story is published without attribution rather than lost.
 */
export function readSourceLine(file: string, lines: readonly RawLine[], layout: Layout, diagnostics: Diagnostic[]): SourceResult {
  const index = layout.sourceIndex ?? -1;
  const role = layout.roles[index];
  const line = lines[index]?.line ?? 1;
  if (layout.sourceIndexes.length > 1) {
    const all = layout.sourceIndexes.map((i) => lines[i]?.line ?? 1);
    const quoted = layout.sourceIndexes.map((i) => `"${lines[i]?.text ?? ""}"`).join(" and ");
    const message = `${all.length} source lines (lines ${all.join(" and ")}: ${quoted}); line ${line} is kept, the others are dropped`;
    diagnostics.push(warning(file, all.find((l) => l !== line) ?? line, "raw/duplicate-source", message));
  }
  if (role?.kind !== "source") return {};
  if (isWebUrl(role.url)) return { url: { value: role.url, line } };
  const message = `the source "${role.url}" is not an http or https address; it is left out and the story is published without a source link`;
  diagnostics.push(warning(file, line, "raw/bad-source", message));
  return { dropped: { line, text: lines[index]?.text ?? "", rule: "bad-source" } };
}
