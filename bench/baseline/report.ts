// The benchmark's Markdown report: context, medians with Duet/baseline ratios, then every run.
import type { OutputSummary } from "./output.ts";

/** Which build a run measured. */
export type BuildName = "duet" | "baseline";

/** One timed step of a run (the baseline has two: Eleventy, then Pagefind). */
export interface StepRecord {
  /** Short name shown in the report. */
  name: string;
  /** Wall time in milliseconds. */
  wallMs: number;
  /** Peak RSS of the step's process tree in bytes. */
  peakRss: number;
  /** CPU time (user + system) of the step's process tree in milliseconds. */
  cpuMs: number;
  /** CPU time the rest of the machine used meanwhile, in milliseconds. */
  otherCpuMs: number;
}

/** One measured run of one build. */
export interface RunRecord {
  /** The build measured. */
  build: BuildName;
  /** 1-based run number of that build. */
  run: number;
  /** Wall time of all steps in milliseconds. */
  wallMs: number;
  /** Peak RSS over all steps in bytes (steps run one after the other, so the largest). */
  peakRss: number;
  /** CPU time of all steps in milliseconds. */
  cpuMs: number;
  /** CPU time the rest of the machine used during the run, in milliseconds (noise). */
  otherCpuMs: number;
  /** The steps, in order. */
  steps: StepRecord[];
  /** What the build wrote; absent when it failed. */
  output?: OutputSummary;
  /** Why the run failed, if it did; failed runs are left out of the medians. */
  failure?: string;
}

/** Everything printed above the tables. */
export interface ReportContext {
  /** Heading line. */
  title: string;
  /** Lines of `label: text` describing corpus, machine and commands. */
  facts: [string, string][];
}

const LABELS: Record<BuildName, string> = { duet: "Duet (full build)", baseline: "Baseline (Eleventy + Pagefind CLI)" };
const MIB = 1024 * 1024;

/** Seconds with two decimals. */
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Bytes as MiB, or GiB from 1 GiB up. */
const mebibytes = (bytes: number) => (bytes >= 1024 * MIB ? `${(bytes / 1024 / MIB).toFixed(2)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`);
/** An integer with thousands separators. */
const count = (n: number) => n.toLocaleString("en-US");
/** A ratio such as `0.42×`. */
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");

/** Pages written per second of wall time. */
export function pagesPerSecond(record: RunRecord): number {
  return record.output ? record.output.htmlPages / (record.wallMs / 1000) : 0;
}

/** The median of some numbers (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The medians of one build's successful runs, as a run-shaped record. */
function medianOf(records: readonly RunRecord[], build: BuildName): RunRecord | undefined {
  const ok = records.filter((r) => r.build === build && r.output);
  if (ok.length === 0) return undefined;
  const of = (pick: (r: RunRecord) => number) => median(ok.map(pick));
  const output: OutputSummary = {
    files: of((r) => r.output!.files),
    bytes: of((r) => r.output!.bytes),
    htmlPages: of((r) => r.output!.htmlPages),
    searchFiles: of((r) => r.output!.searchFiles),
    searchBytes: of((r) => r.output!.searchBytes),
  };
  const times = { wallMs: of((r) => r.wallMs), peakRss: of((r) => r.peakRss), cpuMs: of((r) => r.cpuMs), otherCpuMs: of((r) => r.otherCpuMs) };
  return { build, run: ok.length, ...times, steps: [], output };
}

/** The cells every table shares: time, memory, throughput and output size. */
function cells(r: RunRecord, pagesPerSec: number): string[] {
  const o = r.output;
  const measured = [seconds(r.wallMs), mebibytes(r.peakRss), seconds(r.cpuMs)];
  if (!o) return [...measured, "–", "–", "–", "–", "–"];
  return [...measured, pagesPerSec.toFixed(1), count(o.htmlPages), count(o.files), mebibytes(o.bytes), `${mebibytes(o.searchBytes)} (${count(o.searchFiles)} files)`];
}

const row = (values: readonly string[]) => `| ${values.join(" | ")} |`;
const HEAD = ["wall time", "peak RSS (tree)", "CPU time", "pages/s", "HTML pages", "output files", "output size", "search bundle"];

/** The median table, with a Duet/baseline row when both builds have successful runs. */
function medianTable(records: readonly RunRecord[]): string[] {
  const lines = [row(["build", "runs", ...HEAD]), row(Array(HEAD.length + 2).fill("---"))];
  const duet = medianOf(records, "duet");
  const baseline = medianOf(records, "baseline");
  const pps = (build: BuildName) => median(records.filter((r) => r.build === build && r.output).map(pagesPerSecond));
  for (const m of [duet, baseline]) if (m) lines.push(row([LABELS[m.build], String(m.run), ...cells(m, pps(m.build))]));
  if (duet?.output && baseline?.output) {
    const [d, b] = [duet.output, baseline.output];
    lines.push(
      row([
        "**Duet / baseline**",
        "",
        `**${ratio(duet.wallMs, baseline.wallMs)}**`,
        `**${ratio(duet.peakRss, baseline.peakRss)}**`,
        ratio(duet.cpuMs, baseline.cpuMs),
        ratio(pps("duet"), pps("baseline")),
        ratio(d.htmlPages, b.htmlPages),
        ratio(d.files, b.files),
        ratio(d.bytes, b.bytes),
        ratio(d.searchBytes, b.searchBytes),
      ]),
    );
  }
  return lines;
}

/** Every run in the order it ran, with its steps. */
function runTable(records: readonly RunRecord[]): string[] {
  const lines = [row(["run", "build", ...HEAD, "other load", "steps"]), row(Array(HEAD.length + 4).fill("---"))];
  records.forEach((r, i) => {
    const steps = r.steps.map((s) => `${s.name} ${seconds(s.wallMs)}, ${mebibytes(s.peakRss)}`).join("; ");
    // Cores kept busy by other work on average: high values explain slow runs.
    const otherLoad = (r.otherCpuMs / r.wallMs).toFixed(2);
    lines.push(row([String(i + 1), `${r.build} #${r.run}`, ...cells(r, pagesPerSecond(r)), otherLoad, r.failure ? `**failed**: ${r.failure}` : steps]));
  });
  return lines;
}

/** One line per run for the progress display. */
export function formatRun(r: RunRecord): string {
  const head = `${r.build} #${r.run}: ${seconds(r.wallMs)} (CPU ${seconds(r.cpuMs)}, other load ${(r.otherCpuMs / r.wallMs).toFixed(2)} cores), peak RSS ${mebibytes(r.peakRss)}`;
  if (!r.output) return `${head}, FAILED: ${r.failure ?? "unknown"}`;
  const o = r.output;
  return `${head}, ${count(o.htmlPages)} pages (${pagesPerSecond(r).toFixed(1)}/s), ${count(o.files)} files, ${mebibytes(o.bytes)}, search ${mebibytes(o.searchBytes)}`;
}

/** The whole report as Markdown. */
export function renderReport(context: ReportContext, records: readonly RunRecord[]): string {
  const facts = context.facts.map(([label, text]) => `- **${label}**: ${text}`);
  const sections = [
    `## ${context.title}`,
    facts.join("\n"),
    "### Medians",
    medianTable(records).join("\n"),
    "### Runs (in the order they ran)",
    runTable(records).join("\n"),
  ];
  return `${sections.join("\n\n")}\n`;
}
