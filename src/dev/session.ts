// What `npm start` keeps in memory between builds and updates: the results the stages may reuse, and
// what the served output was last made from.
import type { DateTime } from "luxon";
import type { BuiltSite } from "../build.ts";
import type { PlanMemo } from "../render/index.ts";
import type { ArticleDraft } from "../types.ts";
import { nowFromEnv, type DraftResult, type ValidationMemo } from "../validate/index.ts";
import type { SiteSources } from "./newsroom.ts";

/** Validation results by the draft object they were made from, for one site configuration (see `for`). */
export class DraftResults implements ValidationMemo {
  #options = "";
  #results = new WeakMap<ArticleDraft, DraftResult>();

  /** This memo for drafts validated with `options`: different options than last time forget every result. */
  for(options: { zone: string; sections: readonly string[] }): this {
    const key = JSON.stringify([options.zone, options.sections]);
    if (key !== this.#options) {
      this.#options = key;
      this.#results = new WeakMap();
    }
    return this;
  }

  recall(draft: ArticleDraft): DraftResult | undefined {
    return this.#results.get(draft);
  }

  remember(draft: ArticleDraft, result: DraftResult): void {
    this.#results.set(draft, result);
  }
}

/** What the served output was last made from; an update starts from it. The cache is the one that build or update used. */
export type LastSite = Required<BuiltSite>;

/** A dev session: memos filled by every build and update, and, after the first success, what was served. */
export interface Session {
  validation: DraftResults;
  /** Article pages by their article, list entries by their page (see `PlanMemo`). */
  plan: PlanMemo;
  last?: LastSite;
  /** site.yaml and the newsroom's pages, as the last whole build read them. */
  site?: SiteSources;
  /** The photo renditions the last update planned with (their URLs), to tell when a photo changed. */
  photos?: string;
}

/** A new, empty session. */
export function createSession(): Session {
  return { validation: new DraftResults(), plan: { articles: new WeakMap(), entries: { plain: new WeakMap(), marked: new WeakMap() } } };
}

/**
 * The dev site's notion of now in the site's time zone: the clock (or `SOURCE_DATE_EPOCH`) to the hour,
 * so remembered validation holds between edits.
 */
export function devNow(zone: string): DateTime {
  return nowFromEnv(process.env).setZone(zone).startOf("hour");
}
