// Pagefind at the boundary: shards' records indexed into their folders, a few Pagefind processes at once.
import { availableParallelism } from "node:os";
import { rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { watchChildren } from "../children.ts";
import { mapLimit } from "../shared/concurrency.ts";
import type { SearchShard } from "../shared/search-layout.ts";
import { packFragments, shareWasm } from "./bundle-files.ts";

/** One story's search record: the URL of its first version, and the HTML Pagefind indexes. */
export interface SearchRecord {
  url: string;
  content: string;
}

/** One shard to index: its records, the folder to write (absolute) and its place in the layout. */
export interface ShardJob {
  records: readonly SearchRecord[];
  dir: string;
  shard: SearchShard;
}

/** Files of Pagefind's own search interfaces, which Duet does not use. */
const UNUSED_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
  "wasm.unknown.pagefind",
];

/** Files Pagefind writes into every index folder that only the first shard's folder keeps. */
const ROOT_ONLY_FILES = ["pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"];

/** Records handed to Pagefind at once. */
const ADD_BATCH = 256;

/** Pagefind processes at most at once: the machine's cores permitting, and the memory budget below. */
const MAX_PROCESSES = 2;

/** Memory the Pagefind processes of one build may take together, and what one story's record takes in them (bench/RESULTS.md). */
const MEMORY_BUDGET = 2 * 2 ** 30;
const BYTES_PER_RECORD = 164_000;

type Pagefind = typeof pagefind;

/** How many Pagefind processes index `jobs` at once: up to two, one per core, within the memory budget for the largest shards. */
export function processesFor(jobs: readonly ShardJob[], cores = availableParallelism()): number {
  const largest = Math.max(1, ...jobs.map((job) => job.records.length));
  const fit = Math.floor(MEMORY_BUDGET / (largest * BYTES_PER_RECORD));
  return Math.max(1, Math.min(MAX_PROCESSES, cores, fit, jobs.length));
}

/**
 * Indexes each job's records into its folder, each shard in an index of its own, with `processesFor`
 * Pagefind processes at once; each process indexes its shards one after another and drops each index
 * once written, so a process holds one shard's index at a time. Pagefind's error results become thrown
 * errors; its processes are always closed. Only the first shard keeps Pagefind's script and WebAssembly;
 * the others' entry files point at the first's WebAssembly (see `shareWasm`), which the search page then
 * loads once. Files of an earlier index in a folder are not removed.
 */
export async function writeShards(jobs: readonly ShardJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const modules = await pagefindModules(processesFor(jobs));
  const free = [...modules];
  // Pagefind's library never settles its promises should its process die (a panic on a full disk):
  // the work races the processes' exit.
  const service = watchChildren("Pagefind's indexing process");
  try {
    const indexAll = mapLimit(jobs, modules.length, async (job) => {
      const module = free.pop()!;
      try {
        await indexRecords(module, job.records, job.dir);
      } finally {
        free.push(module);
      }
    });
    await Promise.race([indexAll, service.died]);
  } finally {
    service.stop();
    // Closing ends Pagefind's processes, and with them the memory the shards' indexes took.
    await Promise.all(modules.map((module) => module.close()));
  }
  await mapLimit(jobs, 4, finishShard);
}

/**
 * `count` instances of Pagefind's Node API. Its module keeps one service process for all its indexes;
 * a second copy of the module (the same file under another URL) starts a process of its own.
 */
async function pagefindModules(count: number): Promise<Pagefind[]> {
  const others = Array.from({ length: count - 1 }, (_, i) => import(`${import.meta.resolve("pagefind")}?process=${i + 1}`) as Promise<Pagefind>);
  return [pagefind, ...(await Promise.all(others))];
}

/** Hands `records` to a new Pagefind index, writes it into `dir`, and drops it; Pagefind's error results become thrown errors. */
async function indexRecords(module: Pagefind, records: readonly SearchRecord[], dir: string): Promise<void> {
  // Every record is written in language-neutral search terms, so one index serves both languages.
  const { index, errors } = await module.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  // Records go to Pagefind's service in batches: its pipe stays busy without holding every record at once.
  for (let i = 0; i < records.length; i += ADD_BATCH) {
    await Promise.all(
      records.slice(i, i + ADD_BATCH).map(async (record) => {
        const added = await index.addHTMLFile(record);
        if (added.errors.length > 0) throw new Error(`Pagefind rejected ${record.url}: ${added.errors.join("; ")}`);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  await index.deleteIndex();
}

/** Makes a written shard Duet's: Pagefind's own interfaces removed, the WebAssembly shared, results packed. */
async function finishShard({ dir, shard }: ShardJob): Promise<void> {
  const unused = shard.dir === "" ? UNUSED_FILES : [...UNUSED_FILES, ...ROOT_ONLY_FILES];
  for (const file of unused) await rm(path.join(dir, file), { force: true });
  if (shard.dir !== "") await shareWasm(dir, shard.dir);
  if (shard.packed > 0) await packFragments(dir, shard.packed);
}
