// `npm run bench:photos`: what a photo costs a build. Duet's photo stage (uncached, then from its cache) against
// stock eleventy-img as a plain Eleventy site would call it, on generated camera-like JPEGs, alternating runs.
import { execFile, execFileSync } from "node:child_process";
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import Image from "@11ty/eleventy-img";
import sharp from "sharp";
import { findImageUses, processImages } from "../src/images/index.ts";
import { ingestArticles } from "../src/ingest/index.ts";
import { parseSources } from "../src/parse/index.ts";
import { mapLimit } from "../src/shared/concurrency.ts";
import { validateDrafts } from "../src/validate/index.ts";
import { mix32, mulberry32, type Rng } from "./prng.ts";

const USAGE = `Usage: npm run bench:photos -- [options]
  --photos N   photos generated (default 12; every other one 4000×2667, the rest 1600×1067)
  --runs R     runs of each, alternating baseline, Duet uncached, Duet cached (default 2); medians reported
  --seed S     photo seed (default 1)
  --write      append the report to bench/RESULTS.md`;

const ROOT = path.resolve(import.meta.dirname, "..");
const MIB = 1024 * 1024;
/** The widths and formats Duet asks for (src/images/render.ts), given to the baseline too. */
const WIDTHS = [480, 960, 1600];
const FORMATS = ["avif", "webp", "jpeg"];
/** Photos encoded at once by the baseline, as Duet does (its ENCODERS). */
const BASELINE_AT_ONCE = 2;

