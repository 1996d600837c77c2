// A readable line diff for test failures: `- ` expected, `+ ` actual, with context and line numbers.

/** One line of an edit script. */
interface Edit {
  /** `" "` kept, `"-"` only in expected, `"+"` only in actual. */
  tag: " " | "-" | "+";
  /** The line text. */
  text: string;
  /** 1-based line in expected (kept and removed lines) or actual (added lines). */
  line: number;
}

/** Builds an edit script from a longest-common-subsequence table (test outputs are small). */
function editScript(a: readonly string[], b: readonly string[]): Edit[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * cols + j] = a[i] === b[j] ? lcs[(i + 1) * cols + j + 1]! + 1 : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      edits.push({ tag: " ", text: a[i]!, line: i + 1 });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!)) {
      edits.push({ tag: "-", text: a[i]!, line: i + 1 });
      i++;
    } else {
      edits.push({ tag: "+", text: b[j]!, line: j + 1 });
      j++;
    }
  }
  return edits;
}

/** Formats the differences between two texts as hunks with `context` unchanged lines around each change. */
export function diffLines(expected: string, actual: string, context = 3): string {
  const edits = editScript(expected.split("\n"), actual.split("\n"));
  const keep = edits.map(() => false);
  edits.forEach((edit, k) => {
    if (edit.tag === " ") return;
    for (let n = Math.max(0, k - context); n <= Math.min(edits.length - 1, k + context); n++) keep[n] = true;
  });
  const out: string[] = [];
  edits.forEach((edit, k) => {
    if (!keep[k]) return;
    if (k > 0 && !keep[k - 1]) out.push("  ...");
    out.push(`${edit.tag} ${String(edit.line).padStart(4)} | ${edit.text}`);
  });
  if (keep.length > 0 && !keep[keep.length - 1]) out.push("  ...");
  return out.join("\n");
}
