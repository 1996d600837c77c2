// The site's theme colour in its stylesheet: the accent of links, buttons and focus rings.
import { DEFAULT_THEME_COLOR } from "../site/index.ts";

/** The light scheme's accent as templates/assets/style.css writes it. */
const LIGHT_ACCENT = `--accent: ${DEFAULT_THEME_COLOR};`;
/** The dark scheme's accent: a lighter blue, readable on a dark background. */
const DARK_ACCENT_RE = /(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{[^}]*?)--accent: #[0-9a-f]+;/i;

/**
 * The stylesheet with `color` as its accent. With Duet's own colour it is returned as it is (same bytes,
 * same hashed name). In the dark scheme the accent is the colour mixed with white, so links stay readable.
 */
export function themeStylesheet(css: Uint8Array, color: string): Uint8Array {
  if (color.toLowerCase() === DEFAULT_THEME_COLOR) return css;
  const text = new TextDecoder().decode(css);
  if (!text.includes(LIGHT_ACCENT) || !DARK_ACCENT_RE.test(text)) throw new Error(`style.css no longer sets "${LIGHT_ACCENT}" and a dark accent: the theme colour cannot be applied`);
  const themed = text.replace(LIGHT_ACCENT, `--accent: ${color};`).replace(DARK_ACCENT_RE, `$1--accent: color-mix(in srgb, ${color} 45%, white);`);
  return new TextEncoder().encode(themed);
}
