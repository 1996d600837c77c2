// What a slug is: one URL path segment of letters, digits, "-" and "_", starting with a letter or digit.
// Stories (validate/slug.ts) and site.yaml's sections and authors (site/newsroom.ts) share it.

/** Letters, digits, `-` and `_`, starting with a letter or digit: one safe path segment. */
export const SLUG_RE = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