const { values } = parseArgs({
  options: {
    photos: { type: "string", default: "12" },
    runs: { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
    write: { type: "boolean", default: false },
    // Internal: one measured step in a process of its own.
    step: { type: "string" },
    scratch: { type: "string" },
    target: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
const photos = Number(values.photos);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (values.help || ![photos, runs, seed].every(Number.isInteger) || photos < 1 || runs < 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const command = `npm run bench:photos -- --photos ${photos} --runs ${runs} --seed ${seed}${values.write ? " --write" : ""}`;

// libvips caches operations by their arguments: with it on, a second run over the same photos could reuse work a real
// build (each photo encoded once) never could. Off for every run alike.
sharp.cache(false);

/** A normal deviate (Box–Muller). */
function gauss(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** A random colour field of `w`×`h` pixels, scaled smoothly to `width`×`height`: raw RGB. */
async function field(rng: Rng, w: number, h: number, width: number, height: number, spread: number): Promise<Buffer> {
  const cells = Buffer.alloc(w * h * 3);
  const base = [rng() * 200 + 28, rng() * 200 + 28, rng() * 200 + 28];
  for (let i = 0; i < w * h; i++) for (let c = 0; c < 3; c++) cells[i * 3 + c] = Math.max(0, Math.min(255, base[c]! + gauss(rng) * spread));
  return sharp(cells, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { kernel: "cubic", fit: "fill" }).raw().toBuffer();
}

/**
 * A camera-like photo: a smooth gradient (sky, light), mid-frequency detail (shapes, texture) at a lower
 * amplitude, and sensor-like Gaussian noise, saved as a quality-90 JPEG. Deterministic from the seed.
 */
async function makePhoto(index: number, width: number, height: number): Promise<Buffer> {
  const rng = mulberry32(mix32(seed, index));
  const smooth = await field(rng, 8, 6, width, height, 60);
  const detail = await field(rng, Math.round(width / 12), Math.round(height / 12), width, height, 40);
  const pixels = Buffer.alloc(width * height * 3);
  // Noise from a table of normal deviates read at random offsets: the photo's pixels cost one PRNG call each row.
  const table = Float32Array.from({ length: 65_536 }, () => gauss(rng) * 6);
  for (let y = 0; y < height; y++) {
    let at = Math.floor(rng() * 65_536);
    const row = y * width * 3;
    for (let x = 0; x < width * 3; x++) {
      const i = row + x;
      at = (at * 1103515245 + 12345) & 0xffff;
      pixels[i] = Math.max(0, Math.min(255, smooth[i]! + (detail[i]! - 128) * 0.5 + table[at]!));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** Total bytes of the files in `dir` (not recursive), `.json` left out (Duet's manifest is not a rendition). */
async function bytesIn(dir: string): Promise<{ files: number; bytes: number }> {
  const names = (await readdir(dir)).filter((n) => !n.endsWith(".json"));
  const sizes = await Promise.all(names.map((n) => stat(path.join(dir, n)).then((s) => s.size)));
  return { files: names.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const count = (n: number) => Math.round(n).toLocaleString("en-US");

/** The photo uses of the scratch site, through Duet's own ingest, parse and validate, so they are the ones a build finds. */
async function usesOf(scratch: string) {
  const ingested = await ingestArticles(path.join(scratch, "articles"), scratch);
  const parsed = parseSources(ingested.sources);
  const validated = validateDrafts(parsed.files.flatMap((f) => f.drafts));
  const problems = [...ingested.diagnostics, ...parsed.files.flatMap((f) => f.diagnostics), ...validated.diagnostics].filter((d) => d.severity === "error");
  if (problems.length > 0) throw new Error(`generated articles have errors: ${JSON.stringify(problems.slice(0, 3))}`);
  return findImageUses(validated.articles);
}

/** What one step measured, as its process prints it. */
interface Step {
  ms: number;
  /** The step process's own peak RSS (VmHWM), bytes. */
  peakRss: number;
  /** The step process's CPU time (user + system), ms, startup included. */
  cpuMs: number;
  processed: number;
  reused: number;
  errors: number;
  files: number;
  bytes: number;
}

// A step in a process of its own (so each has its own peak RSS, and the cached run opens the cache as a new build does).
if (values.step) {
  const scratch = values.scratch!;
  const target = values.target!;
  const uses = await usesOf(scratch);
  const started = performance.now();
  let step: Omit<Step, "peakRss" | "cpuMs" | "files" | "bytes">;
  if (values.step === "baseline") {
    // Stock eleventy-img, default encoder settings, no in-memory cache, two photos at a time.
    await mapLimit(uses, BASELINE_AT_ONCE, (use) => Image(path.join(scratch, use.path), { widths: WIDTHS, formats: FORMATS, outputDir: target, useCache: false }));
    step = { ms: performance.now() - started, processed: uses.length, reused: 0, errors: 0 };
  } else {
    const r = await processImages(uses, { cwd: scratch, articlesDir: path.join(scratch, "articles"), cacheDir: target });
    step = { ms: performance.now() - started, processed: r.processed, reused: r.reused, errors: r.diagnostics.filter((d) => d.severity === "error").length };
  }
  const written = await bytesIn(values.step === "baseline" ? target : path.join(target, "images"));
  const usage = process.resourceUsage();
  // VmHWM of this process's own memory: getrusage's maxRSS would count the parent's pages at the fork before exec.
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(await readFile("/proc/self/status", "utf8").catch(() => ""));
  const peakRss = hwm ? Number(hwm[1]) * 1024 : usage.maxRSS * 1024;
  const result: Step = { ...step, peakRss, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, ...written };
  console.log(JSON.stringify(result));
  process.exit(0);
}

const execAsync = promisify(execFile);
/** CPU time all cores have spent busy since boot, ms (from /proc/stat; 0 where there is none). */
async function busyMs(): Promise<number> {
  const text = await readFile("/proc/stat", "utf8").catch(() => "");
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = (text.split("\n")[0] ?? "").split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
}

/** Runs one step in a new Node process and returns what it measured, with the cores other processes kept busy meanwhile. */
async function runStep(step: "baseline" | "duet", scratch: string, target: string): Promise<Step & { otherLoad: number }> {
  const args = ["--import", "tsx", path.join(ROOT, "bench", "photos.ts"), "--step", step, "--scratch", scratch, "--target", target, "--seed", String(seed)];
  const [busy, started] = [await busyMs(), performance.now()];
  const { stdout } = await execAsync(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 24 });
  const [busyAfter, wall] = [await busyMs(), performance.now() - started];
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as Step;
  return { ...result, otherLoad: Math.max(0, (busyAfter - busy - result.cpuMs) / wall) };
}

const tempRoot = await mkdtemp(path.join(os.tmpdir(), "duet-photos-"));
process.once("SIGINT", () => {
  rmSync(tempRoot, { recursive: true, force: true });
  process.exit(130);
});

try {
  // Photos and one article each, in a scratch site: <tempRoot>/articles/2026/<slug>.en.md and images/<slug>.jpg.
  const started = performance.now();
  const articlesDir = path.join(tempRoot, "articles");
  const imagesDir = path.join(articlesDir, "2026", "images");
  await mkdir(imagesDir, { recursive: true });
  const sizes = Array.from({ length: photos }, (_, i): readonly [number, number] => (i % 2 === 0 ? [1600, 1067] : [4000, 2667]));
  let sourceBytes = 0;
  await mapLimit([...sizes.keys()], 2, async (i) => {
    const [width, height] = sizes[i]!;
    const slug = `photo-${String(i + 1).padStart(3, "0")}`;
    const jpeg = await makePhoto(i, width, height);
    sourceBytes += jpeg.length;
    await writeFile(path.join(imagesDir, `${slug}.jpg`), jpeg);
    const day = String((i % 28) + 1).padStart(2, "0");
    const front = ["---", `title: Photo story ${i + 1}`, `date: 2026-11-${day}`, `image: images/${slug}.jpg`, `image_alt: A generated ${width}×${height} test photo`, "---"];
    await writeFile(path.join(articlesDir, "2026", `${slug}.en.md`), `${front.join("\n")}\n\nA story with a lead photo.\n`);
  });
  const uses = await usesOf(tempRoot);
  if (uses.length !== photos) throw new Error(`findImageUses found ${uses.length} photos, expected ${photos}`);
  const big = sizes.filter(([w]) => w === 4000).length;
  console.log(`photos: ${photos} (${photos - big} at 1600×1067, ${big} at 4000×2667), ${(sourceBytes / MIB).toFixed(1)} MiB of JPEG, made in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`);

  const rows = { baseline: [] as number[], uncached: [] as number[], cached: [] as number[] };
  const rss = { baseline: 0, uncached: 0, cached: 0 };
  const cpu = { baseline: [] as number[], uncached: [] as number[], cached: [] as number[] };
  const out = { baseline: { files: 0, bytes: 0 }, duet: { files: 0, bytes: 0 } };
  const loads: number[] = [];
  const shown = (s: Step & { otherLoad: number }) => {
    loads.push(s.otherLoad);
    return `${(s.ms / 1000).toFixed(3)} s, processed ${s.processed}, reused ${s.reused}, ${s.files} files, ${(s.bytes / MIB).toFixed(2)} MiB, peak RSS ${(s.peakRss / MIB).toFixed(0)} MiB, CPU ${(s.cpuMs / 1000).toFixed(1)} s, other load ${s.otherLoad.toFixed(2)} cores`;
  };
  for (let run = 1; run <= runs; run++) {
    const outputDir = path.join(tempRoot, `baseline-${run}`);
    const b = await runStep("baseline", tempRoot, outputDir);
    await rm(outputDir, { recursive: true, force: true });
    out.baseline = b;
    rows.baseline.push(b.ms);
    cpu.baseline.push(b.cpuMs);
    rss.baseline = Math.max(rss.baseline, b.peakRss);
    console.log(`run ${run}: baseline ${shown(b)}`);

    // Duet: a fresh empty cache, then the same call with that cache.
    const cacheDir = path.join(tempRoot, `cache-${run}`);
    const u = await runStep("duet", tempRoot, cacheDir);
    console.log(`run ${run}: Duet uncached ${shown(u)}`);
    const c = await runStep("duet", tempRoot, cacheDir);
    console.log(`run ${run}: Duet cached ${shown(c)}`);
    await rm(cacheDir, { recursive: true, force: true });
    for (const [what, m, processed] of [["uncached", u, photos], ["cached", c, 0]] as const) {
      if (m.errors > 0 || m.processed !== processed || m.reused !== photos - processed) {
        throw new Error(`Duet ${what}: processed ${m.processed}, reused ${m.reused}, ${m.errors} errors`);
      }
      rows[what].push(m.ms);
      cpu[what].push(m.cpuMs);
      rss[what] = Math.max(rss[what], m.peakRss);
    }
    out.duet = u;
  }

  const per = (xs: number[]) => median(xs) / photos;
  const [base, uncached, cached] = [per(rows.baseline), per(rows.uncached), per(rows.cached)];
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  const date = new Date().toISOString().slice(0, 10);
  const model = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const kb = (bytes: number) => `${count(bytes / photos / 1024)} kB`;
  const range = (xs: number[]) => (xs.length > 1 ? ` (runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(", ")} s)` : "");
  const report = [
    `## ${date}: Photos: what a photo costs a build (commit ${commit})`,
    "",
    `Machine: ${model}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 / MIB).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, sharp ${sharp.versions.sharp ?? "?"} (libvips ${sharp.versions.vips}). Command: \`${command}\`.`,
    "",
    `Input: ${photos} generated camera-like JPEGs (quality 90; smooth gradients, mid-frequency detail and Gaussian noise, seed ${seed}), ${photos - big} at 1600×1067 and ${big} at 4000×2667, ${count(sourceBytes / photos / 1024)} kB each on average, each the lead photo of a Markdown article found by \`findImageUses\` after Duet's own parse and validate. Widths ${WIDTHS.join(", ")}, formats AVIF, WebP, JPEG (${out.duet.files / photos} renditions a photo). Baseline: stock \`@11ty/eleventy-img\` with its default encoder settings (AVIF effort 4), \`useCache: false\`, writing to a temp folder, two photos at a time. Duet: \`processImages\` with a fresh empty cache folder (AVIF effort 2, two encodes at a time), then the same call again with that cache. Runs alternate baseline, Duet uncached, Duet cached, each in a Node process of its own (the cached one opens the cache as a new build would); medians of ${runs} run${runs > 1 ? "s" : ""}; libvips' operation cache off for all.`,
    "",
    "| | per photo | whole set | ratio | renditions per photo | peak RSS |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    `| baseline (eleventy-img, defaults) | ${count(base)} ms | ${(median(rows.baseline) / 1000).toFixed(2)} s${range(rows.baseline)} | 1.00× | ${kb(out.baseline.bytes)} | ${count(rss.baseline / MIB)} MiB |`,
    `| Duet uncached | ${count(uncached)} ms | ${(median(rows.uncached) / 1000).toFixed(2)} s${range(rows.uncached)} | ${(uncached / base).toFixed(2)}× baseline | ${kb(out.duet.bytes)} | ${count(rss.uncached / MIB)} MiB |`,
    `| Duet cached | ${cached.toFixed(2)} ms | ${(median(rows.cached) / 1000).toFixed(3)} s | ${(cached / uncached).toFixed(4)}× uncached | (reused) | ${count(rss.cached / MIB)} MiB |`,
    "",
    `CPU time of each step's process (user + system, Node's startup of about 0.7 s included; less sensitive to other load than wall time), medians: baseline ${(median(cpu.baseline) / 1000).toFixed(1)} s, Duet uncached ${(median(cpu.uncached) / 1000).toFixed(1)} s (${(median(cpu.uncached) / median(cpu.baseline)).toFixed(2)}×), Duet cached ${(median(cpu.cached) / 1000).toFixed(1)} s.`,
    "",
    `Timed: the photo stage alone (the articles are read, parsed and validated first, untimed). Peak RSS: the step process's own peak (VmHWM), Node, tsx and the modules loaded included, largest over the runs. Renditions per photo: total bytes of the files written divided by ${photos}. Other load (cores kept busy by other processes during a step, from /proc/stat less the step's own CPU time): ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} of ${os.availableParallelism()}; the alternation spreads it over both sides, so read the ratios rather than the milliseconds.`,
    "",
  ].join("\n");
  console.log(`\n${report}`);
  if (values.write) {
    await appendFile(path.join(ROOT, "bench", "RESULTS.md"), `\n${report}`);
    console.log("report: appended to bench/RESULTS.md");
  }
} finally {
  await rm(tempRoot, { recursive: true, force: true });
}
