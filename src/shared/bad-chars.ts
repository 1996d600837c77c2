// Characters no page or feed can carry, refused wherever text enters the site (front matter, site.yaml, pages).

/**
 * C0 controls but tab and line feed, DEL, the C1 block, the noncharacters U+FFFE and U+FFFF, and (with the
 * `u` flag) surrogates not part of a pair. YAML's double-quoted escapes ("\0", "\x07", "\uD800") put them
 * into a value; no feed or page can carry them (XML 1.0 refuses all but C1).
 */
const BAD_CHAR_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** The first control character, noncharacter or lone surrogate in `text`, described as `U+0007`, or undefined. */
export function findBadChar(text: string): string | undefined {
  const found = BAD_CHAR_RE.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
