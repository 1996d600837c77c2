// File shapes: Markdown pairs with YAML front matter, and raw scraped pages with a small front matter block.
import type { Term } from "./pools/entities.ts";
import { intBetween, pick } from "./prng.ts";
import type { Rng } from "./prng.ts";
import type { StoryText } from "./story.ts";

/** What every file of a story shares. */
export interface FileMeta {
  /** ISO 8601 date-time with +08:00. */
  date: string;
  /** Source URL. */
  source: string;
}

/** A plain YAML scalar when that is unambiguous, else a JSON (YAML double-quoted) string. */
function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}][^:#[\]{},"\n]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

/** Keywords as a YAML flow list or as one delimited string (both are accepted; real sources use both). */
function yamlKeywords(rng: Rng, keywords: readonly string[], lang: "zh" | "en"): string {
  if (rng() < 0.6) return `[${keywords.map(yamlScalar).join(", ")}]`;
  return yamlScalar(keywords.join(lang === "zh" ? pick(rng, ["、", "，", ", "]) : ", "));
}

/** One language of a story as Markdown with front matter. */
export function renderMarkdown(rng: Rng, story: StoryText, lang: "zh" | "en", meta: FileMeta): string {
  const lines = ["---", `title: ${yamlScalar(story.title[lang])}`, `date: ${meta.date}`];
  lines.push(`keywords: ${yamlKeywords(rng, story.keywords.map((k) => k[lang]), lang)}`);
  if (rng() < 0.8) lines.push(`source: ${meta.source}`);
  if (rng() < 0.5) lines.push(`summary: ${yamlScalar(story.summary[lang])}`);
  lines.push("---");
  return `${lines.join("\n")}\n${story.body[lang].join("\n\n")}\n`;
}

const NAV_MENUS = ["首页 | 国内 | 国际 | 财经 | 科技 | 体育", "首页 | 新闻 | 城市 | 民生 | 文旅", "首页 | 要闻 | 地方 | 视频 | 专题"];
const SECTIONS = ["国内", "财经", "科技", "城市", "社会", "民生"];

/** Page chrome above a scraped story: menu, breadcrumb, publication line (dropped by the raw parser). */
function topChrome(rng: Rng, day: string): string[] {
  if (rng() < 0.6) return [];
  const author = pick(rng, ["王五", "李青", "张晨", "本报记者", "综合报道"]);
  return [pick(rng, NAV_MENUS), `当前位置：首页 > 新闻 > ${pick(rng, SECTIONS)}`, `发布时间：${day} 作者：${author} 阅读：${intBetween(rng, 10, 9999)}`, ""];
}

/** A whole story as one raw scraped page, in the shape of articles/2024/us-cloud-ai-restrictions.txt. */
export function renderRaw(rng: Rng, story: StoryText, meta: FileMeta): string {
  const keywordsZh = story.keywords.map((k: Term) => k.zh);
  const title = rng() < 0.5 ? `“${story.title.en}”` : story.title.en;
  const lines = [
    "---",
    `date: ${meta.date}`,
    `title_zh: ${yamlScalar(story.title.zh)}`,
    `keywords_zh: [${keywordsZh.map(yamlScalar).join(", ")}]`,
    "---",
    ...topChrome(rng, meta.date.slice(0, 10)),
    story.body.zh.join("\n\n"),
    "",
    "英语如下:",
    "",
    `News Title: ${title}`,
    "",
    `Keywords: ${story.keywords.map((k) => k.en).join(", ")}`,
    "",
    "News Content:",
    "",
    story.body.en.join("\n\n"),
    "",
    `【来源】${meta.source}`,
    "",
    `Views: ${intBetween(rng, 1, 50000)}`,
    "",
    "发表回复",
    "",
    "您的邮箱地址不会被公开。 必填项已用 * 标注",
  ];
  return `${lines.join("\n")}\n`;
}
