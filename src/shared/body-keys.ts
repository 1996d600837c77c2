// What is known of a body without reading its text: the key its rendered HTML is remembered by (see
// cache/bodies.ts), and whether it may hold a Markdown image.
import type { DraftBody } from "../types.ts";
import { hashOf } from "./hash.ts";

/** Bodies named by the source they were parsed from (see `nameBody`). */
const named = new WeakMap<DraftBody, string>();

/**
 * Names a body by the content key of the source it was parsed from and its place among that source's
 * drafts. Parsing is a function of the source (the cache is keyed by the parser's code too), so the name
 * stands for the body's content, and a cached build need not read through 100 MB of bodies to key them.
 */
export function nameBody(body: DraftBody, sourceKey: string, place: number): void {
  named.set(body, `${sourceKey}/${place}`);
}

/** The key a body is remembered by: its name when parsing gave it one, else the hash of its content. */
export function bodyKey(body: DraftBody): string {
  return named.get(body) ?? hashOf(JSON.stringify(body));
}

/** Bodies known to hold no Markdown image, whose text may not be in memory (see cache/parsed.ts). */
const imageless = new WeakSet<DraftBody>();

/** Notes that `body` holds no Markdown image: `mayHoldImages` then answers without reading its text. */
export function markImageless(body: DraftBody): void {
  imageless.add(body);
}

/** True when a Markdown body's text holds `![`, the start of every image; false for a body noted imageless. */
export function mayHoldImages(body: DraftBody): boolean {
  return body.format === "markdown" && !imageless.has(body) && body.text.includes("![");
}
