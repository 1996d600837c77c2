// Deterministic bilingual news corpus for the benchmarks: same options, byte-identical files.
import { mkdir, open, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderMarkdown, renderRaw } from "./formats.ts";
import { mix32, storyRng } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { writeStory } from "./story.ts";
import type { StoryDay } from "./story.ts";

export { deriveQueries } from "./queries.ts";
export type { Query, QueryClass, QuerySet } from "./queries.ts";

/** What to generate. */
export interface CorpusOptions {
  /** Number of stories (each a zh/en pair unless single-language). */
  pairs: number;
  /** Seed of every random choice. */
  seed: number;
  /** `md`: a .zh.md and .en.md per story; `raw`: one scraped .txt per story; `mix`: about 70% md, 30% raw. */
  format: "raw" | "md" | "mix";
  /** Directory written to; an existing corpus there (with its manifest.json) is replaced, anything else refused. */
  outDir: string;
  /** Share of stories in one language only, half zh, half en (default 0.05); these are always Markdown. */
  singleLanguageShare?: number;
}

/** One story as the benchmarks see it. */
export interface ManifestStory {
  /** Story id: the slug, also the key Duet pairs versions by. */
  id: string;
  /** File name without extension and language. */
  slug: string;
  /** Source format. */
  format: "md" | "raw";
  /** Languages the story exists in. */
  languages: ("zh" | "en")[];
  /** ISO 8601 date-time with +08:00. */
  date: string;
  /** Topic id. */
  topic: string;
  /** Files, relative to the corpus directory. */
  files: string[];
  /** Headline per language present. */
  title: { zh?: string; en?: string };
  /** Words the Chinese headline was built from (joined they give `title.zh`). */
  zhTitleWords?: string[];
  /** Keywords per language present. */
  keywords: { zh?: string[]; en?: string[] };
}

/** Sizes of the generated text. */
export interface CorpusTotals {
  /** Files written (manifest excluded). */
  files: number;
  /** Bytes written (manifest excluded). */
  bytes: number;
  /** Stories with a Chinese version. */
  zhStories: number;
  /** Stories with an English version. */
  enStories: number;
  /** Characters of all Chinese bodies. */
  zhChars: number;
  /** Words of all English bodies. */
  enWords: number;
  /** Shortest and longest Chinese body, in characters. */
  zhCharsRange: [number, number];
  /** Shortest and longest English body, in words. */
  enWordsRange: [number, number];
}

/** Everything generated; also written as `manifest.json` (no paths or times, so it is deterministic too). */
export interface CorpusManifest {
  /** Marks a directory as a generated corpus that may be replaced. */
  generator: typeof GENERATOR;
  /** The options, `outDir` left out. */
  options: Omit<Required<CorpusOptions>, "outDir">;
  /** Every story, in generation order. */
  stories: ManifestStory[];
  /** Sizes. */
  totals: CorpusTotals;
}

const GENERATOR = "duet-bench-corpus/1";
const FIRST_DAY_UTC = Date.UTC(2022, 0, 1);
const DAYS = 1461; // 2022-01-01 .. 2025-12-31
const WRITE_BATCH = 128;
const MANIFEST = "manifest.json";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** A day in 2022–2025 and a time of day, as the story's day and ISO date with the Shanghai offset. */
function drawDate(rng: Rng): { day: StoryDay; iso: string } {
  const date = new Date(FIRST_DAY_UTC + Math.floor(rng() * DAYS) * 86_400_000);
  const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  const time = `${pad(7 + Math.floor(rng() * 16))}:${pad(Math.floor(rng() * 60))}:00`;
  return { day, iso: `${day.year}-${pad(day.month)}-${pad(day.day)}T${time}+08:00` };
}

/** Empties `outDir` when it holds a corpus generated before; refuses to touch a directory holding anything else. */
async function prepareOutDir(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => undefined);
  if (entries && entries.length > 0) {
    const manifest = await readFile(path.join(outDir, MANIFEST), "utf8").catch(() => "");
    if (!manifest.includes(`"generator": "${GENERATOR}"`)) {
      throw new Error(`${outDir} is not empty and holds no generated corpus (no ${MANIFEST}); choose an empty or new directory`);
    }
    await rm(outDir, { recursive: true });
  }
  await mkdir(outDir, { recursive: true });
}

/** One generated story: its manifest entry, its files and its body sizes. */
interface Generated {
  entry: ManifestStory;
  files: [string, string][];
  zhChars: number;
  enWords: number;
}

