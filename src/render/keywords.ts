// Keyword slugs: one stable, safe URL segment per keyword, whatever script it is written in.

/** A keyword as a URL segment: lower case, NFC, runs of anything but letters and digits become one "-". */
export function keywordSlug(keyword: string): string {
  const slug = keyword
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "-" : slug;
}
