// The English part of a raw scrape: labelled title, keywords and content, in any order.
import type { Located } from "../../types.ts";
import type { LabelKind } from "./labels.ts";
import type { LineRole } from "./layout.ts";
import type { DroppedLine, RawLine } from "./lines.ts";

/** What the English part holds. */
export interface EnglishPart {
  /** 1-based line where the English part starts (for diagnostics). */
  startLine: number;
  /** The title, quotes stripped, with the line it is on. */
  title?: Located<string>;
  /** The keywords exactly as written after the label (one-per-line lists joined with ", "). */
  keywords?: Located<string>;
  /** Content paragraphs: each non-empty line, trimmed. */
  paragraphs: Located<string>[];
  /** Lines left out: a repeated title, stray text outside the labelled blocks. */
  dropped: DroppedLine[];
}

type Block = LabelKind | "pre";

const QUOTE_PAIRS: readonly (readonly [string, string])[] = [["“", "”"], ['"', '"'], ["‘", "’"], ["'", "'"], ["「", "」"], ["『", "』"]];
const COMPARABLE_RE = /[\s"“”‘’'「」『』*_.。!?！？:：]+/g;

/** Strips one pair of quotes wrapped around the whole title. */
export function stripQuotes(title: string): string {
  for (const [open, close] of QUOTE_PAIRS) {
    if (title.length > 2 && title.startsWith(open) && title.endsWith(close)) return title.slice(open.length, -close.length).trim();
  }
  return title;
}

/** Folds case, quotes and spacing so a repeated title is recognised. */
function comparable(text: string): string {
  return text.replace(COMPARABLE_RE, " ").trim().toLowerCase();
}

/** Collects the lines of each labelled block; unlabelled lines before the first label go to `pre`. */
function collectBlocks(lines: readonly RawLine[], roles: readonly LineRole[], from: number, to: number) {
  const blocks: Record<Block, Located<string>[]> = { pre: [], title: [], keywords: [], content: [] };
  const labelled = new Set<LabelKind>();
  let current: Block = "pre";
  for (let i = from; i < to; i++) {
    const role = roles[i];
    const line = lines[i];
    if (!role || !line) continue;
    if (role.kind === "label") {
      current = role.label.kind;
      labelled.add(current);
      if (role.label.value) blocks[current].push({ value: role.label.value, line: line.line });
    } else if (role.kind === "text" || role.kind === "value") {
      blocks[current].push({ value: line.text, line: line.line });
    }
  }
  return { blocks, labelled };
}

/** Reads the English part between two line indexes; undefined when it holds neither labels nor text. */
export function readEnglishPart(lines: readonly RawLine[], roles: readonly LineRole[], from: number, to: number): EnglishPart | undefined {
  const { blocks, labelled } = collectBlocks(lines, roles, from, to);
  const all = [...blocks.pre, ...blocks.title, ...blocks.keywords, ...blocks.content];
  if (labelled.size === 0 && all.length === 0) return undefined;
  const dropped: DroppedLine[] = [];
  const [title, ...titleRest] = blocks.title;
  const [firstKeywords, ...keywordsRest] = blocks.keywords;
  let keywords = firstKeywords;
  let paragraphs: Located<string>[];
  if (labelled.has("content")) {
    // With a content label, lines outside the content block are not content.
    if (firstKeywords && keywordsRest.length > 0) {
      keywords = { value: blocks.keywords.map((k) => k.value).join(", "), line: firstKeywords.line };
    }
    for (const stray of [...blocks.pre, ...titleRest]) dropped.push({ line: stray.line, text: stray.value, rule: "stray-line" });
    paragraphs = blocks.content;
  } else {
    // Without one, the content is whatever follows the title and keywords values.
    paragraphs = [...blocks.pre, ...titleRest, ...keywordsRest].sort((a, b) => a.line - b.line);
  }
  const cleanTitle = title ? { value: stripQuotes(title.value), line: title.line } : undefined;
  const first = paragraphs[0];
  if (cleanTitle && first && comparable(first.value) === comparable(cleanTitle.value)) {
    dropped.push({ line: first.line, text: first.value, rule: "repeated-title" });
    paragraphs = paragraphs.slice(1);
  }
  const startIndex = roles.findIndex((role, i) => i >= from && role.kind !== "blank");
  const startLine = lines[startIndex >= 0 ? startIndex : from]?.line ?? 1;
  return { startLine, ...(cleanTitle ? { title: cleanTitle } : {}), ...(keywords ? { keywords } : {}), paragraphs, dropped };
}
