// Baseline input: the corpus as the plain Eleventy site a user would write (one Markdown file per article, a minimal layout).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseMarkdownArticle, parseRawScrape } from "../../src/parse/index.ts";
import type { DraftBody, Lang, SourceFile } from "../../src/types.ts";
import type { CorpusManifest, ManifestStory } from "../corpus.ts";

/** The Eleventy input written for the baseline. */
export interface BaselineSite {
  /** Eleventy's `--input` directory. */
  inputDir: string;
  /** Article templates written (one per story language version). */
  articles: number;
}

/** Stories converted at once: enough to keep the disk busy, few enough to bound memory at 100,000 stories. */
const BATCH = 256;

/** Newest articles listed on each language's index page. */
const INDEX_SIZE = 50;

/** The one layout: html lang, title, h1, content. */
const LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
</head>
<body>
<main>
<h1>{{ title }}</h1>
{{ content | safe }}
</main>
</body>
</html>
`;

/** A language's index page: the newest articles of its collection (collections are sorted oldest first). */
function indexPage(lang: Lang): string {
  const title = lang === "zh" ? "最新新闻" : "Latest news";
  return `---
title: ${title}
lang: ${lang}
layout: post.njk
permalink: /${lang}/index.html
---
<ul>
{%- for post in collections.${lang}.slice(-${INDEX_SIZE}) | reverse %}
<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date.toISOString().slice(0, 10) }}</time></li>
{%- endfor %}
</ul>
`;
}

/** A draft body as Markdown: Markdown stays as written, raw-scrape paragraphs become Markdown paragraphs. */
function bodyToMarkdown(body: DraftBody): string {
  return body.format === "markdown" ? body.text : body.paragraphs.map((p) => p.value).join("\n\n");
}

/** The bodies of one story per language, read with Duet's own parsers (so both builds get the same text). */
async function readBodies(corpusDir: string, story: ManifestStory): Promise<Partial<Record<Lang, string>>> {
  const bodies: Partial<Record<Lang, string>> = {};
  for (const relPath of story.files) {
    const source: SourceFile = {
      path: path.join(corpusDir, relPath),
      relPath,
      text: await readFile(path.join(corpusDir, relPath), "utf8"),
      kind: relPath.endsWith(".txt") ? "raw" : "markdown",
    };
    const parsed = source.kind === "raw" ? parseRawScrape(source) : parseMarkdownArticle(source);
    for (const draft of parsed.drafts) bodies[draft.lang] = bodyToMarkdown(draft.body);
  }
  for (const lang of story.languages) {
    if (bodies[lang] === undefined) throw new Error(`baseline: no ${lang} body parsed from ${story.files.join(", ")}`);
  }
  return bodies;
}

/** One article template: title and lang as JSON strings (valid YAML), the date as a YAML timestamp. */
function articleTemplate(story: ManifestStory, lang: Lang, body: string): string {
  const front = ["---", `title: ${JSON.stringify(story.title[lang])}`, `date: ${story.date}`, "layout: post.njk", `lang: ${lang}`, `tags: [${lang}]`, "---"];
  return `${front.join("\n")}\n${body}\n`;
}

/**
 * Writes the corpus as an Eleventy input directory under `siteDir/input`: `<lang>/<slug>.md` per article,
 * `_includes/post.njk`, and `<lang>/index.njk` listing the newest articles. Not part of the timed run.
 */
export async function prepareBaselineSite(corpusDir: string, manifest: CorpusManifest, siteDir: string): Promise<BaselineSite> {
  const inputDir = path.join(siteDir, "input");
  await mkdir(path.join(inputDir, "_includes"), { recursive: true });
  await writeFile(path.join(inputDir, "_includes", "post.njk"), LAYOUT);
  for (const lang of ["zh", "en"] as const) {
    await mkdir(path.join(inputDir, lang), { recursive: true });
    await writeFile(path.join(inputDir, lang, "index.njk"), indexPage(lang));
  }
  let articles = 0;
  for (let start = 0; start < manifest.stories.length; start += BATCH) {
    const batch = manifest.stories.slice(start, start + BATCH);
    await Promise.all(
      batch.map(async (story) => {
        const bodies = await readBodies(corpusDir, story);
        for (const lang of story.languages) {
          await writeFile(path.join(inputDir, lang, `${story.slug}.md`), articleTemplate(story, lang, bodies[lang]!));
          articles++;
        }
      }),
    );
  }
  return { inputDir, articles };
}
