// The photo stage: which images articles use, their renditions (never upscaled, stable names, cached), every bad file reported on its line, and the HTML.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rm, stat, symlink, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import sharp from "sharp";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatDiagnostic } from "../src/diagnostics.ts";
import { renderBody } from "../src/render/body.ts";
import { disposeImages, findImageUses, pictureHtml, processImages, replaceInlineImages, writeImages, type ProcessedImages } from "../src/images/index.ts";
import type { Article, ImageSet, LeadImage } from "../src/types.ts";
import { scratch } from "./helpers/tree.ts";

const BODY_LINE = 5;
const BODY = [
  "Intro paragraph.", // line 5
  "",
  "![码头夜景](images/wide.png)", // line 7
  "",
  "Text line one", // line 9
  '![](images/small.jpg) and ![logo](images/logo.svg "Logo")', // line 10
  "![remote](https://example.com/x.jpg) ![abs](/x.jpg)", // line 11
].join("\n");

/** An article for the tests: `file` is relative to the scratch folder, the body starts on line 5. */
function article(file: string, text: string, image?: LeadImage): Article {
  return {
    file,
    lang: "zh",
    authors: [],
    draft: false,
    featured: false,
    key: path.basename(file),
    slug: "s",
    title: "t",
    titleDerived: false,
    date: DateTime.fromISO("2024-05-01", { zone: "Asia/Shanghai" }),
    keywords: [],
    body: { format: "markdown", text, line: BODY_LINE },
    ...(image && { image }),
  };
}

const lead = (written: string, line = 3): LeadImage => ({ src: { path: path.posix.join("articles/2024", written) }, written, line, alt: "Pier at night" });

