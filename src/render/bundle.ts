// Browser scripts, bundled from TypeScript under src/ so the browser runs the same modules the build does.
import { build } from "esbuild";

/** Bundles and minifies `entry` into one ES module. The output is deterministic. */
export async function bundleScript(entry: string, format: "esm" | "iife" = "esm"): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format,
    minify: true,
    target: "es2022",
    write: false,
    legalComments: "none",
    charset: "utf8",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`bundling ${entry} produced no file`);
  return output.contents;
}
