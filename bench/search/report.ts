// The search benchmark's markdown report: relevance per class and language, bytes and latency, bundle sizes, worst queries.
import type { CorpusManifest } from "../corpus.ts";
import type { QueryClass } from "../queries.ts";
import type { CostRun } from "./cost.ts";
import { mean, median, scoreQuery } from "./metrics.ts";
import { langOfClass, type Answer } from "./relevance.ts";
import type { BundleSize } from "./sites.ts";
import type { Bytes } from "./transfer.ts";

/** Recall targets of issue 5, by language. */
export const RECALL_TARGET = { zh: 0.95, en: 0.98 } as const;

/** Everything one run measured. */
export interface ReportInput {
  command: string;
  machine: string;
  manifest: CorpusManifest;
  corpusNote: string;
  buildNote: string;
  classes: QueryClass[];
  duet: { answers: Answer[]; costs: CostRun[]; bundle: BundleSize };
  baseline?: { answers: Answer[]; costs: CostRun[]; bundle: BundleSize };
  worstPerClass: number;
}

const fixed = (n: number, digits: number) => (Number.isNaN(n) ? "–" : n.toFixed(digits));
const kb = (bytes: number) => fixed(bytes / 1000, 1);
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

/** Which stories count as relevant: a title or keyword match (the headline judgement), or only the query's own field. */
type Judgement = "expected" | "expectedField";

/** Mean recall@10 and MRR of the answers matching `keep`. */
function averages(answers: readonly Answer[], keep: (a: Answer) => boolean, judgement: Judgement): { n: number; recall: number; mrr: number } {
  const scores = answers.filter(keep).map((a) => scoreQuery(a.query[judgement], a.got));
  return { n: scores.length, recall: mean(scores.map((s) => s.recall)), mrr: mean(scores.map((s) => s.reciprocalRank)) };
}

