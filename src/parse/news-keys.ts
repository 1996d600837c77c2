// Front matter keys about news content (photo, byline, section, publication state), shared by both source forms.
import type { ArticleDraft, Located } from "../types.ts";

/** The news keys, as written in front matter, and the draft field each fills. */
const NEWS_KEYS = {
  image: "image",
  image_alt: "imageAlt",
  image_caption: "imageCaption",
  image_credit: "imageCredit",
  author: "author",
  section: "section",
  draft: "draft",
  featured: "featured",
} as const satisfies Record<string, keyof ArticleDraft>;

/** Front matter keys for the photo, byline, section and publication state, accepted by Markdown and raw scrapes alike. */
export const NEWS_FRONT_MATTER_KEYS = Object.keys(NEWS_KEYS) as (keyof typeof NEWS_KEYS)[];

/** The news fields a front matter block gave, ready to spread into a draft. */
export function newsFields(frontMatter: ReadonlyMap<string, Located<unknown>>): Partial<Pick<ArticleDraft, (typeof NEWS_KEYS)[keyof typeof NEWS_KEYS]>> {
  const fields: Partial<Record<(typeof NEWS_KEYS)[keyof typeof NEWS_KEYS], Located<unknown>>> = {};
  for (const [key, field] of Object.entries(NEWS_KEYS)) {
    const value = frontMatter.get(key);
    if (value) fields[field] = value;
  }
  return fields;
}
