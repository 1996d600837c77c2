// The site's Content-Security-Policy: no inline scripts, nothing from other origins.
/**
 * Directives every page is served with. `'wasm-unsafe-eval'` is only there because Pagefind
 * compiles its WebAssembly search engine; `worker-src blob:` because it may start its worker from a blob.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** The policy as a `<meta http-equiv>` value (which cannot carry `frame-ancestors`). */
export const CSP_META = CSP_DIRECTIVES.join("; ");

/** The policy as an HTTP header, for hosts that read a `_headers` file. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join("; ");
