// The search page's script, bundled from src/search/client/ with the same tokenizer the index was built with.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const ENTRY = path.join(import.meta.dirname, "client", "search-page.ts");

/** Bundles and minifies the search client into one ES module at `outFile`. Output is deterministic. */
export async function bundleSearchClient(outFile: string): Promise<void> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    write: false,
    legalComments: "none",
    charset: "utf8",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("bundling the search client produced no file");
  await writeFile(outFile, output.contents);
}
