// Where the site lives: the origin and path prefix every absolute URL and link is built from.
/** The site's public address, split into the parts pages need. */
export interface SiteUrl {
  /** Scheme and host, such as `https://example.org`. */
  origin: string;
  /** URL path the site is served under, with slashes at both ends: `/` or `/news/`. */
  pathPrefix: string;
}

/** Used when no `--base-url` is given: the local preview address. */
export const DEFAULT_BASE_URL = "http://localhost:8080/";

/**
 * Parses `--base-url` (`https://example.org/news`, or a bare path such as `/news/`). `configured` is
 * site.yaml's absolute `url`: used when there is no `--base-url`, and giving the origin to a bare path.
 */
export function parseBaseUrl(baseUrl: string | undefined, configured?: string): SiteUrl {
  if (baseUrl === undefined && configured !== undefined) return parseBaseUrl(configured);
  const isAbsolute = baseUrl !== undefined && /^https?:\/\//i.test(baseUrl);
  const url = new URL(isAbsolute ? baseUrl : (configured ?? DEFAULT_BASE_URL));
  const pathname = isAbsolute ? url.pathname : (baseUrl ?? "/");
  const trimmed = pathname.replace(/^\/+|\/+$/g, "");
  return { origin: url.origin, pathPrefix: trimmed === "" ? "/" : `/${trimmed}/` };
}

/** The site-relative `path` (starting with `/`) as a link within the site: the prefix added. */
export function sitePath(site: SiteUrl, path: string): string {
  return site.pathPrefix + path.replace(/^\//, "");
}

/** The site-relative `path` as an absolute URL, non-ASCII characters percent-encoded (as sitemaps and feeds require). */
export function absoluteUrl(site: SiteUrl, path: string): string {
  return site.origin + encodeURI(sitePath(site, path));
}
