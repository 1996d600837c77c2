// What a build publishes: drafts stay out of production builds, stories dated after the build time wait.
import type { DateTime } from "luxon";
import type { Article } from "../types.ts";

/** How a build treats drafts and stories dated after its time. */
export interface ReleaseOptions {
  /** The build time (`SOURCE_DATE_EPOCH` when set). */
  now: DateTime;
  /** Publish stories dated after `now` (`--future`). */
  future?: boolean;
  /** Publish drafts (`npm start` does, with a banner). */
  drafts?: boolean;
}

/** The articles a build publishes, and those it keeps back. */
export interface Release {
  /** Published now. */
  published: Article[];
  /** `draft: true`, left out of this build. */
  drafts: Article[];
  /** Dated after the build time: each goes out with the first build after its date. */
  heldBack: Article[];
}

/**
 * Splits articles into those this build publishes and those it keeps back. Each language version is
 * decided on its own fields: a draft English version leaves the Chinese one published.
 */
export function releaseArticles(articles: readonly Article[], options: ReleaseOptions): Release {
  const release: Release = { published: [], drafts: [], heldBack: [] };
  const now = options.now.toMillis();
  for (const article of articles) {
    if (article.draft && !options.drafts) release.drafts.push(article);
    else if (article.date.toMillis() > now && !options.future) release.heldBack.push(article);
    else release.published.push(article);
  }
  // Soonest release first: the order the build prints them in.
  release.heldBack.sort((a, b) => a.date.toMillis() - b.date.toMillis() || a.file.localeCompare(b.file) || a.lang.localeCompare(b.lang));
  return release;
}
