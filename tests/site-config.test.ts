// site.yaml: parsed under front matter's rules, every bad value a diagnostic on its line.
import { mkdtemp, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DEFAULT_SITE_CONFIG, loadSiteConfig } from "../src/site/index.ts";
import { formatDiagnostic } from "../src/diagnostics.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>';

/** Loads `text` as site.yaml in a fresh folder (with `files` beside it); returns config and diagnostics as printed. */
async function load(text: string, files: Record<string, string | Uint8Array> = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), "duet-site-"));
  await writeFile(path.join(dir, "site.yaml"), text);
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
  const loaded = await loadSiteConfig("site.yaml", dir);
  return { ...loaded, printed: loaded.diagnostics.map(formatDiagnostic) };
}

test("a missing site.yaml means Duet's defaults, and no diagnostic", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "duet-site-"));
  const loaded = await loadSiteConfig("site.yaml", dir);
  assert.equal(loaded.config, DEFAULT_SITE_CONFIG);
  assert.equal(loaded.diagnostics, []);
});

test("a site.yaml path given explicitly must exist", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "duet-site-"));
  const loaded = await loadSiteConfig("nowhere.yaml", dir, { required: true });
  assert.equal(loaded.diagnostics.map((d) => d.code), ["site/unreadable"]);
});

test("every key is read: name, description, logo, colour, zone, nav, footer, url", async () => {
  const { config, diagnostics } = await load(
    [
      "url: https://news.example.org/bilingual",
      "name: { zh: 江城日报, en: Jiangcheng Daily }",
      "description: { zh: 本地新闻, en: Local news }",
      "logo: art/logo.svg",
      'theme_color: "#8a1c1c"',
      "time_zone: Europe/London",
      "nav:",
      "  zh: [{ title: 关于我们, url: /zh/about/ }]",
      "  en: [{ title: About, url: /en/about/ }, { title: Shop, url: https://shop.example.org/ }]",
      'footer: { zh: "© 江城日报", en: "" }',
    ].join("\n"),
    { "art/logo.svg": SVG },
  );
  assert.equal(diagnostics, []);
  assert.is(config.url, "https://news.example.org/bilingual/");
  assert.equal(config.name, { zh: "江城日报", en: "Jiangcheng Daily" });
  assert.equal(config.shortName, config.name, "the short name defaults to the name");
  assert.is(config.logo?.asset, "logo.svg");
  assert.is(config.logo?.sizes, "any");
  assert.is(config.themeColor, "#8a1c1c");
  assert.is(config.timeZone, "Europe/London");
  assert.equal(config.nav.en[1], { title: "Shop", url: "https://shop.example.org/", external: true });
  assert.equal(config.footer, { zh: "© 江城日报", en: "" });
});

test("an unknown key is a warning on its line, and the rest is still read", async () => {
  const { printed, config } = await load("name: { zh: 甲, en: A }\nsite_name: X\n");
  assert.equal(printed, ['site.yaml:2: warning: unknown key "site_name" in site.yaml is ignored (known: url, name, short_name, description, logo, theme_color, time_zone, nav, footer, sections, authors) [site/unknown-key]']);
  assert.is(config.name.en, "A");
});

