// The logo named by site.yaml: a file inside the project, an image by its content (SVG, PNG, WebP or JPEG).
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { error, quote } from "../diagnostics.ts";
import type { SiteLogo } from "./config.ts";
import type { At } from "./values.ts";

/** Largest logo accepted: it is in every reader's offline precache. */
export const MAX_LOGO_BYTES = 512 * 1024;

const KINDS = [
  { type: "image/png", ext: ".png", names: [".png"], test: (b: Uint8Array) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/jpeg", ext: ".jpg", names: [".jpg", ".jpeg"], test: (b: Uint8Array) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: "image/webp", ext: ".webp", names: [".webp"], test: (b: Uint8Array) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50]) },
  { type: "image/svg+xml", ext: ".svg", names: [".svg"], test: isSvg },
] as const;

/** An SVG's root element, after an optional BOM, XML declaration, comments and doctype. */
const SVG_START_RE = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i;
/** What would run code when the SVG is opened on its own: scripts, event handlers, `javascript:` links, foreign HTML. */
const SVG_ACTIVE_RE = /<script|\son[a-z]+\s*=|javascript:|<foreignObject/i;

/** Checks the logo at `value` (relative to `dir`, the folder of site.yaml); undefined (reported) when it cannot be used. */
export async function checkLogo(value: unknown, dir: string, at: At): Promise<SiteLogo | undefined> {
  const fail = (why: string) => {
    at.out.push(error(at.file, at.line, "site/bad-logo", `logo ${why}`));
    return undefined;
  };
  if (typeof value !== "string" || value.trim() === "") return fail("must be the path of an image file in the project, such as assets/logo.svg");
  const rel = value.trim();
  const file = path.resolve(dir, rel);
  const inside = path.relative(dir, file);
  if (path.isAbsolute(rel) || inside.startsWith("..") || path.isAbsolute(inside)) return fail(`${quote(rel)} is outside the project; put the file in the project folder and give its path from there`);
  const info = await stat(file).catch(() => undefined);
  if (!info) return fail(`${quote(rel)} does not exist`);
  if (!info.isFile()) return fail(`${quote(rel)} is not a file`);
  if (info.size > MAX_LOGO_BYTES) return fail(`${quote(rel)} is ${info.size} bytes; a logo may have at most ${MAX_LOGO_BYTES} (it is precached for offline reading)`);
  const bytes = await readFile(file);
  const kind = KINDS.find((k) => k.test(bytes));
  if (!kind) return fail(`${quote(rel)} is not an SVG, PNG, WebP or JPEG image (judged by its content, not its name)`);
  const named = path.extname(rel).toLowerCase();
  if (!(kind.names as readonly string[]).includes(named)) return fail(`${quote(rel)} holds ${kind.type} but is named ${quote(named || "without an extension")}; rename it ${quote(kind.names[0])}`);
  if (kind.type === "image/svg+xml" && SVG_ACTIVE_RE.test(new TextDecoder().decode(bytes))) {
    return fail(`${quote(rel)} holds a script, an event handler or a javascript: link; a logo must be a plain drawing`);
  }
  return { file, asset: `logo${kind.ext}`, type: kind.type, ...sizesOf(kind.type, bytes) };
}

/** What a manifest says of the logo's size: SVG scales to any; a PNG's IHDR chunk gives its width and height. */
function sizesOf(type: string, bytes: Uint8Array): { sizes?: string } {
  if (type === "image/svg+xml") return { sizes: "any" };
  if (type !== "image/png" || bytes.length < 24) return {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { sizes: `${view.getUint32(16)}x${view.getUint32(20)}` };
}

function starts(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096));
  return SVG_START_RE.test(head);
}
