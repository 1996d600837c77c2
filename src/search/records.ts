// Search records: one small document per story, both languages together, written in search terms.
import type { ArticlePage } from "../render/index.ts";
import { escapeHtml } from "../shared/escape.ts";
import type { Lang } from "../types.ts";
import type { Converter } from "./convert.ts";
import { thumbOf, toStoredVersion, type ResultVersion } from "./result-data.ts";
import { formTermsOf, phraseTermOf, termsOf } from "./tokens.ts";

/** Longest lead indexed and shown, in characters: enough to rank on, small enough to stay light. */
const LEAD_LENGTH = 160;

/** Groups article pages into stories (zh and en of one key together), in plan order. */
export function storiesOf(pages: readonly ArticlePage[]): Partial<Record<Lang, ArticlePage>>[] {
  const byKey = new Map<string, Partial<Record<Lang, ArticlePage>>>();
  for (const page of pages) {
    const story = byKey.get(page.key) ?? {};
    story[page.lang] = page;
    byKey.set(page.key, story);
  }
  return [...byKey.values()];
}

/**
 * The document Pagefind indexes for a story. Titles and keywords carry the highest weight, leads the
 * normal one; all text is given as search terms (see tokens.ts), and the English words of titles and
 * keywords once more as word-form terms, which only the engine's ranking searches for. What the result
 * list shows travels as metadata inside `data-pagefind-ignore`: stored, and kept out of the weighted text,
 * though Pagefind also indexes metadata values as words (see result-data.ts).
 */
export function storyRecordHtml(story: Partial<Record<Lang, ArticlePage>>, convert: Converter): string {
  const versions = (["zh", "en"] as const).flatMap((lang) => (story[lang] ? [story[lang]] : []));
  const terms = (texts: string[]) => escapeHtml(texts.flatMap((text) => termsOf(text, convert)).join(" "));
  const phrases = (of: ArticlePage[]) =>
    of.flatMap((v) => v.keywords.flatMap((k) => phraseTermOf(k.name, convert) ?? [])).map((term) => ` ${term}`).join("");
  const forms = (of: ArticlePage[]) => [
    ...new Set(of.flatMap((v) => [v.title, ...v.keywords.map((k) => k.name)]).flatMap((text) => formTermsOf(text, convert))),
  ];
  const [first] = versions;
  if (!first) throw new Error("a story with no version has no search record");
  const meta: string[] = [];
  const addMeta = (key: string, value: string) => meta.push(`<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`);
  const addFilter = (key: string, value: string) => meta.push(`<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`);
  for (const page of versions) {
    const version: ResultVersion = {
      title: page.title,
      url: page.url,
      keywords: page.keywords.map((k) => k.name).join(page.lang === "zh" ? "、" : ", "),
      lead: shorten(page.lead),
      dateText: page.dateText,
      ...thumbOfPage(page),
    };
    addMeta(page.lang, JSON.stringify(toStoredVersion(version)));
    addFilter("lang", page.lang);
    for (const keyword of page.keywords) addFilter(`kw_${page.lang}`, keyword.name);
  }
  addMeta("date", first.dateIso);
  addFilter("year", first.dateIso.slice(0, 4));
  return [
    `<!DOCTYPE html><html lang="en"><head><title>${escapeHtml(first.key)}</title></head><body>`,
    `<h1 data-pagefind-weight="10">${terms(versions.map((v) => v.title))}</h1>`,
    `<p data-pagefind-weight="9">${terms(versions.flatMap((v) => v.keywords.map((k) => k.name)))}${phrases(versions)}</p>`,
    `<p>${terms(versions.map((v) => shorten(v.lead)))}</p>`,
    `<p>${escapeHtml(forms(versions).join(" "))}</p>`,
    `<div data-pagefind-ignore>${meta.join("")}`,
    `<span data-pagefind-sort="date">${Math.floor(first.date.toSeconds())}</span></div>`,
    `</body></html>`,
  ].join("");
}

/**
 * The texts `storyRecordHtml` converts from Traditional to Simplified (as search terms): each version's
 * title, keywords and shortened lead. Only these reach the converter.
 */
export function convertedTexts(story: Partial<Record<Lang, ArticlePage>>): string[] {
  return (["zh", "en"] as const).flatMap((lang) => {
    const page = story[lang];
    return page ? [page.title, ...page.keywords.map((k) => k.name), shorten(page.lead)] : [];
  });
}

/**
 * What `storyRecordHtml` makes a story's record from, besides the conversion table: these fields of each
 * version. Two stories with equal fields have the same record.
 */
export function recordFields(story: Partial<Record<Lang, ArticlePage>>): unknown[] {
  return (["zh", "en"] as const).map((lang) => {
    const p = story[lang];
    return p && [p.key, p.title, p.url, p.lead, p.dateText, p.dateIso, p.date.toSeconds(), p.keywords.map((k) => k.name), thumbOfPage(p).thumb ?? null];
  });
}

/** The page's lead photo as a result thumbnail, when it has a local one. */
function thumbOfPage(page: ArticlePage): { thumb?: ResultVersion["thumb"] } {
  const set = page.image?.set;
  const thumb = set && thumbOf(set.fallback.srcset, set);
  return thumb ? { thumb } : {};
}

function shorten(lead: string): string {
  return lead.length <= LEAD_LENGTH ? lead : `${lead.slice(0, LEAD_LENGTH)}…`;
}
