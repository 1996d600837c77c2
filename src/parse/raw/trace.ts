// The trace of a raw-scrape parse: which lines became what, and which were dropped by which rule.
import type { Located } from "../../types.ts";
import type { ChinesePart } from "./chinese-part.ts";
import type { EnglishPart } from "./english-part.ts";
import type { Layout } from "./layout.ts";
import type { DroppedLine, RawLine } from "./lines.ts";

/** What the parser understood, for `npm run check` (operators use it to see why a page looks wrong). */
export interface RawTrace {
  /** First and last line of the Chinese body paragraphs. */
  zhBody?: [number, number];
  /** First and last line of the English content paragraphs. */
  enBody?: [number, number];
  /** Line of the English title. */
  enTitleLine?: number;
  /** Line of the English keywords. */
  keywordsLine?: number;
  /** Line giving the source URL. */
  sourceLine?: number;
  /** Line announcing the English part (`英语如下:`). */
  separatorLine?: number;
  /** How the Chinese title was derived, when it was: the lead's sentence and the rule that chose the headline. */
  zhTitle?: { candidate: string; rule: string };
  /** Every non-blank line that reaches no page, with the rule that dropped it, in file order. */
  dropped: DroppedLine[];
}

/** First and last line of some paragraphs. */
function spanOf(paragraphs: readonly Located<string>[]): [number, number] | undefined {
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  return first && last ? [first.line, last.line] : undefined;
}

/** Builds the trace of a parse from the layout and both parts. */
export function traceRawParse(lines: readonly RawLine[], layout: Layout, zh: ChinesePart, en: EnglishPart | undefined): RawTrace {
  const chrome = layout.roles.flatMap((role, i) =>
    role.kind === "chrome" && lines[i] ? [{ line: lines[i].line, text: lines[i].text, rule: role.rule }] : [],
  );
  const dropped = [...chrome, ...zh.dropped, ...(en?.dropped ?? [])].sort((a, b) => a.line - b.line);
  const lineAt = (index: number | undefined) => (index === undefined ? undefined : lines[index]?.line);
  const trace: RawTrace = {
    zhBody: spanOf(zh.paragraphs),
    enBody: spanOf(en?.paragraphs ?? []),
    enTitleLine: en?.title?.line,
    keywordsLine: en?.keywords?.line,
    sourceLine: lineAt(layout.sourceIndex),
    separatorLine: lineAt(layout.separators[0]),
    dropped,
  };
  for (const key of Object.keys(trace) as (keyof RawTrace)[]) if (trace[key] === undefined) delete trace[key];
  return trace;
}
