// Labels of a raw scrape: English-part field labels, the zh/en separator line and the source line.

/** Which field a label introduces. */
export type LabelKind = "title" | "keywords" | "content";

/** A recognised label line. */
export interface Label {
  /** The field it introduces. */
  kind: LabelKind;
  /** Text after the label on the same line, trimmed, Markdown bold removed ("" when the value follows below). */
  value: string;
  /** `en` when the label name itself says English (`News Title`, `英文标题`); `any` when the value decides. */
  lang: "en" | "any";
  /** The label name, lower-cased with spaces folded (`news title`, `headline`, `标题`). */
  name: string;
}

/** Label names; spaces match any run of spaces, case is ignored. */
const NAMES: Record<LabelKind, { en: string[]; any: string[] }> = {
  title: {
    en: ["news title", "english title", "title", "headline", "英文标题", "英文新闻标题"],
    any: ["新闻标题", "标题"],
  },
  keywords: {
    en: ["news keywords", "english keywords", "keywords", "key words", "keyword", "英文关键词", "英文关键字"],
    any: ["新闻关键词", "关键词", "关键字"],
  },
  content: {
    en: ["news content", "english content", "content", "contents", "英文新闻内容", "英文内容", "英文正文"],
    any: ["新闻内容", "内容", "正文"],
  },
};

/** Optional Markdown bold with the spaces after it; written so no two `\\s*` touch (they would backtrack quadratically). */
const BOLD_SP = "(?:(?:\\*\\*|__)\\s*)?";
const ALL_NAMES = Object.values(NAMES)
  .flatMap((names) => [...names.en, ...names.any])
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/ /g, "\\s*"))
  .join("|");
const LABEL_RE = new RegExp(`^(?:#{1,6})?\\s*${BOLD_SP}(${ALL_NAMES})\\s*${BOLD_SP}[:：]\\s*${BOLD_SP}(.*)$`, "i");
const BARE_LABEL_RE = new RegExp(`^(?:#{1,6})?\\s*${BOLD_SP}(${ALL_NAMES})\\s*(?:\\*\\*|__)?$`, "i");
const TRAILING_BOLD_RE = /(?:\*\*|__)$/;
/** A separator line is a few words; longer lines are never one (and are not run through the regexes below). */
const MAX_SEPARATOR_LENGTH = 60;
const SEPARATOR_DECOR_RE = /^(?:#{1,6}\s*)?(?:\*\*|__)?|(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?$/g;
const SEPARATOR_ZH_RE = /^(?:以下|下面|附)?(?:为|是)?(?:英语|英文)(?:翻译|译文|版本?|全文|稿)?(?:如下)?$/;
const SEPARATOR_EN_RE = /^(?:(?:the\s+)?english\s+(?:version|translation|text)(?:\s+(?:below|follows|is as follows))?|in english|english|translation)$/i;
const SOURCE_RE =
  /^(?:(?:\*\*|__)\s*)?(?:【(?:来源|原文|出处|原文链接)】|\[(?:来源|原文链接|source)\]|(?:来源|原文链接|原文地址|原文|出处|source|original link)\s*(?:(?:\*\*|__)\s*)?[:：])\s*(?:(?:\*\*|__)\s*)?(.+)$/i;
/** A bracketed source label (`【来源】`, `[source]`) says "source" whatever follows: a bad value is still a source line. */
const BRACKET_SOURCE_RE = /^(?:(?:\*\*|__)\s*)?(?:【(?:来源|原文|出处|原文链接)】|\[(?:来源|原文链接|source)\])\s*(?:(?:\*\*|__)\s*)?(.+)$/i;
/** A URL-looking value: any scheme (so `javascript:` is still caught, and rejected later) or a bare `www.` host. */
const URL_LIKE_RE = /^(?:[a-z][a-z0-9+.-]*:[^\s\p{Script=Han}]+|www\.[^\s\p{Script=Han}]+)$/iu;

/** Finds the kind and language of a label name as written. */
function classifyName(written: string): { kind: LabelKind; lang: "en" | "any"; name: string } {
  const name = written.toLowerCase().replace(/\s+/g, " ");
  for (const [kind, names] of Object.entries(NAMES) as [LabelKind, (typeof NAMES)[LabelKind]][]) {
    if (names.en.includes(name)) return { kind, lang: "en", name };
    if (names.any.includes(name)) return { kind, lang: "any", name };
  }
  return { kind: "content", lang: "any", name };
}

/** Reads a label line (`News Title: …`, `**关键词**：…`, a bare `News Content`), or returns undefined. */
export function matchLabel(text: string): Label | undefined {
  const match = LABEL_RE.exec(text) ?? BARE_LABEL_RE.exec(text);
  if (!match) return undefined;
  const value = (match[2] ?? "").trimEnd().replace(TRAILING_BOLD_RE, "").trim();
  return { ...classifyName(match[1] ?? ""), value };
}

/** True for a line announcing the English part: `英语如下:`, `以下为英文版：`, `English version:`. */
export function isSeparator(text: string): boolean {
  if (text.length > MAX_SEPARATOR_LENGTH) return false;
  const bare = text.replace(SEPARATOR_DECOR_RE, "").trim();
  return bare.length > 0 && (SEPARATOR_ZH_RE.test(bare) || SEPARATOR_EN_RE.test(bare));
}

/** Reads the URL of a source line (`【来源】URL`, `来源：URL`, `原文链接：URL`) as written, or returns undefined. */
export function matchSource(text: string): string | undefined {
  const value = SOURCE_RE.exec(text)?.[1]?.trimEnd().replace(TRAILING_BOLD_RE, "").trim();
  if (value !== undefined && URL_LIKE_RE.test(value)) return value;
  // `【来源】/news/1.html` or `【来源】澎湃新闻` is still the source line: the parser drops its value with a warning.
  return BRACKET_SOURCE_RE.exec(text)?.[1]?.trimEnd().replace(TRAILING_BOLD_RE, "").trim() || undefined;
}
