// The two builds under test, each run once into a fresh directory and measured: Duet, and Eleventy + Pagefind CLI.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { isReadySkeleton } from "../../src/publish/index.ts";
import { measureCommand } from "./measure.ts";
import type { Measurement } from "./measure.ts";
import { summariseOutput } from "./output.ts";
import type { BuildName, RunRecord, StepRecord } from "./report.ts";

const require = createRequire(import.meta.url);

/** Eleventy's command-line entry (`npx @11ty/eleventy` runs it), found from the package's CommonJS entry. */
export const ELEVENTY_CLI = path.resolve(path.dirname(require.resolve("@11ty/eleventy")), "..", "cmd.cjs");

/** The Pagefind binary `npx pagefind` runs: the extended build (Chinese segmentation) for this platform. */
export const PAGEFIND_CLI = ((): string => {
  // Same lookup as pagefind/lib/resolveBinary.js, which the npm wrapper uses.
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const executable = platform === "windows" ? "pagefind_extended.exe" : "pagefind_extended";
  return require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${executable}`);
})();

/** Where and how the builds run. */
export interface RunSetup {
  /** Project root (cwd of the Duet build). */
  root: string;
  /** Corpus directory. */
  corpusDir: string;
  /** Baseline site root (cwd of the baseline, so the project's own Eleventy config is not picked up). */
  baselineRoot: string;
  /** Eleventy input directory of the baseline. */
  baselineInput: string;
  /** Environment of every command. */
  env: NodeJS.ProcessEnv;
  /** Node flags of Duet's builds (a larger heap for the largest corpora). */
  nodeFlags: string[];
  /** Extra options of every Duet build (such as `--search-shard-size N`). */
  buildArgs: string[];
}

/**
 * How `npm run build` starts the build, as package.json's script has it: Node's flags for Duet's builds,
 * then a bundle of Duet's sources (scripts/launch.mjs). Read from the script, so the bench times what users run.
 */
const LAUNCH = launchOf(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts.build);

function launchOf(script: string): string[] {
  const [node, ...args] = script.split(" ");
  if (node !== "node" || !args.includes("scripts/launch.mjs")) throw new Error(`package.json's build script does not run "node … scripts/launch.mjs": ${script}`);
  return args;
}

/**
 * Makes the bundle `npm run build` starts from, untimed, so that no timed build pays for making it
 * (a checkout's first build after an edit to Duet does, once).
 */
export function prepareLaunch(setup: RunSetup): void {
  const made = spawnSync(process.execPath, [...LAUNCH, "--help"], { cwd: setup.root, env: setup.env, stdio: "ignore" });
  if (made.status !== 0) throw new Error(`${LAUNCH.join(" ")} --help exited with status ${made.status}`);
}

/** The commands as they are run, for the report; `<out>` is a fresh directory per run. */
export function describeCommands(setup: RunSetup): Record<BuildName, string> {
  return {
    duet: `node ${[...setup.nodeFlags, ""].join(" ")}${LAUNCH.join(" ")} --articles ${path.relative(setup.root, setup.corpusDir)} --out <out> --no-cache${setup.buildArgs.map((a) => ` ${a}`).join("")}`,
    baseline: `node ${path.relative(setup.root, ELEVENTY_CLI)} --input <site>/input --output <out> --quiet && ${path.relative(setup.root, PAGEFIND_CLI)} --site <out>`,
  };
}

/** A step's record, and the failure it reports if it exited non-zero. */
function stepOf(name: string, m: Measurement): { step: StepRecord; failure?: string } {
  const step = { name, wallMs: m.wallMs, peakRss: m.peakRss, cpuMs: m.cpuMs, otherCpuMs: m.otherCpuMs };
  if (m.exitCode === 0) return { step };
  const lastLines = m.outputTail.trim().split("\n").slice(-3).join(" ⏎ ");
  return { step, failure: `${name} exited with ${m.exitCode ?? "a signal"}: ${lastLines}` };
}

/** Runs the steps in order (stopping at a failure), then sizes the output. */
async function runSteps(build: BuildName, run: number, outDir: string, steps: (() => Promise<{ step: StepRecord; failure?: string }>)[]): Promise<RunRecord> {
  const done: StepRecord[] = [];
  let failure: string | undefined;
  for (const next of steps) {
    const result = await next();
    done.push(result.step);
    failure = result.failure;
    if (failure) break;
  }
  const record: RunRecord = {
    build,
    run,
    wallMs: done.reduce((total, s) => total + s.wallMs, 0),
    peakRss: Math.max(...done.map((s) => s.peakRss)),
    cpuMs: done.reduce((total, s) => total + s.cpuMs, 0),
    otherCpuMs: done.reduce((total, s) => total + s.otherCpuMs, 0),
    steps: done,
  };
  return failure ? { ...record, failure } : { ...record, output: await summariseOutput(outDir) };
}

/** One full Duet build of the corpus into `runDir/duet` (Pagefind runs inside it, as a child process). */
export function runDuet(setup: RunSetup, run: number, runDir: string): Promise<RunRecord> {
  const outDir = path.join(runDir, "duet");
  const args = [...setup.nodeFlags, ...LAUNCH, "--articles", setup.corpusDir, "--out", outDir, "--no-cache", ...setup.buildArgs];
  const options = { cwd: setup.root, env: setup.env, scratchDir: runDir };
  return runSteps("duet", run, outDir, [async () => stepOf("duet", await measureCommand(process.execPath, args, options))]);
}

/**
 * One Duet build of `articles` into `outDir` with the build cache in `cacheDir`, as an operator
 * rebuilding after an edit runs it. Returns once the replaced output has been emptied into the next
 * build's skeleton (or removed), so the background work of one run never slows the next.
 */
export async function runDuetCached(setup: RunSetup, articles: string, outDir: string, cacheDir: string, scratchDir: string): Promise<Measurement> {
  const args = [...setup.nodeFlags, ...LAUNCH, "--articles", articles, "--out", outDir, "--cache", cacheDir, ...setup.buildArgs];
  const measured = await measureCommand(process.execPath, args, { cwd: setup.root, env: setup.env, scratchDir });
  // The replaced output is moved into the cache's trash folder and emptied there in the background, its
  // folders kept as `skeleton` (listed in `skeleton.json`) for the next build (see src/publish/skeleton.ts).
  const trash = path.join(cacheDir, "trash");
  const deadline = Date.now() + 300_000;
  while ((await readdir(trash).catch(() => [])).some((name) => !isReadySkeleton(name))) {
    if (Date.now() > deadline) throw new Error(`the replaced output beside ${outDir} was not emptied in the cache's trash within 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return measured;
}

/** One baseline build into `runDir/baseline`: Eleventy over the prepared input, then the Pagefind CLI over its output. */
export function runBaseline(setup: RunSetup, run: number, runDir: string): Promise<RunRecord> {
  const outDir = path.join(runDir, "baseline");
  const options = { cwd: setup.baselineRoot, env: setup.env, scratchDir: runDir };
  const eleventyArgs = [ELEVENTY_CLI, "--input", setup.baselineInput, "--output", outDir, "--quiet"];
  return runSteps("baseline", run, outDir, [
    async () => stepOf("eleventy", await measureCommand(process.execPath, eleventyArgs, options)),
    async () => stepOf("pagefind", await measureCommand(PAGEFIND_CLI, ["--site", outDir], options)),
  ]);
}