/** A scratch project: `articles/2024/images/` with a 2000×1000 PNG, a 300×200 JPEG and a 200×100 SVG. */
async function project(): Promise<string> {
  const cwd = await scratch("images");
  const images = path.join(cwd, "articles/2024/images");
  await mkdir(images, { recursive: true });
  await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#336699" } }).png().toFile(path.join(images, "wide.png"));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: "#aa3311" } })
    .withExif({ IFD0: { Artist: "Reporter", Copyright: "GPS and camera details stay private" } })
    .jpeg()
    .toFile(path.join(images, "small.jpg"));
  await writeFile(path.join(images, "logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><circle cx="50" cy="50" r="40" fill="#c00"/></svg>');
  return cwd;
}

const options = (cwd: string, cacheDir?: string) => ({ cwd, articlesDir: path.join(cwd, "articles"), ...(cacheDir && { cacheDir }) });
const sha = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");
const widthsOf = (srcset: string) => srcset.split(", ").map((e) => Number(e.split(" ")[1]!.slice(0, -1)));

test("finds the lead image and each local inline image on its own line; remote and site-absolute ones are left alone", () => {
  const uses = findImageUses([article("articles/2024/a.zh.md", BODY, lead("images/wide.png"))]);
  assert.equal(
    uses.map((u) => [u.written, u.path, u.line, u.alt, u.lead]),
    [
      ["images/wide.png", "articles/2024/images/wide.png", 3, "Pier at night", true],
      [encodeURI("images/wide.png"), "articles/2024/images/wide.png", 7, "码头夜景", false],
      ["images/small.jpg", "articles/2024/images/small.jpg", 10, "", false],
      ["images/logo.svg", "articles/2024/images/logo.svg", 10, "logo", false],
    ],
  );
});

test("renditions: AVIF, WebP and a fallback in widths up to 1600, never upscaled; a PNG or SVG falls back to PNG, a JPEG to JPEG", async () => {
  const cwd = await project();
  const result = await processImages(findImageUses([article("articles/2024/a.zh.md", BODY, lead("images/wide.png"))]), options(cwd));
  try {
    const file = "articles/2024/a.zh.md";
    const wide = result.table.leadOf(article(file, "", lead("images/wide.png")))!;
    assert.equal(wide.sources.map((s) => s.type), ["image/avif", "image/webp"]);
    for (const s of wide.sources) assert.equal(widthsOf(s.srcset), [480, 960, 1600]);
    assert.equal([wide.fallback.type, widthsOf(wide.fallback.srcset)], ["image/png", [480, 960, 1600]]);
    assert.match(wide.fallback.src, /^\/media\/[0-9a-f]{20}-960\.png$/);
    assert.equal([wide.width, wide.height, wide.large.width, wide.large.height], [1600, 800, 1600, 800]);
    const small = result.table.lookup(file, "images/small.jpg")!;
    assert.equal([small.fallback.type, widthsOf(small.fallback.srcset), small.width, small.height], ["image/jpeg", [300], 300, 200]);
    assert.match(small.fallback.src, /-300\.jpg$/);
    const logo = result.table.lookup(file, "images/logo.svg")!;
    assert.equal([logo.fallback.type, logo.width, logo.height], ["image/png", 200, 100]);
    // The inline image is found by its src as written in the source and as markdown-it prints it.
    assert.equal(result.table.lookup(file, "images/wide.png"), result.table.lookup(file, encodeURI("images/wide.png")));
    for (const f of result.files) {
      const meta = await sharp(f.from).metadata();
      const width = Number(/-(\d+)\.\w+$/.exec(f.url)![1]);
      assert.equal(meta.width, width, f.url);
      assert.ok(meta.width! <= 2000);
      assert.is(meta.exif, undefined, `${f.url} carries no EXIF`);
    }
    assert.equal([result.processed, result.reused, result.files.length], [3, 0, 9 + 3 + 3]);
    // The body as the render stage prints it: each local image becomes its <picture>, the remote one stays a link.
    const html = replaceInlineImages(renderBody({ format: "markdown", text: BODY, line: BODY_LINE }).html, (w) => result.table.lookup(file, w), (u) => u);
    assert.is(html.match(/<picture>/g)?.length, 3, html);
    assert.not.match(html, /<img src="images\//);
    assert.match(html, /<a href="https:\/\/example.com\/x.jpg"/);
    assert.match(html, /alt="logo" title="Logo" loading="lazy"/);
    assert.equal(result.diagnostics.map(formatDiagnostic), [`${file}:10: warning: image "images/small.jpg" has no alt text: say what it shows between the brackets, ![…](…) [image/no-alt]`]);
  } finally {
    await disposeImages(result);
    await rm(cwd, { recursive: true, force: true });
  }
});

test("deterministic: two runs give the same file names and bytes; a photo used twice is encoded once", async () => {
  const cwd = await project();
  const uses = findImageUses([article("articles/2024/a.zh.md", "![a](images/wide.png)"), article("articles/2024/a.en.md", "![b](images/wide.png)")]);
  const runs: ProcessedImages[] = [];
  try {
    for (let i = 0; i < 2; i++) runs.push(await processImages(uses, options(cwd)));
    assert.equal(runs[0]!.processed, 1);
    assert.equal(runs[0]!.files.map((f) => f.url), runs[1]!.files.map((f) => f.url));
    for (let i = 0; i < runs[0]!.files.length; i++) assert.equal(await sha(runs[0]!.files[i]!.from), await sha(runs[1]!.files[i]!.from));
  } finally {
    for (const run of runs) await disposeImages(run);
    await rm(cwd, { recursive: true, force: true });
  }
});

test("a second run with the same cache encodes nothing and gives the same ImageSets; a changed photo is encoded again", async () => {
  const cwd = await project();
  const cacheDir = path.join(cwd, ".cache");
  const articles = [article("articles/2024/a.zh.md", BODY, lead("images/wide.png"))];
  try {
    const first = await processImages(findImageUses(articles), options(cwd, cacheDir));
    const second = await processImages(findImageUses(articles), options(cwd, cacheDir));
    assert.equal([first.processed, first.reused, second.processed, second.reused], [3, 0, 0, 3]);
    assert.equal(second.files, first.files);
    for (const written of ["images/wide.png", "images/small.jpg", "images/logo.svg"]) {
      assert.equal(second.table.lookup("articles/2024/a.zh.md", written), first.table.lookup("articles/2024/a.zh.md", written));
    }
    assert.ok(first.files.every((f) => f.from.startsWith(path.join(cacheDir, "images") + path.sep)));
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#000000" } }).jpeg().toFile(path.join(cwd, "articles/2024/images/small.jpg"));
    const third = await processImages(findImageUses(articles), options(cwd, cacheDir));
    assert.equal([third.processed, third.reused], [1, 2]);
    await disposeImages(third);
    assert.ok((await stat(path.join(cacheDir, "images/manifest.json"))).isFile(), "a cache's renditions are kept");
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});

test("a photo file whose inode, size and modification time are unchanged is not read again: the cache answers from its stamp", async () => {
  const cwd = await project();
  const cacheDir = path.join(cwd, ".cache");
  const file = path.join(cwd, "articles/2024/images/small.jpg");
  const articles = [article("articles/2024/a.zh.md", "Text.\n", lead("images/small.jpg"))];
  // A whole second, so that putting the time back is exact on every file system.
  const when = 1_700_000_000;
  try {
    await utimes(file, when, when);
    const first = await processImages(findImageUses(articles), options(cwd, cacheDir));
    // The same bytes count, the same inode, the modification time put back: a file the cache may trust unread.
    const bytes = await readFile(file);
    await writeFile(file, Buffer.alloc(bytes.length, 0));
    await utimes(file, when, when);
    const second = await processImages(findImageUses(articles), options(cwd, cacheDir));
    assert.equal([second.processed, second.reused, second.diagnostics.length], [0, 1, 0], "not read: zeros would not decode");
    assert.equal(second.table.leadOf(articles[0]!), first.table.leadOf(articles[0]!));
    // Touched, it is read again (and now fails to decode).
    await utimes(file, when, when + 1);
    const third = await processImages(findImageUses(articles), options(cwd, cacheDir));
    assert.equal(third.diagnostics.map((d) => d.code), ["image/undecodable"]);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});

test("a build whose photos are all as the cache knows them never loads the encoder (eleventy-img, sharp); a changed photo loads it", async () => {
  const root = path.resolve(import.meta.dirname, "..");
  const dir = await scratch("encoder");
  const articles = path.join(dir, "articles");
  await cp(path.join(root, "articles"), articles, { recursive: true });
  // Each build in a process of its own, which tells whether sharp was loaded.
  const build = async (): Promise<string> => {
    const options = { articles, out: path.join(dir, "out"), cacheDir: path.join(dir, "cache"), cwd: dir, root };
    const script = [
      `import { createRequire } from "node:module";`,
      `import { build } from ${JSON.stringify(path.join(root, "src/build.ts"))};`,
      `const result = await build(${JSON.stringify(options)});`,
      `const loaded = Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes("/node_modules/sharp/"));`,
      // One string: a number logged on its own is coloured when the test runner forces colour.
      `console.log(\`\${loaded ? "sharp loaded" : "sharp not loaded"} \${result.diagnostics.filter((d) => d.severity === "error").length}\`);`,
    ].join("\n");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root });
    return stdout.trim();
  };
  try {
    assert.is(await build(), "sharp loaded 0", "the first build encodes the photos");
    assert.is(await build(), "sharp not loaded 0");
    const photo = path.join(articles, "2024/images/metro-train.svg");
    await writeFile(photo, (await readFile(photo, "utf8")).replace("</svg>", '<circle cx="1" cy="1" r="1"/></svg>'));
    assert.is(await build(), "sharp loaded 0", "a changed photo is hashed and encoded again");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the cache keeps only the renditions of photos still used: a replaced or dropped photo leaves nothing behind", async () => {
  const cwd = await project();
  const cacheDir = path.join(cwd, ".cache");
  const both = [article("articles/2024/a.zh.md", "Text.\n", lead("images/small.jpg")), article("articles/2024/b.zh.md", "Text.\n", lead("images/wide.png"))];
  const renditions = async () => (await readdir(path.join(cacheDir, "images"))).filter((name) => name !== "manifest.json").sort();
  try {
    const first = await processImages(findImageUses(both), options(cwd, cacheDir));
    const before = first.files.map((f) => path.basename(f.from)).sort();
    assert.equal(await renditions(), before);
    // b's story is gone; a's photo is replaced by other bytes.
    await sharp({ create: { width: 320, height: 200, channels: 3, background: "#123456" } }).jpeg().toFile(path.join(cwd, "articles/2024/images/small.jpg"));
    const second = await processImages(findImageUses(both.slice(0, 1)), options(cwd, cacheDir));
    assert.equal([second.processed, second.reused], [1, 0]);
    const now = await renditions();
    assert.equal(now, second.files.map((f) => path.basename(f.from)).sort(), "only the new photo's renditions remain");
    assert.not.ok(now.some((name) => before.includes(name)), "the old photo's and the dropped photo's renditions are removed");
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});

test("every bad photo is reported on its line with its code; none throws, and good photos still pass", async () => {
  const cwd = await project();
  const images = path.join(cwd, "articles/2024/images");
  await writeFile(path.join(images, "text.jpg"), "this is not a photo\n");
  const jpeg = await readFile(path.join(images, "small.jpg"));
  await writeFile(path.join(images, "cut.jpg"), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  await writeFile(path.join(images, "bomb.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"></svg>');
  await writeFile(path.join(images, "huge.jpg"), "");
  await truncate(path.join(images, "huge.jpg"), 21 * 1024 * 1024);
  await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } }).jpeg().toFile(path.join(cwd, "secret.jpg"));
  await symlink(path.join(cwd, "secret.jpg"), path.join(images, "link.jpg"));
  const body = ["![a](images/missing.jpg)", "", "![b](../../../../etc/passwd)", "", "![c](images/link.jpg)", "", "![d](images/huge.jpg)", "", "![e](images/text.jpg)", "", "![f](images/cut.jpg)", "", "![g](images/bomb.svg)", "", "![h](images/small.jpg)"].join("\n");
  const file = "articles/2024/bad.zh.md";
  const result = await processImages(findImageUses([article(file, body)]), options(cwd));
  try {
    const got = result.diagnostics.map((d) => [d.line, d.code, d.severity, d.file]);
    assert.equal(got, [
      [5, "image/not-found", "error", file],
      [7, "image/outside-articles", "error", file],
      [9, "image/outside-articles", "error", file],
      [11, "image/too-large", "error", file],
      [13, "image/undecodable", "error", file],
      [15, "image/undecodable", "error", file],
      [17, "image/too-large", "error", file],
    ]);
    assert.match(formatDiagnostic(result.diagnostics[0]!), /^articles\/2024\/bad\.zh\.md:5: error: image "images\/missing\.jpg" not found \(looked for articles\/2024\/images\/missing\.jpg\)/);
    assert.match(result.diagnostics[3]!.message, /is 21\.0 MB, over the 20\.0 MB limit/);
    assert.match(result.diagnostics[5]!.message, /Premature end of input file/, result.diagnostics[5]!.message);
    assert.match(result.diagnostics[6]!.message, /million pixels|over the limit of 100 million/);
    assert.ok(result.table.lookup(file, "images/small.jpg"), "the good photo is processed");
    assert.equal(result.table.lookup(file, "images/text.jpg"), undefined);
    assert.equal([result.processed, result.files.length], [4, 3]);
  } finally {
    await disposeImages(result);
    await rm(cwd, { recursive: true, force: true });
  }
});

test("writeImages puts every rendition into <staging>/media/, hard-linked", async () => {
  const cwd = await project();
  const result = await processImages(findImageUses([article("articles/2024/a.zh.md", "![a](images/small.jpg)")]), options(cwd));
  try {
    const staging = path.join(cwd, "staging");
    await writeImages(result, staging);
    for (const f of result.files) {
      const written = path.join(staging, f.url);
      assert.equal(await sha(written), await sha(f.from));
      assert.ok((await stat(written)).nlink >= 2, `${f.url} is a hard link`);
    }
  } finally {
    await disposeImages(result);
    await rm(cwd, { recursive: true, force: true });
  }
});

const SET: ImageSet = {
  width: 1600,
  height: 800,
  sources: [
    { type: "image/avif", srcset: "/media/a-480.avif 480w, /media/a-1600.avif 1600w" },
    { type: "image/webp", srcset: "/media/a-480.webp 480w, /media/a-1600.webp 1600w" },
  ],
  fallback: { type: "image/jpeg", src: "/media/a-480.jpg", srcset: "/media/a-480.jpg 480w, /media/a-1600.jpg 1600w" },
  large: { url: "/media/a-1600.jpg", width: 1600, height: 800, type: "image/jpeg" },
};
const prefix = (u: string) => `/news${u}`;

test("pictureHtml: a source per modern format, every URL mapped (srcset too), a hostile alt escaped; lead eager and first, others lazy", () => {
  const html = pictureHtml(SET, { alt: '"><script>alert(1)</script>', lead: false, sizes: "100vw", url: prefix, className: "lead" });
  assert.is(
    html,
    '<picture class="lead"><source type="image/avif" srcset="/news/media/a-480.avif 480w, /news/media/a-1600.avif 1600w" sizes="100vw">' +
      '<source type="image/webp" srcset="/news/media/a-480.webp 480w, /news/media/a-1600.webp 1600w" sizes="100vw">' +
      '<img src="/news/media/a-480.jpg" srcset="/news/media/a-480.jpg 480w, /news/media/a-1600.jpg 1600w" sizes="100vw" width="1600" height="800" alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" loading="lazy" decoding="async"></picture>',
  );
  const leadHtml = pictureHtml(SET, { alt: "x", lead: true, sizes: "100vw", url: prefix });
  assert.match(leadHtml, /fetchpriority="high"/);
  assert.not.match(leadHtml, /loading=/);
});

test("replaceInlineImages swaps only the images the table knows, with their alt unescaped once and escaped again", () => {
  const html = '<p><img src="images/pier.jpg" alt="码头 &quot;夜&quot; &amp; 景"> <img src="images/other.jpg" alt="x"></p>';
  const out = replaceInlineImages(html, (written) => (written === "images/pier.jpg" ? SET : undefined), prefix);
  assert.ok(out.startsWith('<p><picture><source type="image/avif"'), out);
  assert.match(out, /alt="码头 &quot;夜&quot; &amp; 景" loading="lazy"/);
  assert.match(out, /sizes="\(min-width: 50rem\) 46rem, 100vw"/);
  assert.ok(out.endsWith('</picture> <img src="images/other.jpg" alt="x"></p>'), out);
});

test("every image/ code the stage can report is documented in docs/diagnostics.md", async () => {
  const root = path.resolve(import.meta.dirname, "..");
  const codes = new Set<string>();
  for (const file of await readdir(path.join(root, "src/images"))) {
    // Media types (`"image/avif"`) share the prefix; codes have a hyphen or a verb.
    for (const m of (await readFile(path.join(root, "src/images", file), "utf8")).matchAll(/"(image\/(?!avif"|webp"|jpeg"|png")[a-z-]+)"/g)) codes.add(m[1]!);
  }
  assert.equal([...codes].sort(), ["image/no-alt", "image/not-found", "image/outside-articles", "image/too-large", "image/undecodable"]);
  const doc = await readFile(path.join(root, "docs/diagnostics.md"), "utf8");
  assert.equal([...codes].filter((code) => !doc.includes(`\`${code}\``)), []);
});

test.run();
