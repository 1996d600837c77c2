// The house rules of src/, checked: imports go down the stage order with no cycles (dependency-cruiser),
// no module over 250 lines, no function over 60.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");
const MAX_MODULE_LINES = 250;
const MAX_FUNCTION_LINES = 60;
const run = promisify(execFile);

/** Every TypeScript module under src/, relative to the project root. */
function modules(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join("src", file).split(path.sep).join("/"))
    .sort();
}

/** Every function of a module (declarations, methods, arrows, expressions) with its line count, as `file:line name`. */
function functionLengths(file: string): { where: string; lines: number }[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { where: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = (node as ts.FunctionLikeDeclaration).name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : "(anonymous)");
      found.push({ where: `${file}:${start + 1} ${named}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("imports go one way: no cycles, and each stage imports only earlier stages and the shared helpers", async () => {
  const result = await run(process.execPath, [path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"), "src", "--config", ".dependency-cruiser.cjs", "--output-type", "err"], { cwd: ROOT }).catch(
    (e: { stdout: string; stderr: string }) => e,
  );
  assert.ok(!("code" in result) || (result as { code?: number }).code === 0, `${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /no dependency violations found/);
});

test(`no module under src/ is over ${MAX_MODULE_LINES} lines`, () => {
  const long = modules()
    .map((file) => ({ file, lines: readFileSync(path.join(ROOT, file), "utf8").split("\n").length - 1 }))
    .filter((m) => m.lines > MAX_MODULE_LINES);
  assert.equal(long.map((m) => `${m.file} (${m.lines} lines)`), []);
});

test(`no function under src/ is over ${MAX_FUNCTION_LINES} lines`, () => {
  const long = modules()
    .flatMap(functionLengths)
    .filter((f) => f.lines > MAX_FUNCTION_LINES);
  assert.equal(long.map((f) => `${f.where} (${f.lines} lines)`), []);
});

test.run();
