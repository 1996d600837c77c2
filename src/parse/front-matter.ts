// YAML front matter: split it off a source file and parse it safely, keeping each key's line.
import { LineCounter, isMap, isScalar, parseDocument } from "yaml";
import { error, warning } from "../diagnostics.ts";
import type { Diagnostic, Located } from "../types.ts";

/** Front matter parsed from the top of a file. */
export interface FrontMatter {
  /** Known keys with their values and the 1-based line each key is on. */
  data: Map<string, Located<unknown>>;
  /** The text after the front matter block. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** Syntax errors, unknown keys and the like. */
  diagnostics: Diagnostic[];
}

const OPEN_RE = /^---([A-Za-z]*)[ \t]*$/;
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*$/;
/** Alias expansions allowed per document: enough for real use, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 50;

/**
 * Splits `---` front matter off `text` and parses it as YAML 1.2 core schema:
 * no custom tags, no JavaScript, duplicate keys rejected, alias expansion bounded.
 * Keys outside `allowedKeys` are reported as warnings and left out of `data`.
 */
export function parseFrontMatter(file: string, text: string, allowedKeys: readonly string[]): FrontMatter {
  const diagnostics: Diagnostic[] = [];
  const data = new Map<string, Located<unknown>>();
  const lines = text.split("\n");
  const open = OPEN_RE.exec(lines[0] ?? "");
  if (!open) return { data, body: text, bodyLine: 1, diagnostics };

  if (open[1] && open[1].toLowerCase() !== "yaml") {
    diagnostics.push(
      error(file, 1, "front-matter/language", `front matter in "${open[1]}" is not accepted; only YAML ("---") is`),
    );
  }
  const closeIndex = lines.findIndex((line, i) => i > 0 && CLOSE_RE.test(line));
  if (closeIndex < 0) {
    diagnostics.push(error(file, 1, "front-matter/unclosed", 'front matter opened with "---" is never closed'));
    return { data, body: "", bodyLine: lines.length + 1, diagnostics };
  }
  const body = lines.slice(closeIndex + 1).join("\n");
  const bodyLine = closeIndex + 2;
  if (diagnostics.length > 0) return { data, body, bodyLine, diagnostics };

  // The YAML starts on the file's line 2: a 0-based YAML line n is the file's line n + 2.
  const yamlText = lines.slice(1, closeIndex).join("\n");
  const lineOf = yamlLineCounter(yamlText);
  const doc = parseDocument(yamlText, {
    schema: "core",
    customTags: [],
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
  });
  const problems = [...doc.errors, ...doc.warnings];
  for (const problem of problems) {
    const line = lineOf(problem.pos[0]) + 2;
    const message = `front matter is not valid YAML: ${problem.message.split("\n")[0] ?? problem.message}`;
    // The YAML parser may report one fault twice (once per pass); say it once.
    if (!diagnostics.some((d) => d.line === line && d.message === message)) diagnostics.push(error(file, line, "front-matter/syntax", message));
  }
  if (problems.length > 0 || doc.contents === null) return { data, body, bodyLine, diagnostics };
  if (!isMap(doc.contents)) {
    diagnostics.push(error(file, 2, "front-matter/not-a-map", "front matter must be a list of `key: value` lines"));
    return { data, body, bodyLine, diagnostics };
  }

  let plain: Record<string, unknown>;
  try {
    plain = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (cause) {
    const message = (cause as Error).message;
    diagnostics.push(error(file, 2, "front-matter/alias", `front matter expands too many aliases: ${message}`));
    return { data, body, bodyLine, diagnostics };
  }
  collectKeys(doc.contents.items, plain, { file, allowedKeys, lineOf, data, diagnostics });
  return { data, body, bodyLine, diagnostics };
}

/** Puts each allowed key's value, with the line of its key, into `to.data`; an unknown key is a warning. */
function collectKeys(
  items: readonly { key: unknown }[],
  plain: Record<string, unknown>,
  to: { file: string; allowedKeys: readonly string[]; lineOf: (offset: number) => number; data: Map<string, Located<unknown>>; diagnostics: Diagnostic[] },
): void {
  for (const pair of items) {
    const keyNode = pair.key;
    const line = to.lineOf(isScalar(keyNode) && keyNode.range ? keyNode.range[0] : 0) + 2;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    if (!to.allowedKeys.includes(key)) {
      const message = `unknown front matter key "${key}" is ignored (known: ${to.allowedKeys.join(", ")})`;
      to.diagnostics.push(warning(to.file, line, "front-matter/unknown-key", message));
      continue;
    }
    to.data.set(key, { value: plain[key], line });
  }
}

/** Returns a function from a 0-based offset in `text` to its 0-based line. */
function yamlLineCounter(text: string): (offset: number) => number {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") counter.addNewLine(i + 1);
  return (offset) => counter.linePos(offset).line - 1;
}
