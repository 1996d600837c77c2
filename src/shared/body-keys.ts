// The keys rendered bodies are remembered by (see cache/bodies.ts).
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
