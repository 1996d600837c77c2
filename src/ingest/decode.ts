// Decoding a source file's bytes: strict UTF-8 only, with a clear error for everything else.
import { error } from "../diagnostics.ts";
import type { Diagnostic, SourceFile } from "../types.ts";

/** Largest source accepted; a news story is a few kilobytes, anything this big is a mistake. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/** C0 controls other than tab and line ends, DEL and the C1 block: never part of real text. */
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

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
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
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
    return fail(line, "ingest/control-char", `control character U+${code} is not allowed in text`);
  }
  if (text.trim() === "") return fail(1, "ingest/empty", "file is empty");
  return { source: { path: display, relPath: rel, text, kind } };
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