const BAD: [string, string, Record<string, string | Uint8Array>, string, number][] = [
  ["url not http(s)", "name: { zh: 甲, en: A }\nurl: ftp://example.org/\n", {}, "site/bad-url", 2],
  ["a name holding a noncharacter (YAML escape)", 'name: { zh: "甲\\uFFFF", en: A }\n', {}, "site/bad-value", 1],
  ["a footer holding a control character", '\nfooter: { zh: "甲\\x07", en: A }\n', {}, "site/bad-value", 2],
  ["url not absolute", "\nurl: /news/\n", {}, "site/bad-url", 2],
  ["theme_color not a colour", "theme_color: reddish\n", {}, "site/bad-color", 1],
  ["theme_color with CSS after it", 'theme_color: "red; } body { display: none"\n', {}, "site/bad-color", 1],
  ["logo missing", "\n\nlogo: assets/none.svg\n", {}, "site/bad-logo", 3],
  ["logo outside the project", "logo: ../logo.svg\n", {}, "site/bad-logo", 1],
  ["logo not an image, whatever its name", "logo: logo.png\n", { "logo.png": "just text" }, "site/bad-logo", 1],
  ["logo named for another kind", "logo: logo.png\n", { "logo.png": SVG }, "site/bad-logo", 1],
  ["logo SVG with a script", "logo: logo.svg\n", { "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }, "site/bad-logo", 1],
  ["a language missing from name", "name: { zh: 江城日报 }\n", {}, "site/missing-language", 1],
  ["a language missing from footer", "\nfooter:\n  en: x\n", {}, "site/missing-language", 2],
  ["a language Duet does not publish", "description: { zh: 甲, en: A, fr: B }\n", {}, "site/missing-language", 1],
  ["a theme colour too light to read links in", "\ntheme_color: '#ffcc00'\n", {}, "site/low-contrast", 2],
  ["time_zone not an IANA zone", "time_zone: China Standard Time\n", {}, "site/bad-time-zone", 1],
  ["a javascript: nav link, on its entry's line", "nav:\n  zh: []\n  en:\n    - { title: Home, url: /en/ }\n    - { title: X, url: 'javascript:alert(1)' }\n", {}, "site/bad-nav", 5],
  ["a nav link that is neither a path nor a URL", "nav:\n  zh: [{ title: 甲, url: about }]\n  en: []\n", {}, "site/bad-nav", 2],
  ["name not a map", "name: Jiangcheng Daily\n", {}, "site/bad-value", 1],
  ["duplicate keys", "name: { zh: 甲, en: A }\nname: { zh: 乙, en: B }\n", {}, "site/syntax", 2],
  ["a custom tag", "name: !!js/function 'x'\n", {}, "site/syntax", 1],
  ["not a map", "- a\n- b\n", {}, "site/not-a-map", 1],
];

for (const [what, text, files, code, line] of BAD) {
  test(`${what}: ${code} on line ${line}`, async () => {
    const { diagnostics, printed } = await load(text, files);
    const hit = diagnostics.find((d) => d.code === code);
    assert.ok(hit, printed.join("\n") || "no diagnostic");
    assert.is(hit.line, line, printed.join("\n"));
    assert.match(formatDiagnostic(hit), new RegExp(`^site\\.yaml:${line}: (error|warning): .+ \\[${code}\\]$`));
  });
}

test("an alias bomb is refused", async () => {
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"].join("\n");
  const { diagnostics } = await load(bomb);
  assert.equal(diagnostics.map((d) => d.code), ["site/alias"]);
});

test("a bad value keeps its default, and every problem of the file is reported at once", async () => {
  const { config, diagnostics } = await load("theme_color: nope\ntime_zone: Mars/Base\nurl: mailto:x@example.org\n");
  assert.is(config.themeColor, DEFAULT_SITE_CONFIG.themeColor);
  assert.is(config.timeZone, "Asia/Shanghai");
  assert.equal(diagnostics.map((d) => [d.line, d.code]), [[1, "site/bad-color"], [2, "site/bad-time-zone"], [3, "site/bad-url"]]);
});

test("CSS colours in every common form are accepted", async () => {
  for (const color of ["'#a33'", "'#1b2c3d4f'", "rgb(138 28 28)", "'hsl(0, 66%, 33%)'", "oklch(0.4 0.1 25 / 80%)", "DarkRed"]) {
    const { diagnostics } = await load(`theme_color: ${color}\n`);
    assert.equal(diagnostics, [], color);
  }
});

test("the shipped site.yaml is the sample newsroom's and is clean", async () => {
  const root = path.resolve(import.meta.dirname, "..");
  const { config, diagnostics } = await loadSiteConfig("site.yaml", root, { required: true });
  assert.equal(diagnostics, []);
  assert.is(config.name.en, "Jiangcheng Daily");
  assert.is(config.logo?.type, "image/svg+xml");
});

test("every site/ and page/ code Duet can report is in docs/diagnostics.md and docs/site-config.md", async () => {
  const { readFile, readdir } = await import("node:fs/promises");
  const root = path.resolve(import.meta.dirname, "..");
  const sources = [...(await readdir(path.join(root, "src/site"))).map((f) => `src/site/${f}`), "src/pages/index.ts", "src/render/pages.ts", "src/build.ts"];
  const codes = new Set<string>();
  for (const file of sources) for (const m of (await readFile(path.join(root, file), "utf8")).matchAll(/"((?:site|page)\/[a-z-]+)"/g)) codes.add(m[1]!);
  assert.ok(codes.size >= 15, [...codes].join(", "));
  for (const doc of ["docs/diagnostics.md", "docs/site-config.md"]) {
    const text = await readFile(path.join(root, doc), "utf8");
    assert.equal([...codes].filter((code) => !text.includes(`\`${code}\``)), [], doc);
  }
});

test("sections and authors: per-language names in the order written; a bad entry is an error on its own line", async () => {
  const { config, printed } = await load(
    [
      "sections:",
      "  city: { zh: 本地, en: City }",
      "  world: { zh: 国际, en: World }",
      "  bad/slug: { zh: 坏, en: Bad }",
      "authors:",
      "  li-wei:",
      "    name: { zh: 李伟, en: Li Wei }",
      "    bio: { zh: 记者。, en: Reporter. }",
      "  zhang: { name: { zh: 张敏 } }",
      "",
    ].join("\n"),
  );
  assert.equal(config.sections, [{ slug: "city", name: { zh: "本地", en: "City" } }, { slug: "world", name: { zh: "国际", en: "World" } }]);
  assert.equal(config.authors, [{ slug: "li-wei", name: { zh: "李伟", en: "Li Wei" }, bio: { zh: "记者。", en: "Reporter." } }]);
  assert.equal(printed.map((line) => line.replace(/: error: .*\[/, " [")), ["site.yaml:4 [site/bad-value]", "site.yaml:9 [site/missing-language]"]);
});

test.run();
