// One search result as the page shows it: the reader's version when there is one, the other's otherwise.
import type { SearchUiStrings } from "../../render/strings.ts";
import type { ResultThumb } from "../result-data.ts";
import type { StoryResult } from "./story-data.ts";

type Lang = "zh" | "en";

/** What drawing a result needs from the page. */
export interface ResultContext {
  readerLang: Lang;
  /** URL path the site is served under, ending in `/`. */
  base: string;
  ui: SearchUiStrings;
  onlyMarks: Record<Lang, string>;
  /** Text nodes and `<mark>` elements for `text` with the query's matches marked. */
  marked(text: string): Node[];
}

/** The list item for `story`: title link, date, a mark or a link to the other language, lead and keywords. */
export function renderResult(story: StoryResult, context: ResultContext): HTMLLIElement {
  const { readerLang, ui, marked } = context;
  const otherLang: Lang = readerLang === "zh" ? "en" : "zh";
  const shownLang = story[readerLang] ? readerLang : otherLang;
  const item = document.createElement("li");
  // The engine never hands over a story with no version; should one come, its item stays empty.
  const shown = story[shownLang];
  if (!shown) return item;
  if (shownLang !== readerLang) item.lang = htmlLangOf(shownLang);
  const link = document.createElement("a");
  link.href = siteUrl(context.base, shown.url);
  link.className = "result-title";
  link.append(...marked(shown.title));
  const lead = document.createElement("p");
  lead.className = "result-lead";
  lead.append(...marked(shown.lead));
  item.append(link, metaLine(story, shownLang, context), lead);
  // The photo repeats what the headline says: decorative, so a screen reader hears each result once.
  if (shown.thumb) item.append(thumbnail(shown.thumb, context.base));
  if (shown.keywords) {
    const keywords = document.createElement("p");
    keywords.className = "result-keywords";
    keywords.append(...marked(shown.keywords));
    item.append(keywords);
  }
  return item;
}

/** The date, then the "only in" mark of a version in the other language, or a link to the other version. */
function metaLine(story: StoryResult, shownLang: Lang, { readerLang, base, ui, onlyMarks }: ResultContext): HTMLParagraphElement {
  const meta = document.createElement("p");
  meta.className = "result-meta";
  const date = document.createElement("span");
  date.textContent = story[shownLang]?.dateText ?? "";
  meta.append(date);
  if (shownLang !== readerLang) meta.append(" ", badge(onlyMarks[shownLang]));
  const otherLang: Lang = readerLang === "zh" ? "en" : "zh";
  const other = story[otherLang];
  if (shownLang === readerLang && other) {
    const alt = document.createElement("a");
    alt.href = siteUrl(base, other.url);
    alt.lang = htmlLangOf(otherLang);
    alt.hreflang = alt.lang;
    alt.textContent = ui.alsoIn;
    meta.append(" · ", alt);
  }
  return meta;
}

function badge(text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = "only-mark";
  span.textContent = text;
  return span;
}

/** A site-relative URL (starting with `/`) under the site's base path. */
function siteUrl(base: string, url: string): string {
  return base.replace(/\/$/, "") + url;
}

function htmlLangOf(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}

/** A result's thumbnail: AVIF, then WebP, then the JPEG or PNG, sized so the list never shifts as it loads. */
function thumbnail(thumb: ResultThumb, base: string): HTMLPictureElement {
  const file = (ext: string) => `${base}media/${thumb.name}-${thumb.width}.${ext}`;
  const picture = document.createElement("picture");
  picture.className = "thumb";
  for (const [type, ext] of [["image/avif", "avif"], ["image/webp", "webp"]] as const) {
    const source = document.createElement("source");
    source.type = type;
    source.srcset = file(ext);
    picture.append(source);
  }
  const img = document.createElement("img");
  img.src = file(thumb.fallback);
  img.alt = "";
  img.width = thumb.width;
  img.height = thumb.height;
  img.loading = "lazy";
  img.decoding = "async";
  picture.append(img);
  return picture;
}