/** Generates story `index` from its own random stream (so any story can be regenerated alone). */
function generateStory(options: Required<Omit<CorpusOptions, "outDir">>, index: number, width: number): Generated {
  const { seed, format, singleLanguageShare } = options;
  const rng = storyRng(seed, index);
  const slug = `s${pad(index, width)}-${mix32(seed ^ 0x51ed, index).toString(16).padStart(8, "0").slice(0, 6)}`;
  const { day, iso } = drawDate(rng);
  const single = rng() < singleLanguageShare;
  const languages: ("zh" | "en")[] = single ? [rng() < 0.5 ? "zh" : "en"] : ["zh", "en"];
  const storyFormat = single || format === "md" ? "md" : format === "raw" || rng() < 0.3 ? "raw" : "md";
  const story = writeStory(rng, day);
  const meta = { date: iso, source: `https://news.example.com/${day.year}/${pad(day.month)}/${slug}.html` };
  const base = `${day.year}/${slug}`;
  const files: [string, string][] =
    storyFormat === "raw" ? [[`${base}.txt`, renderRaw(rng, story, meta)]] : languages.map((lang) => [`${base}.${lang}.md`, renderMarkdown(rng, story, lang, meta)]);
  const has = (lang: "zh" | "en") => languages.includes(lang);
  const entry: ManifestStory = {
    id: slug,
    slug,
    format: storyFormat,
    languages,
    date: iso,
    topic: story.topic,
    files: files.map(([file]) => file),
    title: { ...(has("zh") ? { zh: story.title.zh } : {}), ...(has("en") ? { en: story.title.en } : {}) },
    ...(has("zh") ? { zhTitleWords: story.title.zhWords } : {}),
    keywords: {
      ...(has("zh") ? { zh: story.keywords.map((k) => k.zh) } : {}),
      ...(has("en") ? { en: story.keywords.map((k) => k.en) } : {}),
    },
  };
  return { entry, files, zhChars: has("zh") ? story.body.zhChars : -1, enWords: has("en") ? story.body.enWords : -1 };
}

/** Adds one story's sizes to the totals. */
function addTotals(totals: CorpusTotals, story: Generated): void {
  for (const [, text] of story.files) totals.bytes += Buffer.byteLength(text);
  totals.files += story.files.length;
  if (story.zhChars >= 0) {
    totals.zhStories++;
    totals.zhChars += story.zhChars;
    totals.zhCharsRange = [Math.min(totals.zhCharsRange[0], story.zhChars), Math.max(totals.zhCharsRange[1], story.zhChars)];
  }
  if (story.enWords >= 0) {
    totals.enStories++;
    totals.enWords += story.enWords;
    totals.enWordsRange = [Math.min(totals.enWordsRange[0], story.enWords), Math.max(totals.enWordsRange[1], story.enWords)];
  }
}

/**
 * Generates the corpus: story files in year folders under `outDir`, and `outDir/manifest.json`. Files and manifest
 * lines are written in batches as stories are made, so only the manifest entries stay in memory.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusManifest> {
  const { pairs, seed, format, outDir } = options;
  const resolved = { pairs, seed, format, singleLanguageShare: options.singleLanguageShare ?? 0.05 };
  if (!Number.isInteger(pairs) || pairs < 1) throw new Error(`pairs must be a positive integer, not ${pairs}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, not ${seed}`);
  await prepareOutDir(outDir);
  for (let year = 2022; year <= 2025; year++) await mkdir(path.join(outDir, String(year)), { recursive: true });

  const width = Math.max(6, String(pairs - 1).length);
  const totals: CorpusTotals = { files: 0, bytes: 0, zhStories: 0, enStories: 0, zhChars: 0, enWords: 0, zhCharsRange: [Infinity, 0], enWordsRange: [Infinity, 0] };
  const stories: ManifestStory[] = [];
  const manifest = await open(path.join(outDir, MANIFEST), "w");
  try {
    // One story per line: readable, diffable, and never one 40 MB string for 100,000 stories.
    await manifest.write(`${JSON.stringify({ generator: GENERATOR, options: resolved }, null, 2).replace(/\n}$/, "")},\n  "stories": [\n`);
    let files: [string, string][] = [];
    let lines = "";
    for (let index = 0; index < pairs; index++) {
      const story = generateStory(resolved, index, width);
      addTotals(totals, story);
      stories.push(story.entry);
      files.push(...story.files);
      lines += `${index > 0 ? ",\n" : ""}    ${JSON.stringify(story.entry)}`;
      if (files.length >= WRITE_BATCH || index === pairs - 1) {
        await Promise.all([...files.map(([file, text]) => writeFile(path.join(outDir, file), text)), manifest.write(lines)]);
        files = [];
        lines = "";
      }
    }
    await manifest.write(`\n  ],\n  "totals": ${JSON.stringify(totals)}\n}\n`);
  } finally {
    await manifest.close();
  }
  return { generator: GENERATOR, options: resolved, stories, totals };
}
