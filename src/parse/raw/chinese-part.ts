// The Chinese part of a raw scrape: body paragraphs, and a title when one is written.
import type { Located } from "../../types.ts";
import { looksLikeZhTitle } from "./derive-title.ts";
import type { LabelKind } from "./labels.ts";
import type { LineRole } from "./layout.ts";
import { hasHan } from "./lines.ts";
import type { DroppedLine, RawLine } from "./lines.ts";

/** What the Chinese part holds. */
export interface ChinesePart {
  /** A written title: from a `标题：` label, or a short title line above the body. */
  title?: Located<string>;
  /** Keywords from a `关键词：` label in the Chinese part, as written. */
  keywords?: Located<string>;
  /** Body paragraphs: each non-empty line, trimmed; empty when there is no Chinese text. */
  paragraphs: Located<string>[];
  /** Lines left out: text without any Chinese, where the Chinese part should be. */
  dropped: DroppedLine[];
}

/** Reads the Chinese part: lines before index `to` that are neither chrome nor structure. */
export function readChinesePart(lines: readonly RawLine[], roles: readonly LineRole[], to: number): ChinesePart {
  const fields: Partial<Record<LabelKind, Located<string>>> = {};
  let paragraphs: Located<string>[] = [];
  let pending: LabelKind | undefined;
  for (let i = 0; i < to; i++) {
    const role = roles[i];
    const line = lines[i];
    if (!role || !line) continue;
    if (role.kind === "label") {
      const { kind, value } = role.label;
      if (kind === "content") {
        if (value) paragraphs.push({ value, line: line.line });
      } else if (value) fields[kind] ??= { value, line: line.line };
      pending = value ? undefined : kind;
    } else if (role.kind === "value" && pending && pending !== "content") {
      fields[pending] ??= { value: line.text, line: line.line };
      pending = undefined;
    } else if (role.kind === "text" || role.kind === "value") {
      paragraphs.push({ value: line.text, line: line.line });
    }
  }
  if (!paragraphs.some((p) => hasHan(p.value))) {
    const dropped = paragraphs.map((p) => ({ line: p.line, text: p.value, rule: "stray-line" }));
    return { paragraphs: [], dropped, ...(fields.keywords ? { keywords: fields.keywords } : {}) };
  }
  let title = fields.title;
  const [first, second] = paragraphs;
  if (!title && first && looksLikeZhTitle(first.value, second?.value)) {
    title = first;
    paragraphs = paragraphs.slice(1);
  }
  return { paragraphs, dropped: [], ...(title ? { title } : {}), ...(fields.keywords ? { keywords: fields.keywords } : {}) };
}
