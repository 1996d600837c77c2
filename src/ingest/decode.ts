// Decoding a source file's bytes: strict UTF-8 only, with a clear error for everything else.
import { error } from "../diagnostics.ts";
import type { Diagnostic, SourceFile } from "../types.ts";

/** Largest source accepted; a news story is a few kilobytes, anything this big is a mistake. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/**
 * C0 controls other than tab and line ends, DEL, the C1 block, and the noncharacters U+FFFE and U+FFFF:
 * never part of real text, and outside what XML 1.0 (feeds, sitemaps) may hold.
 */
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** File signatures of common binary formats, so a mis-named image is reported as what it is. */
const SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "a PDF document", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "a ZIP archive (or an Office document)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "a gzip archive", bytes: [0x1f, 0x8b] },
];

/** Either a decoded source or the reason it could not be decoded. */
export type DecodeResult = { source: SourceFile } | { diagnostic: Diagnostic };

/**
 * Decodes `bytes` as UTF-8 (a BOM is dropped, CRLF and CR become LF).
 * Rejects oversize files, UTF-16, binary data, invalid UTF-8 and control characters.
 */
export function decodeSource(bytes: Uint8Array, display: string, rel: string, kind: SourceFile["kind"]): DecodeResult {
  const fail = (line: number, code: string, message: string): DecodeResult => ({
    diagnostic: error(display, line, code, message),
  });
  if (bytes.length > MAX_SOURCE_BYTES) {
    return fail(1, "ingest/too-large", `file is ${bytes.length} bytes; sources are limited to ${MAX_SOURCE_BYTES} bytes`);
  }
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (signature) return fail(1, "ingest/binary", `file is ${signature.name}, not text`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) {
    return fail(1, "ingest/utf16", "file is UTF-16; save it as UTF-8");
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(lineAt(bytes, nul), "ingest/binary", "file contains NUL bytes: it is binary, not text");
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail(lineAt(bytes, bad), "ingest/not-utf8", "file is not valid UTF-8 (GBK or GB18030? convert it with `iconv -f GB18030 -t UTF-8`)");
  }
  text = text.replace(/\r\n?/g, "\n");
  const control = CONTROL_RE.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split("\n").length;
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    const what = code.startsWith("FFF") ? "noncharacter" : "control character";
    return fail(line, "ingest/control-char", `${what} U+${code} is not allowed in text`);
  }
  if (text.trim() === "") return fail(1, "ingest/empty", text === "" ? "file is empty" : "file holds only whitespace");
  return { source: { path: display, relPath: rel, text, kind } };
}

/** UTF-16 without a BOM: in ASCII-heavy text every other byte of the first few is NUL. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 64) & ~1);
  if (head.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = head.length / 2;
  return (even === pairs && odd === 0) || (odd === pairs && even === 0);
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, found by decoding ever longer prefixes line by line. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      UTF8.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end + 1;
  }
  return 0;
}
