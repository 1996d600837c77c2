// Bodies through the cache: each rendered once per content and filed by its article's month, its lead
// kept apart, since every build needs every body's lead and a cached build few bodies' HTML.
import { renderBody, type BodyRenderer, type DeferredBodies } from "../render/index.ts";
import type { RenderedBody } from "../render/body.ts";
import { bodyKey } from "../shared/body-keys.ts";
import type { DraftBody } from "../types.ts";
import type { GroupedMemo } from "./grouped.ts";
import type { Memo } from "./memo.ts";

/** The memos bodies go through (a build cache's). */
type BodyMemos = { bodies: GroupedMemo<RenderedBody>; leads: Memo<string> };

/** Renders bodies through the cache's memo, by month: a month's file is read on its first body. */
export function cachedBodies(cache: Pick<BodyMemos, "bodies">): BodyRenderer {
  return (body, period) => cache.bodies.get(period, bodyKey(body), () => renderBody(body));
}

/**
 * Bodies whose HTML is made only for the pages a build renders: a lead comes from the cache's leads
 * (rendering the body on a miss), so a build that renders few pages reads few months of bodies. Every
 * month a lead is asked for stays in the cache, read or not.
 */
export function deferredBodies(cache: BodyMemos): DeferredBodies {
  const rendered = (body: DraftBody, key: string, period: string) => cache.bodies.get(period, key, () => renderBody(body));
  return {
    key: bodyKey,
    lead: (body, key, period) => {
      cache.bodies.mark(period);
      return cache.leads.get(key, () => rendered(body, key, period).lead);
    },
    html: (body, key, period) => rendered(body, key, period).html,
  };
}
