// Raw scrapes: one scraped page holding a story in Chinese and English, amid page chrome.
import { error } from "../diagnostics.ts";
import type { Diagnostic, Located, ParseResult, SourceFile } from "../types.ts";
import { fileSlug } from "./file-slug.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { NEWS_FRONT_MATTER_KEYS } from "./news-keys.ts";
import { buildDrafts } from "./raw/build-drafts.ts";
import { checkParts } from "./raw/check-parts.ts";
import { readChinesePart } from "./raw/chinese-part.ts";
import type { ChinesePart } from "./raw/chinese-part.ts";
import { readEnglishPart } from "./raw/english-part.ts";
import type { EnglishPart } from "./raw/english-part.ts";
import { locateParts } from "./raw/layout.ts";
import type { Layout } from "./raw/layout.ts";
import { isLatinText, splitRawLines } from "./raw/lines.ts";
import type { RawLine } from "./raw/lines.ts";
import { readSourceLine } from "./raw/source-line.ts";
import { resolveStoryDate } from "./raw/story-date.ts";
import { traceRawParse } from "./raw/trace.ts";
import type { RawTrace } from "./raw/trace.ts";

export type { RawTrace } from "./raw/trace.ts";

/** Front matter keys a raw scrape may start with. */
export const RAW_FRONT_MATTER_KEYS = ["date", "slug", "title_zh", "keywords_zh", "id", ...NEWS_FRONT_MATTER_KEYS] as const;

/** A parse result with the trace of what the raw-scrape parser understood. */
export interface RawParseResult extends ParseResult {
  /** What the parser understood; see {@link RawTrace}. */
  trace: RawTrace;
}

/** A Chinese first paragraph this short is a dateline ("新华社北京1月29日电"), so the lead goes on to the next. */
const DATELINE_LENGTH = 30;

/** Parses one raw scrape into a draft per language it holds, with a trace of what was understood. */
export function parseRawScrape(source: SourceFile): RawParseResult {
  const file = source.path;
  const fm = parseFrontMatter(file, source.text, RAW_FRONT_MATTER_KEYS);
  const diagnostics: Diagnostic[] = [...fm.diagnostics];
  const lines = splitRawLines(fm.body, fm.bodyLine);
  const layout = locateParts(lines);
  if (layout.separators.length > 1) {
    diagnostics.push(ambiguousSeparator(file, lines, layout));
    return { drafts: [], diagnostics, trace: { dropped: [] } };
  }
  const zh = readChinesePart(lines, layout.roles, layout.chineseEnd);
  const en = layout.englishStart === undefined ? undefined : readEnglishPart(lines, layout.roles, layout.englishStart, layout.storyEnd);
  const trace = traceRawParse(lines, layout, zh, en);
  const present = checkParts(file, zh, en, fm.bodyLine, diagnostics, en ? undefined : firstEnglishLine(lines, layout));
  // Without its front matter the story may get the wrong slug or date: parse it for the trace, publish nothing.
  const fmBroken = fm.diagnostics.some((d) => d.severity === "error");
  if (fmBroken || (!present.zh && !present.en)) return { drafts: [], diagnostics, trace };

  const date = fm.data.get("date") ?? leadDate(source, zh, en, fm.bodyLine, diagnostics);
  const name = (source.relPath.split("/").pop() ?? source.relPath).trimEnd();
  const slug = fm.data.get("slug") ?? fileSlug(file, name.replace(/\.[^.]*$/, ""), diagnostics);
  const attribution = readSourceLine(file, lines, layout, diagnostics);
  if (attribution.dropped) {
    delete trace.sourceLine;
    trace.dropped = [...trace.dropped, attribution.dropped].sort((a, b) => a.line - b.line);
  }
  const built = buildDrafts({
    slug,
    source,
    frontMatter: fm.data,
    ...(present.zh ? { zh } : {}),
    ...(present.en && en ? { en } : {}),
    ...(date ? { date } : {}),
    ...(attribution.url ? { url: attribution.url } : {}),
  });
  if (built.zhTitle) trace.zhTitle = { candidate: built.zhTitle.candidate, rule: built.zhTitle.rule };
  return { drafts: built.drafts, diagnostics, trace };
}

/** The first English label or English text line before the English part (or anywhere, when there is none). */
function firstEnglishLine(lines: readonly RawLine[], layout: Layout): Located<string> | undefined {
  const end = layout.englishStart ?? layout.storyEnd;
  for (let i = 0; i < end; i++) {
    const role = layout.roles[i];
    const line = lines[i];
    if (!line) continue;
    const english = (role?.kind === "label" && role.label.lang === "en") || (role?.kind === "text" && isLatinText(line.text));
    if (english) return { value: line.text, line: line.line };
  }
  return undefined;
}

/** The `raw/ambiguous-separator` error, naming every separator line. */
function ambiguousSeparator(file: string, lines: readonly RawLine[], layout: Layout): Diagnostic {
  const where = layout.separators.map((i) => lines[i]?.line ?? 1);
  const quoted = layout.separators.map((i) => `"${lines[i]?.text ?? ""}"`).join(" and ");
  const message = `${where.length} lines announce the English part (lines ${where.join(" and ")}: ${quoted}); keep only the one before the English text`;
  return error(file, where[1] ?? 1, "raw/ambiguous-separator", message);
}

/** Decides the date from the path and the leads, adding `raw/no-year` or `raw/no-date` when it cannot. */
function leadDate(source: SourceFile, zh: ChinesePart, en: EnglishPart | undefined, bodyLine: number, diagnostics: Diagnostic[]) {
  const [lead, next] = zh.paragraphs;
  const zhLead = lead && next && lead.value.length <= DATELINE_LENGTH ? [lead, next] : lead ? [lead] : [];
  const enLead = en?.paragraphs[0];
  const fallbackLine = lead?.line ?? enLead?.line ?? bodyLine;
  const resolved = resolveStoryDate({ file: source.path, relPath: source.relPath, zhLead, ...(enLead ? { enLead } : {}), fallbackLine });
  diagnostics.push(...resolved.diagnostics);
  return resolved.date;
}
