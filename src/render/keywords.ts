// Keyword slugs: one stable, safe URL segment per keyword, whatever script it is written in.
import { DEVICE_NAME_RE, fitSegment, shortHash } from "../validate/segment.ts";

const NOT_WORD_RE = /[^\p{L}\p{N}]+/gu;
const SPACE_RE = /\s+/gu;
const EDGE_DASH_RE = /^-+|-+$/g;

/**
 * A keyword as a URL segment: NFKC, lower case, runs of anything but letters and digits as one "-".
 * When that loses something ("C++" and "C#" would both be "c"), or leaves nothing, or spells a Windows
 * device name, a hash of the keyword is added: every keyword gets its own page, at a URL that does not
 * depend on which other keywords exist or the order stories come in. Keywords differing only in case
 * or spacing ("AI" and "ai") share a page. The segment fits `MAX_SEGMENT_BYTES` (see validate/segment.ts).
 */
export function keywordSlug(keyword: string): string {
  let slug = slugs.get(keyword);
  if (slug === undefined) slugs.set(keyword, (slug = slugOf(keyword)));
  return slug;
}

/** Slugs already made: a site's few thousand keywords are each named on thousands of pages. */
const slugs = new Map<string, string>();

function slugOf(keyword: string): string {
  const folded = keyword.normalize("NFKC").toLowerCase().trim();
  const slug = folded.replace(NOT_WORD_RE, "-").replace(EDGE_DASH_RE, "");
  const whole = slug !== "" && slug === folded.replace(SPACE_RE, "-") && !DEVICE_NAME_RE.test(slug);
  return fitSegment(whole ? slug : slug === "" ? shortHash(folded) : `${slug}-${shortHash(folded)}`);
}
