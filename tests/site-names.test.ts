// The one list of names Duet writes: every file of a real build is an article page, a newsroom page or on that list, and no slug can take one.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { LANG_PATHS, LANGS, ROOT_PATHS } from "../src/types.ts";
import { checkSlug, RESERVED_SLUGS } from "../src/validate/index.ts";
import { scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** A name as the lists spell it: folders end in "/". */
async function namesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
}

test("every name a build writes at the root and in each language folder is on the list the plan and validation share", async () => {
  const out = await scratch("site-names");
  try {
    const result = await build({ articles: "tests/fixtures/build/mixed", out, cwd: ROOT });
    const roots: string[] = Object.values(ROOT_PATHS);
    // A dot-name (such as the marker publish/ leaves in every output) can never be a slug, which starts with a letter or digit.
    for (const name of (await namesIn(out)).filter((n) => !n.startsWith("."))) {
      const listed = roots.includes(name) || (name.startsWith(ROOT_PATHS.sitemapPart) && name.endsWith(".xml"));
      assert.ok(listed, `/${name} is on ROOT_PATHS`);
    }
    for (const lang of LANGS) {
      const slugs = result.stories.flatMap((s) => (s.versions[lang] ? [`${s.versions[lang].slug}/`] : []));
      // The newsroom's own pages (pages/<lang>/<slug>.md beside the shipped site.yaml) are named by their slugs too.
      const pages = (await readdir(path.join(ROOT, "pages", lang)).catch(() => [])).filter((f) => f.endsWith(".md")).map((f) => `${f.slice(0, -3)}/`);
      slugs.push(...pages);
      const own: string[] = Object.values(LANG_PATHS);
      for (const name of await namesIn(path.join(out, lang))) {
        if (name === "index.html" || slugs.includes(name)) continue;
        assert.ok(own.includes(name), `/${lang}/${name} is on LANG_PATHS`);
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test("no slug can name what Duet writes: every listed name, as a slug would spell it, is refused", () => {
  for (const name of [...Object.values(LANG_PATHS), ...Object.values(ROOT_PATHS)]) {
    const stem = name.replace(/[/.].*$|-$/, "");
    assert.ok(RESERVED_SLUGS.has(stem.toLowerCase()), stem);
    if (/^[\p{L}\p{N}]/u.test(stem)) assert.ok("problem" in checkSlug(stem.toUpperCase(), "slug"), stem);
  }
});

test.run();
