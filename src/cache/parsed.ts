// Parse results through the cache, kept without most bodies: every build needs every draft's fields, but
// only the pages it renders need a body's text, and a rendered body is cached apart (see bodies.ts).
// A body without a Markdown image is left out and, should a page need it, read again from its source.
import type { ParseMemo } from "../parse/index.ts";
import { markImageless, mayHoldImages } from "../shared/body-keys.ts";
import type { ArticleDraft, Diagnostic, DraftBody, Located, ParseResult } from "../types.ts";
import type { Memo } from "./memo.ts";

/** A body the cache left out: its form and the line it starts on, not its text. */
export interface LeftOutBody {
  format: DraftBody["format"];
  line?: number;
  leftOut: true;
}

/** A parse result as the cache keeps it. */
export interface StoredParse {
  drafts: (Omit<ArticleDraft, "body"> & { body: DraftBody | LeftOutBody })[];
  diagnostics: Diagnostic[];
}

/** Counts the sources read again for their bodies. */
export interface ReadAgain {
  sources: number;
}

/**
 * A result given out for a stored one, the same object every time (a dev session remembers drafts by
 * identity), and the count its bodies' reads go to: the latest build's.
 */
const given = new WeakMap<StoredParse, { result: ParseResult; count: ReadAgain }>();

/** Parse results through a build cache's memo; a source read again for a left-out body is counted in its `readAgain`. */
export function parsedSources(cache: { parsed: Memo<StoredParse>; readAgain: ReadAgain }): ParseMemo {
  return {
    get(key, compute, again) {
      let made: ParseResult | undefined;
      const stored = cache.parsed.get(key, () => storable((made = compute())));
      let entry = given.get(stored);
      if (entry) entry.count = cache.readAgain;
      else given.set(stored, (entry = { result: made ?? restored(stored, again), count: cache.readAgain }));
      return entry.result;
    },
  };
}

/** `result` as the cache keeps it: bodies that may hold an image whole, the others left out. */
function storable(result: ParseResult): StoredParse {
  const leaveOut = (body: DraftBody): DraftBody | LeftOutBody =>
    mayHoldImages(body) ? body : { format: body.format, ...(body.format === "markdown" && { line: body.line }), leftOut: true };
  return { drafts: result.drafts.map((draft) => ({ ...draft, body: leaveOut(draft.body) })), diagnostics: result.diagnostics };
}

/** A stored result given out: each left-out body reads its text from the source (once for all of them) on first use. */
function restored(stored: StoredParse, again: () => ParseResult): ParseResult {
  let fresh: ParseResult | undefined;
  const bodyAt = (place: number): DraftBody => {
    if (!fresh) {
      fresh = again();
      given.get(stored)!.count.sources++;
    }
    return fresh.drafts[place]!.body;
  };
  const drafts = stored.drafts.map((draft, place): ArticleDraft => ("leftOut" in draft.body ? { ...draft, body: onDemand(draft.body, () => bodyAt(place)) } : (draft as ArticleDraft)));
  return { drafts, diagnostics: stored.diagnostics };
}

/** A body whose text (or paragraphs) is read on first use; it holds no image, so `mayHoldImages` need not read it. */
function onDemand(left: LeftOutBody, load: () => DraftBody): DraftBody {
  const body = left.format === "markdown" ? new LeftOutMarkdown(left.line ?? 1, load) : new LeftOutParagraphs(load);
  markImageless(body);
  return body;
}

/** A Markdown body read on first use (a class, so that 20,000 of them are made quickly). */
class LeftOutMarkdown {
  readonly format = "markdown";
  readonly line: number;
  #text?: string;
  readonly #load: () => DraftBody;
  constructor(line: number, load: () => DraftBody) {
    this.line = line;
    this.#load = load;
  }
  get text(): string {
    return (this.#text ??= (this.#load() as { text: string }).text);
  }
}

/** A raw scrape's paragraphs, read on first use. */
class LeftOutParagraphs {
  readonly format = "paragraphs";
  #paragraphs?: Located<string>[];
  readonly #load: () => DraftBody;
  constructor(load: () => DraftBody) {
    this.#load = load;
  }
  get paragraphs(): Located<string>[] {
    return (this.#paragraphs ??= (this.#load() as { paragraphs: Located<string>[] }).paragraphs);
  }
}