function relevanceTable(input: ReportInput, judgement: Judgement): string[] {
  const groups: { name: string; lang: "zh" | "en"; keep: (a: Answer) => boolean }[] = [
    ...input.classes.map((c) => ({ name: c, lang: langOfClass(c), keep: (a: Answer) => a.queryClass === c })),
    { name: "**all zh**", lang: "zh" as const, keep: (a: Answer) => langOfClass(a.queryClass) === "zh" },
    { name: "**all en**", lang: "en" as const, keep: (a: Answer) => langOfClass(a.queryClass) === "en" },
  ];
  const lines = [
    row(["class", "queries", "baseline recall@10", "baseline MRR", "Duet recall@10", "Duet MRR", "Duet target"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---"]),
  ];
  for (const group of groups) {
    const duet = averages(input.duet.answers, group.keep, judgement);
    const base = input.baseline ? averages(input.baseline.answers, group.keep, judgement) : undefined;
    const target = RECALL_TARGET[group.lang];
    lines.push(row([group.name, duet.n, fixed(base?.recall ?? NaN, 3), fixed(base?.mrr ?? NaN, 3), fixed(duet.recall, 3), fixed(duet.mrr, 3), `${duet.recall >= target ? "✓" : "✗"} ≥ ${target}`]));
  }
  return lines;
}

function costTable(input: ReportInput): string[] {
  const lines = [
    row(["site", "lang", "runs", "cold shell kB", "cold search kB", "cold total kB", "cold total kB raw", "cold ms", "warm ms", "warm extra kB", "warm extra kB raw", "typed ms"]),
    row(["---", "---", ...Array<string>(10).fill("---:")]),
  ];
  const systems = [["Duet", input.duet.costs], ...(input.baseline ? [["baseline", input.baseline.costs] as const] : [])] as const;
  for (const [name, costs] of systems) {
    for (const lang of ["zh", "en"] as const) {
      const runs = costs.filter((r) => r.lang === lang);
      const m = (pick: (r: CostRun) => number) => median(runs.map(pick));
      const gz = (b: Bytes) => b.shellGzip + b.searchGzip;
      const raw = (b: Bytes) => b.shellRaw + b.searchRaw;
      lines.push(row([
        name, lang, runs.length,
        kb(m((r) => r.coldBytes.shellGzip)), kb(m((r) => r.coldBytes.searchGzip)), kb(m((r) => gz(r.coldBytes))), kb(m((r) => raw(r.coldBytes))),
        fixed(m((r) => r.coldMillis), 0), fixed(m((r) => r.warmMillis), 1), kb(m((r) => gz(r.warmBytes))), kb(m((r) => raw(r.warmBytes))),
        runs.some((r) => r.typedMillis !== undefined) ? fixed(m((r) => r.typedMillis ?? NaN), 0) : "–",
      ]));
    }
  }
  return lines;
}

function bundleTable(input: ReportInput): string[] {
  const lines = [row(["site", "what", "files", "MB", "MB gzip-equivalent"]), row(["---", "---", "---:", "---:", "---:"])];
  const add = (name: string, what: string, b: BundleSize) => lines.push(row([name, what, b.files, fixed(b.bytes / 1e6, 2), fixed(b.gzipBytes / 1e6, 2)]));
  add("Duet", "pagefind/ + search page script", input.duet.bundle);
  if (input.baseline) add("baseline", "pagefind/", input.baseline.bundle);
  return lines;
}

/** The Duet queries of each class that scored worst, with what was expected and what came back. */
function worstQueries(input: ReportInput): string[] {
  const byId = new Map(input.manifest.stories.map((s) => [s.id, s]));
  const title = (id: string, lang: "zh" | "en") => byId.get(id)?.title[lang] ?? byId.get(id)?.title[lang === "zh" ? "en" : "zh"] ?? "?";
  const lines: string[] = [];
  for (const queryClass of input.classes) {
    const lang = langOfClass(queryClass);
    const scored = input.duet.answers
      .filter((a) => a.queryClass === queryClass)
      .map((a) => ({ a, s: scoreQuery(a.query.expected, a.got) }))
      .filter(({ s }) => s.recall < 1 || s.reciprocalRank < 1)
      .sort((x, y) => x.s.recall - y.s.recall || x.s.reciprocalRank - y.s.reciprocalRank)
      .slice(0, input.worstPerClass);
    lines.push(`### ${queryClass}`, "");
    if (scored.length === 0) lines.push("Every query found all its stories, the first one at rank 1.");
    for (const { a, s } of scored) {
      const variant = a.query.variantOf ? ` (variant of ${a.query.variantOf})` : "";
      lines.push(`- \`${a.query.query}\`${variant}: recall ${fixed(s.recall, 2)}, RR ${fixed(s.reciprocalRank, 2)}; page said "${a.note}"; expected ${a.query.expected.length}`);
      if (s.missing.length > 0) lines.push(`  - missing: ${s.missing.slice(0, 5).map((id) => `${id} 「${title(id, lang)}」`).join(", ")}${s.missing.length > 5 ? ` … (+${s.missing.length - 5})` : ""}`);
      const wanted = new Set(a.query.expected);
      lines.push(`  - got: ${a.got.map((id, i) => `${i + 1}.${wanted.has(id) ? "✓" : "✗"} ${id} 「${title(id, lang)}」`).join(", ") || "nothing"}`);
    }
    lines.push("");
  }
  return lines;
}

/** The full report as markdown. */
export function formatReport(input: ReportInput): string {
  const queries = input.classes.map((c) => `${c} ${input.duet.answers.filter((a) => a.queryClass === c).length}`).join(", ");
  const t = input.manifest.totals;
  return [
    "# Search benchmark",
    "",
    `- command: \`${input.command}\``,
    `- machine: ${input.machine}`,
    `- corpus: ${input.manifest.stories.length} stories (${t.zhStories} zh, ${t.enStories} en; ${t.files} files, ${fixed(t.bytes / 1e6, 1)} MB); ${input.corpusNote}`,
    `- queries: ${queries}`,
    `- ${input.buildNote}`,
    "",
    "## Relevance (recall@10 and MRR, mean over queries)",
    "",
    "Baseline: Pagefind 1.6 with no options over the full article pages, searched from a page of the query's language. Duet: its search page.",
    "",
    "A story is relevant when its title or its keywords, in the query's language, contain the query: Chinese as a substring (a Traditional query by its Simplified form), English every query word by stem. A lead-only match is not relevant.",
    "",
    ...relevanceTable(input, "expected"),
    "",
    "### Judged by the query's own field only",
    "",
    "The narrower judgement: a title-class query counts only stories with the word in the title, a keyword-class query only stories tagged with it, an exact-form English query only titles with that exact form. When a query is both a title word and a keyword, each class counts the other's matches as misses, so no ranking can score full marks on both.",
    "",
    ...relevanceTable(input, "expectedField"),
    "",
    "## Bytes and latency (medians over runs, each run in a fresh browser context)",
    "",
    "kB = 1,000 bytes, headers included; \"raw\" as the benchmark's server sent it (no compression), the others gzip-equivalent (what a gzipping static host sends; Pagefind's index files are gzip already). Cold: from navigation until the first results; ms from setting the query (Duet: Enter) until results are shown. Warm: a second query on the same page. Typed: a third query typed into the box, including Duet's 200 ms debounce.",
    "",
    ...costTable(input),
    "",
    "## Search bundle on disk",
    "",
    ...bundleTable(input),
    "",
    `## Worst Duet queries (up to ${input.worstPerClass} per class)`,
    "",
    ...worstQueries(input),
  ].join("\n");
}
