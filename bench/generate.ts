// CLI: generate a benchmark corpus; --verify regenerates it elsewhere and compares digests; --queries writes queries.json.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { deriveQueries, generateCorpus } from "./corpus.ts";
import type { CorpusOptions } from "./corpus.ts";
import { describeManifest, digestDirectory } from "./verify.ts";

const USAGE = `Usage: tsx bench/generate.ts --pairs N --seed N --format raw|md|mix --out DIR [options]
  --pairs N          stories to generate (default 1000)
  --seed N           seed of every random choice (default 1)
  --format F         md (.zh.md + .en.md), raw (scraped .txt) or mix (about 70% md, 30% raw; default)
  --out DIR          output directory, e.g. bench/corpus/1k (replaced if it holds a generated corpus)
  --single-share X   share of single-language stories, 0–1 (default 0.05)
  --queries N        also write DIR/queries.json with N queries per class
  --verify           regenerate into a temporary directory and compare digests (proves determinism)`;

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    format: { type: "string", default: "mix" },
    out: { type: "string" },
    "single-share": { type: "string", default: "0.05" },
    queries: { type: "string" },
    verify: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
const format = values.format;
if (values.help || !values.out || (format !== "md" && format !== "raw" && format !== "mix")) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const options: CorpusOptions = {
  pairs: Number(values.pairs),
  seed: Number(values.seed),
  format,
  outDir: values.out,
  singleLanguageShare: Number(values["single-share"]),
};
const started = performance.now();
const manifest = await generateCorpus(options).catch((cause: unknown) => {
  console.error(`generate: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exit(1);
});
console.log(`generated ${manifest.stories.length} stories in ${((performance.now() - started) / 1000).toFixed(2)} s → ${values.out}/`);
for (const line of describeManifest(manifest)) console.log(`  ${line}`);

if (values.queries) {
  const perClass = Number(values.queries);
  const queries = deriveQueries(manifest, { seed: options.seed, perClass });
  await writeFile(path.join(values.out, "queries.json"), `${JSON.stringify(queries, null, 1)}\n`);
  for (const [name, list] of Object.entries(queries)) {
    const sizes = list.map((q) => q.expected.length).sort((a, b) => a - b);
    console.log(`  queries ${name}: ${list.length}, expected per query min ${sizes[0] ?? 0} median ${sizes[Math.floor(sizes.length / 2)] ?? 0} max ${sizes[sizes.length - 1] ?? 0}`);
  }
}

if (values.verify) {
  const temp = await mkdtemp(path.join(os.tmpdir(), "duet-corpus-verify-"));
  try {
    await generateCorpus({ ...options, outDir: temp });
    // queries.json is written only into --out: compare the corpus itself.
    const ignore = new Set(["queries.json"]);
    const [first, second] = await Promise.all([digestDirectory(values.out, ignore), digestDirectory(temp, ignore)]);
    const same = first.digest === second.digest && first.files === second.files;
    console.log(`verify: ${same ? "identical" : "DIFFERENT"} (${second.files} files, sha256 ${second.digest.slice(0, 16)}…)`);
    if (!same) process.exitCode = 1;
  } finally {
    await rm(temp, { recursive: true });
  }
}
