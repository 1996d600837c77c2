// Checks for the corpus CLI: a digest of a directory's files, and readable statistics of a manifest.
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { CorpusManifest } from "./corpus.ts";

/** SHA-256 over every file's relative path and bytes, in sorted path order, with the file count; `ignore` names top-level files to skip. */
export async function digestDirectory(dir: string, ignore: ReadonlySet<string> = new Set()): Promise<{ files: number; digest: string }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((file) => !ignore.has(file))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(dir, file)));
  }
  return { files: files.length, digest: hash.digest("hex") };
}

/** Lines of statistics: files, sizes, languages, formats, keyword distribution. */
export function describeManifest(manifest: CorpusManifest, top = 10): string[] {
  const { totals, stories } = manifest;
  const counts = (lang: "zh" | "en") => {
    const map = new Map<string, number>();
    for (const s of stories) for (const k of s.keywords[lang] ?? []) map.set(k, (map.get(k) ?? 0) + 1);
    return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const zh = counts("zh");
  const en = counts("en");
  const sizes = zh.map(([, n]) => n);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const perStory = stories.reduce((sum, s) => sum + (s.keywords.zh ?? s.keywords.en ?? []).length, 0) / Math.max(1, stories.length);
  const formats = { md: stories.filter((s) => s.format === "md").length, raw: stories.filter((s) => s.format === "raw").length };
  const single = { zh: stories.filter((s) => s.languages.length === 1 && s.languages[0] === "zh").length, en: stories.filter((s) => s.languages.length === 1 && s.languages[0] === "en").length };
  const years = new Map<string, number>();
  for (const s of stories) years.set(s.date.slice(0, 4), (years.get(s.date.slice(0, 4)) ?? 0) + 1);
  return [
    `stories: ${stories.length} (md ${formats.md}, raw ${formats.raw}; zh-only ${single.zh}, en-only ${single.en})`,
    `years: ${[...years].sort().map(([y, n]) => `${y} ${n}`).join(", ")}`,
    `files: ${totals.files}, bytes: ${totals.bytes} (${(totals.bytes / 1048576).toFixed(1)} MiB)`,
    `zh body chars: mean ${(totals.zhChars / Math.max(1, totals.zhStories)).toFixed(0)}, range ${totals.zhCharsRange.join("–")}`,
    `en body words: mean ${(totals.enWords / Math.max(1, totals.enStories)).toFixed(0)}, range ${totals.enWordsRange.join("–")}`,
    `keywords: ${perStory.toFixed(2)} per story; distinct zh ${zh.length}, en ${en.length}; stories per zh keyword: max ${sizes[0] ?? 0}, median ${median}, min ${sizes[sizes.length - 1] ?? 0}`,
    `top zh keywords: ${zh.slice(0, top).map(([k, n]) => `${k} ${n}`).join(", ")}`,
    `top en keywords: ${en.slice(0, top).map(([k, n]) => `${k} ${n}`).join(", ")}`,
  ];
}
