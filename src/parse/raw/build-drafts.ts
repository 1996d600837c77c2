// Turns the parts of a raw scrape into drafts: front matter first, then the page, then derived values.
import type { ArticleDraft, Located, SourceFile } from "../../types.ts";
import type { ChinesePart } from "./chinese-part.ts";
import { deriveZhHeadline } from "./derive-title.ts";
import { newsFields } from "../news-keys.ts";
import type { DerivedTitle } from "./derive-title.ts";
import type { EnglishPart } from "./english-part.ts";

/** Everything the drafts are built from. */
export interface DraftInput {
  /** The source file. */
  source: SourceFile;
  /** Front matter values by key. */
  frontMatter: ReadonlyMap<string, Located<unknown>>;
  /** The Chinese part, when it yields a draft. */
  zh?: ChinesePart;
  /** The English part, when it yields a draft. */
  en?: EnglishPart;
  /** The decided date. */
  date?: Located<unknown>;
  /** The source URL as written. */
  url?: Located<unknown>;
  /** The slug: from front matter, else from the file name (see `fileSlug`). */
  slug: Located<unknown>;
}

/** Title, keywords and body of the Chinese draft; the title is derived from the lead only as a last resort. */
function zhFields(zh: ChinesePart, fmTitle?: Located<unknown>, fmKeywords?: Located<unknown>) {
  const lead = zh.paragraphs[0];
  const derived = !fmTitle && !zh.title && lead ? deriveZhHeadline(lead.value) : undefined;
  const title = fmTitle ?? zh.title ?? (derived && lead ? { value: derived.title, line: lead.line } : undefined);
  const keywords = fmKeywords ?? zh.keywords;
  return {
    ...(title ? { title } : {}),
    titleDerived: derived !== undefined,
    ...(keywords ? { keywords } : {}),
    derived,
  };
}

/** The drafts, and how the Chinese title was derived when it was. */
export interface BuiltDrafts {
  /** One draft per part given. */
  drafts: ArticleDraft[];
  /** The derived Chinese headline with its rule, for the trace. */
  zhTitle?: DerivedTitle;
}

/** Builds one draft per part given, sharing slug, id, date and source. */
export function buildDrafts(input: DraftInput): BuiltDrafts {
  const { source, frontMatter, zh, en } = input;
  const id = frontMatter.get("id");
  const shared = {
    file: source.path,
    relPath: source.relPath,
    kind: "raw",
    slug: input.slug,
    ...(id ? { id } : {}),
    ...(input.date ? { date: input.date } : {}),
    ...(input.url ? { source: input.url } : {}),
    // Photo, byline, section and state are the story's: both languages share them.
    ...newsFields(frontMatter),
  } as const;
  const drafts: ArticleDraft[] = [];
  let zhTitle: DerivedTitle | undefined;
  if (zh) {
    const { derived, ...fields } = zhFields(zh, frontMatter.get("title_zh"), frontMatter.get("keywords_zh"));
    zhTitle = derived;
    drafts.push({ ...shared, lang: "zh", ...fields, body: { format: "paragraphs", paragraphs: zh.paragraphs } });
  }
  if (en) {
    const fields = { ...(en.title ? { title: en.title } : {}), ...(en.keywords ? { keywords: en.keywords } : {}) };
    drafts.push({ ...shared, lang: "en", ...fields, titleDerived: false, body: { format: "paragraphs", paragraphs: en.paragraphs } });
  }
  return { drafts, ...(zhTitle ? { zhTitle } : {}) };
}
