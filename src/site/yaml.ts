// site.yaml as YAML: parsed under the rules front matter is (YAML 1.2 core schema, no custom tags, no
// duplicate keys, bounded aliases), keeping where each node is so every diagnostic names its line.
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { error } from "../diagnostics.ts";
import type { Diagnostic } from "../types.ts";

/** Alias expansions allowed: enough for real use, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 50;

/** A top-level key of the file: its value as plain data, its node and the line it is on. */
export interface YamlEntry {
  key: string;
  value: unknown;
  node: Node | null;
  line: number;
}

/** The parsed file: its top-level entries in order, and a function from a node to its 1-based line. */
export interface YamlFile {
  entries: YamlEntry[];
  lineOf: (node: unknown, fallback: number) => number;
}

/** Parses `text` (the contents of `file`); returns the entries, or the diagnostics saying why there are none. */
export function parseSiteYaml(file: string, text: string): YamlFile | { diagnostics: Diagnostic[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", customTags: [], uniqueKeys: true, strict: true, prettyErrors: false, lineCounter: counter });
  const at = (offset: number) => counter.linePos(offset).line;
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const seen = new Set<string>();
    const diagnostics = problems.flatMap((p) => {
      const message = `site.yaml is not valid YAML: ${p.message.split("\n")[0] ?? p.message}`;
      const key = `${at(p.pos[0])}:${message}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [error(file, at(p.pos[0]), "site/syntax", message)];
    });
    return { diagnostics };
  }
  if (doc.contents === null) return { entries: [], lineOf: () => 1 };
  if (!isMap(doc.contents)) return { diagnostics: [error(file, 1, "site/not-a-map", "site.yaml must be a list of `key: value` lines")] };
  const plain = toPlain(doc, file);
  if ("diagnostics" in plain) return plain;
  const lineOf = (node: unknown, fallback: number) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? at(range[0]) : fallback;
  };
  const entries = doc.contents.items.map((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    return { key, value: plain.data[key], node: (pair.value as Node | null) ?? null, line: lineOf(pair.key, 1) };
  });
  return { entries, lineOf };
}

/** The document as plain data, alias expansion bounded. */
function toPlain(doc: Document, file: string): { data: Record<string, unknown> } | { diagnostics: Diagnostic[] } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> };
  } catch (cause) {
    return { diagnostics: [error(file, 1, "site/alias", `site.yaml expands too many aliases: ${(cause as Error).message}`)] };
  }
}
