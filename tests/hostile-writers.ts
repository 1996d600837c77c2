// Hostile inputs that are bytes, huge, or file-system tricks: written at test time instead of committed.
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

const utf8 = (text: string) => Buffer.from(text, "utf8");
const MD_HEAD = "---\ntitle: Night Market Opens\ndate: 2024-04-02\n---\n";
/** A raw scrape whose lines are: 1 lead, 3 separator, 5 title, 6 keywords, 7 content label, 8 content, 10 source. */
export function rawScrape(title = "Riverside Community Library Opens", keywords = "library, Riverside, reading"): string {
  return (
    "3月5日，滨江区新建的社区图书馆正式开放，藏书两万册。\n\n英语如下:\n\n" +
    `News Title: ${title}\nKeywords: ${keywords}\nNews Content:\n` +
    "On March 5, a new community library opened in Riverside with 20,000 books.\n\n【来源】https://example.com/news/library\n"
  );
}

/** Writes `data` to `rel` under `dir`, creating folders. */
async function put(dir: string, rel: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), data);
}

/** A UTF-16 big-endian encoding of `text` (Node only encodes little-endian). */
function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** Run-time inputs by case name; each gets the copied fixture directory (the articles tree) to write into. */
export const WRITERS: Record<string, (dir: string) => Promise<void>> = {
  "enc-invalid-utf8": (dir) => put(dir, "2024/bad.txt", Buffer.concat([utf8("3月5日，图书馆开放。\n"), Buffer.from([0xc3, 0x28, 0x0a])])),
  // "夜市" in GBK is D2 B9 CA D0.
  "enc-gbk": (dir) => put(dir, "gbk.zh.md", Buffer.concat([utf8("---\ntitle: "), Buffer.from([0xd2, 0xb9, 0xca, 0xd0]), utf8("\ndate: 2024-04-02\n---\n")])),
  // 0x81 0x30 0x81 0x30 is GB18030's four-byte U+0080.
  "enc-gb18030": (dir) => put(dir, "2024/gb.txt", Buffer.concat([utf8("ok\nok\n"), Buffer.from([0x81, 0x30, 0x81, 0x30, 0x0a])])),
  // ED A0 80 would be a UTF-16 surrogate (U+D800): forbidden in UTF-8.
  "enc-utf8-surrogate": (dir) => put(dir, "surrogate.en.md", Buffer.concat([utf8("---\ntitle: A"), Buffer.from([0xed, 0xa0, 0x80]), utf8("\n---\n")])),
  "enc-utf16le-bom": (dir) => put(dir, "2024/utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rawScrape(), "utf16le")])),
  "enc-utf16be-bom": (dir) => put(dir, "2024/utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(rawScrape())])),
  "enc-utf16-no-bom": (dir) => put(dir, "utf16.en.md", Buffer.from(`${MD_HEAD}Body.\n`, "utf16le")),
  "enc-nul": (dir) => put(dir, "nul.en.md", `---\ntitle: Night\u0000Market\ndate: 2024-04-02\n---\n`),
  "enc-control-char": (dir) => put(dir, "bell.en.md", `${MD_HEAD}Body\u0007 with a bell.\n`),
  // An ANSI colour sequence in a title would repaint the operator's terminal when the title is printed.
  "enc-ansi-escape": (dir) => put(dir, "ansi.en.md", "---\ntitle: \u001b[31mRed\u001b[0m alert\ndate: 2024-04-02\n---\nBody.\n"),
  "enc-c1-control": (dir) => put(dir, "2024/c1.txt", `3月5日，图书馆开放。\n\n英语如下:\n\nNews Title: Library\u0085Opens\n`),
  "enc-png": (dir) => put(dir, "2024/photo.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
  "enc-jpeg": (dir) => put(dir, "photo.en.md", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])),
  "enc-empty": (dir) => put(dir, "2024/empty.txt", ""),
  "enc-whitespace-only": (dir) => put(dir, "blank.en.md", " \n\t\n\u3000\u00a0\n\n"),
  "enc-too-large": (dir) => put(dir, "2024/huge.txt", rawScrape().repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(rawScrape())) + 1)),
  "struct-10000-keywords": (dir) => put(dir, "2024/many-keywords.txt", rawScrape(undefined, Array.from({ length: 10_000 }, (_, i) => `kw${i}`).join(", "))),
  "struct-5000-char-title": (dir) => put(dir, "2024/long-title.txt", rawScrape("Long ".repeat(1000))),
  // Written at run time: a checkout on a case-insensitive disk could not hold both names.
  "path-case-clash": async (dir) => {
    await put(dir, "Metro.en.md", `${MD_HEAD}Upper.\n`);
    await put(dir, "metro.en.md", `${MD_HEAD}Lower.\n`);
  },
  "path-nfc-nfd": async (dir) => {
    await put(dir, "caf\u00e9.en.md", `${MD_HEAD}Composed.\n`);
    await put(dir, "cafe\u0301.en.md", `${MD_HEAD}Decomposed.\n`);
  },
  "path-symlink-outside": async (dir) => {
    await writeFile(path.join(dir, "..", "secret.txt"), rawScrape("Secret Outside The Tree"));
    await mkdir(path.join(dir, "2024"), { recursive: true });
    await symlink(path.join(dir, "..", "secret.txt"), path.join(dir, "2024", "leak.txt"));
  },
  // "a\xff.txt": the byte FF never occurs in UTF-8.
  "path-bad-utf8-name": (dir) => writeFile(Buffer.concat([utf8(`${dir}/`), Buffer.from([0x61, 0xff, 0x2e, 0x74, 0x78, 0x74])]), rawScrape()),
  "path-newline-in-name": (dir) => put(dir, "bad\nname.en.md", `${MD_HEAD}Body.\n`),
  // Written at run time: a trailing space in a name does not survive every checkout.
  "path-name-trailing-space": async (dir) => {
    await put(dir, "market .en.md", `${MD_HEAD}Body.\n`);
    await put(dir, "fair.en.md ", `${MD_HEAD}Body.\n`);
  },
  "path-zero-width-file-name": (dir) => put(dir, "night\u200bmarket.en.md", `${MD_HEAD}Body.\n`),
};
