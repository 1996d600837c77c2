// The English part of a raw scrape: labelled title, keywords and content, in any order.
import type { Located } from "../../types.ts";
import type { Label, LabelKind } from "./labels.ts";
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
  /** Lines left out: a repeated or restated title, stray text outside the labelled blocks. */
  dropped: DroppedLine[];
  /**
   * Why the part cannot be published safely, with the lines to name: `duplicate-title` (two title lines with
   * different values) or `unlabelled-content` (title and keywords but no content label, so the lines after the
   * keywords could be more keywords or the story).
   */
  ambiguity?: { kind: "duplicate-title" | "unlabelled-content"; lines: number[] };
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

/** The labelled blocks of the English part, and the lines that make it ambiguous or were restated. */
interface Blocks {
  /** Lines of each block; unlabelled lines before the first label are `pre`. */
  blocks: Record<Block, Located<string>[]>;
  /** Which fields have a label. */
  labelled: Set<LabelKind>;
  /** Every line labelled with the part's own title label (`News Title:`): two with different values are ambiguous. */
  titleLines: Located<string>[];
  /** A title label restated as the content's first line (`Title: …`, `**Headline:** …`), dropped. */
  restated: DroppedLine[];
}

/** Inside the content: a label of a field the part already labelled by another name, or a title when it had none. */
function isRestatedLabel(label: Label, own: ReadonlyMap<LabelKind, string>): boolean {
  const ownName = own.get(label.kind);
  return ownName === undefined ? label.kind === "title" : ownName !== label.name;
}

/** Drops a restated title line, and its value below when the label stands alone; returns the last index used. */
function dropRestatedTitle(lines: readonly RawLine[], roles: readonly LineRole[], index: number, value: string, out: DroppedLine[]): number {
  const drop = (i: number) => out.push({ line: lines[i]?.line ?? 1, text: lines[i]?.text ?? "", rule: "restated-title" });
  drop(index);
  if (value) return index;
  let below = index + 1;
  while (roles[below]?.kind === "blank") below++;
  if (roles[below]?.kind !== "value") return index;
  drop(below);
  return below;
}

/**
 * Collects the lines of each labelled block. Inside the content, a label-like line is content unless it is one
 * of the part's own labels (the name its title, keywords or content label first had); a title label opening the
 * content restates the headline and is dropped, or is the title when the part had none.
 */
function collectBlocks(lines: readonly RawLine[], roles: readonly LineRole[], from: number, to: number): Blocks {
  const out: Blocks = { blocks: { pre: [], title: [], keywords: [], content: [] }, labelled: new Set(), titleLines: [], restated: [] };
  const own = new Map<LabelKind, string>();
  let current: Block = "pre";
  for (let i = from; i < to; i++) {
    const role = roles[i];
    const line = lines[i];
    if (!role || !line) continue;
    if (role.kind === "label" && current === "content" && isRestatedLabel(role.label, own)) {
      const { kind, value } = role.label;
      if (kind === "title" && out.blocks.content.length === 0) {
        if (own.has("title")) i = dropRestatedTitle(lines, roles, i, value, out.restated);
        else out.blocks.title.push({ value, line: line.line });
      } else out.blocks.content.push({ value: line.text, line: line.line });
    } else if (role.kind === "label") {
      current = role.label.kind;
      out.labelled.add(current);
      if (!own.has(current)) own.set(current, role.label.name);
      if (current === "title" && own.get("title") === role.label.name) out.titleLines.push({ value: role.label.value, line: line.line });
      if (role.label.value) out.blocks[current].push({ value: role.label.value, line: line.line });
    } else if (role.kind === "text" || role.kind === "value") {
      out.blocks[current].push({ value: line.text, line: line.line });
    }
  }
  return out;
}

/** Reads the English part between two line indexes; undefined when it holds neither labels nor text. */
export function readEnglishPart(lines: readonly RawLine[], roles: readonly LineRole[], from: number, to: number): EnglishPart | undefined {
  const { blocks, labelled, titleLines, restated } = collectBlocks(lines, roles, from, to);
  const all = [...blocks.pre, ...blocks.title, ...blocks.keywords, ...blocks.content];
  if (labelled.size === 0 && all.length === 0) return undefined;
  const dropped: DroppedLine[] = [...restated];
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
  const ambiguity = findAmbiguity(labelled, titleLines, blocks);
  return { startLine, ...(cleanTitle ? { title: cleanTitle } : {}), ...(keywords ? { keywords } : {}), paragraphs, dropped, ...(ambiguity ? { ambiguity } : {}) };
}

/** Two own title lines that differ, or title and keywords without a content label. */
function findAmbiguity(labelled: ReadonlySet<LabelKind>, titleLines: readonly Located<string>[], blocks: Blocks["blocks"]): EnglishPart["ambiguity"] {
  const values = new Set(titleLines.filter((t) => t.value).map((t) => comparable(stripQuotes(t.value))));
  if (values.size > 1) return { kind: "duplicate-title", lines: titleLines.map((t) => t.line) };
  const [title] = blocks.title;
  const [keywords] = blocks.keywords;
  if (!labelled.has("content") && title && keywords) return { kind: "unlabelled-content", lines: [title.line, keywords.line] };
  return undefined;
}
