// Layout of a raw scrape: what each line is, and where the Chinese part, English part and story end.
import { isRelatedHeader, matchChrome } from "./chrome.ts";
import { isSeparator, matchLabel, matchSource } from "./labels.ts";
import { findLeadChrome } from "./lead-chrome.ts";
import type { Label } from "./labels.ts";
import { hasHan, isLatinText } from "./lines.ts";
import type { RawLine } from "./lines.ts";

/** What one line of a raw scrape is. */
export type LineRole =
  | { kind: "blank" }
  | { kind: "text" }
  | { kind: "chrome"; rule: string }
  | { kind: "label"; label: Label }
  | { kind: "value" }
  | { kind: "separator" }
  | { kind: "source"; url: string };

/** Where the parts of a raw scrape are; every index points into the lines. */
export interface Layout {
  /** The role of each line. `value` marks a label's value written on the line below it. */
  roles: LineRole[];
  /** Indexes of the separator lines; more than one is ambiguous. */
  separators: number[];
  /** Index of the first line of the English part, when there is one. */
  englishStart?: number;
  /** Index where the Chinese part ends (exclusive). */
  chineseEnd: number;
  /** Index where the story ends (exclusive); every later line is chrome. */
  storyEnd: number;
  /** Index of the line giving the source URL. */
  sourceIndex?: number;
  /** Indexes of every source line inside the story (more than one is reported; the kept one is `sourceIndex`). */
  sourceIndexes: number[];
}

/** Gives each line its structural role: label, separator, source line, blank or text. */
function classifyLine(text: string): LineRole {
  if (text === "") return { kind: "blank" };
  const url = matchSource(text);
  if (url !== undefined) return { kind: "source", url };
  if (isSeparator(text)) return { kind: "separator" };
  const label = matchLabel(text);
  return label ? { kind: "label", label } : { kind: "text" };
}

/** Index of the next non-blank line after `from`, or -1. */
function nextFilled(roles: readonly LineRole[], from: number): number {
  for (let i = from + 1; i < roles.length; i++) if (roles[i]?.kind !== "blank") return i;
  return -1;
}

/** Whether a label belongs to the English part: by its name, else by the language of its value. */
function isEnglishLabel(lines: readonly RawLine[], roles: readonly LineRole[], index: number): boolean {
  const role = roles[index];
  if (role?.kind !== "label") return false;
  if (role.label.lang === "en") return true;
  const next = nextFilled(roles, index);
  const below = roles[next]?.kind === "value" || roles[next]?.kind === "text" ? (lines[next]?.text ?? "") : "";
  return isLatinText(role.label.value || below);
}

/** Without separator or English labels: English starts at the first English line after the last Chinese one. */
function findUnlabelledEnglish(lines: readonly RawLine[], roles: readonly LineRole[], from: number, to: number): number | undefined {
  const text = [];
  for (let i = from; i < to; i++) if (roles[i]?.kind === "text") text.push(i);
  const lastHan = text.findLast((i) => hasHan(lines[i]?.text ?? "")) ?? -1;
  return text.find((i) => i > lastHan && isLatinText(lines[i]?.text ?? ""));
}

/** The text lines under a related-links header, up to the next blank line, are its links: chrome. */
function markRelatedBlocks(lines: readonly RawLine[], roles: LineRole[]): void {
  for (let i = 0; i < roles.length; i++) {
    if (roles[i]?.kind !== "chrome" || !isRelatedHeader(lines[i]?.text ?? "")) continue;
    for (let j = i + 1; j < roles.length && roles[j]?.kind !== "blank"; j++) {
      if (roles[j]?.kind === "text") roles[j] = { kind: "chrome", rule: "related" };
    }
  }
}

/** Classifies every line and finds the separator, the English part, the source line and the story end. */
export function locateParts(lines: readonly RawLine[]): Layout {
  const roles = lines.map((line) => classifyLine(line.text));
  roles.forEach((role, i) => {
    if (role.kind !== "label" || role.label.value || role.label.kind === "content") return;
    const next = nextFilled(roles, i);
    if (roles[next]?.kind === "text") roles[next] = { kind: "value" };
  });
  roles.forEach((role, i) => {
    const rule = role.kind === "text" ? matchChrome(lines[i]?.text ?? "") : undefined;
    if (rule) roles[i] = { kind: "chrome", rule };
  });
  for (const [i, rule] of findLeadChrome(lines, roles.map((role) => role.kind))) roles[i] = { kind: "chrome", rule };
  markRelatedBlocks(lines, roles);
  const firstStory = roles.findIndex((role) => role.kind !== "blank" && role.kind !== "chrome" && role.kind !== "source");
  // A source-like line above the story is page metadata, not the story's source.
  roles.forEach((role, i) => {
    if (role.kind === "source" && (firstStory < 0 || i < firstStory)) roles[i] = { kind: "chrome", rule: "meta-line" };
  });
  const separators = roles.flatMap((role, i) => (role.kind === "separator" ? [i] : []));
  const sources = roles.flatMap((role, i) => (role.kind === "source" ? [i] : []));
  let englishStart: number | undefined;
  if (separators.length > 0) englishStart = (separators[0] ?? 0) + 1;
  else {
    const labelled = roles.findIndex((_, i) => isEnglishLabel(lines, roles, i));
    englishStart = labelled >= 0 ? labelled : findUnlabelledEnglish(lines, roles, Math.max(firstStory, 0), sources[0] ?? lines.length);
  }
  const endSource = sources.find((i) => i >= (englishStart ?? 0));
  const sourceIndex = endSource ?? sources[0];
  const storyEnd = endSource ?? lines.length;
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i];
    if (role?.kind === "blank" || i === sourceIndex) continue;
    if (role?.kind === "source") roles[i] = { kind: "chrome", rule: "extra-source" };
    else if (i > storyEnd) roles[i] = { kind: "chrome", rule: "after-source" };
  }
  const chineseEnd = separators[0] ?? englishStart ?? storyEnd;
  return { roles, separators, englishStart, chineseEnd, storyEnd, sourceIndex, sourceIndexes: sources };
}
