// Which languages a raw scrape yields, with a diagnostic for each missing or incomplete part.
import { error, warning } from "../../diagnostics.ts";
import type { Diagnostic, Located } from "../../types.ts";
import type { ChinesePart } from "./chinese-part.ts";
import type { EnglishPart } from "./english-part.ts";

/** Whether each language yields a draft. */
export interface PartsPresent {
  /** The Chinese part has body paragraphs. */
  zh: boolean;
  /** The English part has a title and content paragraphs. */
  en: boolean;
}

/**
 * Checks both parts: neither is `raw/empty` (error); one missing is `raw/no-english` or
 * `raw/no-chinese` (warning); an English part without title or content is an error and yields no draft.
 * `stray` is the first English-looking line before the English part: with no English part, the English
 * text could not be told apart, and `raw/ambiguous-english` names that line instead of `raw/no-english`.
 */
export function checkParts(file: string, zh: ChinesePart, en: EnglishPart | undefined, bodyLine: number, diagnostics: Diagnostic[], stray?: Located<string>): PartsPresent {
  const hasZh = zh.paragraphs.length > 0;
  if (!hasZh && !en) {
    const message = 'no story text found: expected Chinese paragraphs and/or an English part with "News Title:" and "News Content:"';
    diagnostics.push(error(file, bodyLine, "raw/empty", message));
    return { zh: false, en: false };
  }
  if (!en && stray) {
    const message = `line ${stray.line} reads as English, but no English part could be told apart (put a line such as "英语如下:" between the Chinese and the English text); only the Chinese version is published`;
    diagnostics.push(warning(file, stray.line, "raw/ambiguous-english", message));
    return { zh: hasZh, en: false };
  }
  if (!en) {
    const line = zh.paragraphs[zh.paragraphs.length - 1]?.line ?? bodyLine;
    const message = 'no English part found (such as "英语如下:" then "News Title:", "Keywords:", "News Content:"); only the Chinese version is published';
    diagnostics.push(warning(file, line, "raw/no-english", message));
    return { zh: true, en: false };
  }
  if (en.ambiguity) {
    diagnostics.push(ambiguousPart(file, en.ambiguity));
    return { zh: hasZh, en: false };
  }
  if (!hasZh) {
    const message = "no Chinese text before the English part; only the English version is published";
    diagnostics.push(warning(file, en.startLine, "raw/no-chinese", message));
  }
  if (!en.title) {
    diagnostics.push(error(file, en.startLine, "raw/missing-title", 'the English part has no title: add a line "News Title: …"'));
  }
  if (en.paragraphs.length === 0) {
    const message = 'the English part has no content: add "News Content:" followed by the paragraphs';
    diagnostics.push(error(file, en.startLine, "raw/missing-content", message));
  }
  return { zh: hasZh, en: en.title !== undefined && en.paragraphs.length > 0 };
}

/** The `raw/duplicate-title` or `raw/unlabelled-content` warning: the English part is left out, its lines named. */
function ambiguousPart(file: string, ambiguity: NonNullable<EnglishPart["ambiguity"]>): Diagnostic {
  const where = `lines ${ambiguity.lines.join(" and ")}`;
  const message =
    ambiguity.kind === "duplicate-title"
      ? `the English part has ${ambiguity.lines.length} different titles (${where}); the English version is left out: keep one "News Title:" line`
      : `the English part has a title and keywords (${where}) but no "News Content:" label, so its text could be more keywords; the English version is left out: add "News Content:" before the English text`;
  return warning(file, ambiguity.lines[1] ?? ambiguity.lines[0] ?? 1, `raw/${ambiguity.kind}`, message);
}
