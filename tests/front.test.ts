// Front page and related-story planning: the lead, exclusion, section blocks, the root's headlines, related ranking.
import { DateTime } from "luxon";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FRONT_CARDS, planFront, planRoot, type FrontSection } from "../src/render/front.ts";
import { relatedIndex, relatedStories } from "../src/render/related.ts";
import type { ArticlePage, ListEntry } from "../src/render/plan.ts";
import type { ImageSet, Lang } from "../src/types.ts";

const SET: ImageSet = {
  width: 1600,
  height: 900,
  sources: [{ type: "image/webp", srcset: "/media/a-480.webp 480w" }],
  fallback: { type: "image/jpeg", src: "/media/a-960.jpeg", srcset: "/media/a-480.jpeg 480w, /media/a-960.jpeg 960w" },
  large: { url: "/media/a-1600.jpeg", width: 1600, height: 900, type: "image/jpeg" },
};

type Fake = { day: number; keywords?: string[]; featured?: boolean; photo?: boolean; section?: string; lang?: Lang; hour?: number };

/** A page named `slug`, published on day `day` of January 2024 (a later day is newer). */
function page(slug: string, fake: Fake): ArticlePage {
  const lang = fake.lang ?? "en";
  const date = DateTime.fromObject({ year: 2024, month: 1, day: fake.day, hour: fake.hour ?? 0 }, { zone: "Asia/Shanghai" });
  return {
    lang,
    htmlLang: lang === "zh" ? "zh-CN" : "en",
    url: `/${lang}/${slug}/`,
    title: slug,
    key: slug,
    file: `articles/${slug}.${lang}.md`,
    titleDerived: false,
    date,
    dateIso: date.toISO()!,
    dateText: date.toISODate()!,
    keywords: (fake.keywords ?? []).map((name) => ({ name, url: `/${lang}/keywords/${name}/`, search: "" })),
    description: `About ${slug}`,
    lead: "",
    html: "",
    authors: [{ slug: "li-wei", name: "Li Wei", url: `/${lang}/authors/li-wei/` }],
    related: [],
    draft: false,
    ...(fake.photo ? { image: { alt: `Photo of ${slug}`, caption: "A caption", set: SET } } : {}),
    ...(fake.section ? { section: { slug: fake.section, name: fake.section, url: `/${lang}/sections/${fake.section}/` } } : {}),
    featured: fake.featured ?? false,
    head: { canonical: "", alternates: [], meta: [] },
  };
}

const entry = (p: ArticlePage): ListEntry => ({ lang: p.lang, htmlLang: p.htmlLang, url: p.url, title: p.title, dateIso: p.dateIso, dateText: p.dateText });
const titles = (list: readonly { title: string }[]) => list.map((e) => e.title);
/** Pages newest first, as the plan hands them over. */
const newestFirst = (pages: ArticlePage[]) => [...pages].sort((a, b) => b.date.toMillis() - a.date.toMillis());
const SECTIONS: FrontSection[] = ["world", "tech", "sport"].map((slug) => ({ slug, name: slug.toUpperCase(), url: `/en/sections/${slug}/` }));

test("the newest featured story leads, even over newer stories with photos", () => {
  const pages = newestFirst([page("new-photo", { day: 9, photo: true }), page("featured-old", { day: 2, featured: true }), page("featured-older", { day: 1, featured: true })]);
  const front = planFront("en", pages, { sections: [], entry });
  assert.is(front.lead?.title, "featured-old");
  assert.is(front.lead?.photo, undefined);
  assert.is(front.lead?.summary, "About featured-old");
  assert.equal(front.lead?.authors, [{ slug: "li-wei", name: "Li Wei", url: "/en/authors/li-wei/" }]);
});

test("without a featured story the newest with a local photo leads, else the newest", () => {
  const withPhoto = newestFirst([page("plain", { day: 9 }), page("photo", { day: 5, photo: true }), page("photo-older", { day: 4, photo: true })]);
  const front = planFront("en", withPhoto, { sections: [], entry });
  assert.is(front.lead?.title, "photo");
  assert.is(front.lead?.photo?.set, SET);
  assert.is(front.lead?.photo?.alt, "Photo of photo");
  assert.is(front.lead?.photo?.caption, "A caption");
  const remote = { ...page("remote", { day: 8 }), image: { alt: "far away", remote: "https://example.org/p.jpg" } };
  const plain = planFront("en", newestFirst([page("older", { day: 3 }), remote, page("newest", { day: 9 })]), { sections: [], entry });
  assert.is(plain.lead?.title, "newest", "a remote photo does not make a lead");
  assert.is(planFront("en", [], { sections: [], entry }).lead, undefined);
});

test("the latest block is the next newest stories, without the lead, counted", () => {
  const pages = newestFirst(Array.from({ length: 14 }, (_, i) => page(`s${i + 1}`, { day: i + 1, photo: i === 6 })));
  const front = planFront("en", pages, { sections: [], entry });
  assert.is(front.lead?.title, "s7");
  assert.equal(titles(front.latest), ["s14", "s13", "s12", "s11", "s10", "s9", "s8", "s6", "s5", "s4"]);
  assert.equal(titles(planFront("en", pages, { sections: [], entry, latest: 3 }).latest), ["s14", "s13", "s12"]);
});

test("section blocks follow the given order, skip stories shown above and empty sections, and are counted", () => {
  const pages = newestFirst([
    page("lead", { day: 20, featured: true, section: "tech" }),
    page("t1", { day: 19, section: "tech" }),
    page("w1", { day: 18, section: "world" }),
    ...Array.from({ length: 6 }, (_, i) => page(`t-old${i}`, { day: 10 - i, section: "tech" })),
    page("w-old", { day: 2, section: "world" }),
    page("none", { day: 1 }),
  ]);
  const front = planFront("en", pages, { sections: SECTIONS, entry, latest: 2 });
  assert.equal(titles(front.latest), ["t1", "w1"]);
  assert.equal(front.sections.map((s) => s.name), ["WORLD", "TECH"], "sport has no stories: no block");
  assert.equal(titles(front.sections[0]!.entries), ["w-old"]);
  assert.equal(titles(front.sections[1]!.entries), ["t-old0", "t-old1", "t-old2", "t-old3"]);
  assert.is(front.sections[1]!.url, "/en/sections/tech/");
  const two = planFront("en", pages, { sections: SECTIONS, entry, latest: 2, perSection: 2 });
  assert.equal(titles(two.sections[1]!.entries), ["t-old0", "t-old1"]);
  const shown = [two.lead!.url, ...two.latest.map((e) => e.url), ...two.sections.flatMap((s) => s.entries.map((e) => e.url))];
  assert.is(new Set(shown).size, shown.length, "no story is shown twice");
});

test("section blocks skip the lead and the photo cards, but may repeat a story the front lists only as a headline", () => {
  const pages = newestFirst(Array.from({ length: 8 }, (_, i) => page(`s${i}`, { day: 20 - i, section: "world" })));
  const front = planFront("en", pages, { sections: SECTIONS, entry, latest: 7 });
  assert.is(front.cards, FRONT_CARDS);
  const large = [front.lead!.url, ...front.latest.slice(0, front.cards).map((e) => e.url)];
  const blocked = front.sections.flatMap((s) => s.entries.map((e) => e.url));
  assert.ok(blocked.length > 0, "a small site still shows its section blocks");
  assert.not.ok(blocked.some((url) => large.includes(url)), "nothing shown large above is repeated");
  assert.equal(titles(front.sections[0]!.entries), ["s5", "s6", "s7"]);
});

test("the front page uses the plan's entries and shows only its language", () => {
  const made: string[] = [];
  const counting = (p: ArticlePage) => (made.push(p.url), entry(p));
  const front = planFront("en", [page("zh-only", { day: 9, lang: "zh" }), page("en", { day: 8 })], { sections: [], entry: counting });
  assert.is(front.lead?.title, "en");
  assert.equal(made, ["/en/en/"]);
});

test("the root page shows each language's newest headlines, in display order", () => {
  const zh = newestFirst(Array.from({ length: 8 }, (_, i) => page(`z${i}`, { day: i + 1, lang: "zh" })));
  const en = [page("e0", { day: 1 })];
  const root = planRoot({ zh, en }, entry);
  assert.equal(root.map((c) => c.lang), ["zh", "en"]);
  assert.equal(titles(root[0]!.entries), ["z7", "z6", "z5", "z4", "z3", "z2"]);
  assert.equal(titles(root[1]!.entries), ["e0"]);
  assert.is(planRoot({ zh, en }, entry, 2)[0]!.entries.length, 2);
});

test("related stories are earlier ones, ranked by shared keywords, then newest, then URL, leaving the story itself out", () => {
  const self = page("self", { day: 5, keywords: ["a", "b", "c"] });
  const candidates = [
    self,
    { ...page("translation", { day: 5, keywords: ["a", "b", "c"] }), key: "self" },
    page("one-new", { day: 9, keywords: ["a"] }),
    page("two-old", { day: 1, keywords: ["a", "b"] }),
    page("three", { day: 2, keywords: ["c", "b", "a"] }),
    page("two-new", { day: 4, keywords: ["b", "c", "z"] }),
    page("one-b", { day: 3, hour: 1, keywords: ["c"] }),
    page("one-a", { day: 3, hour: 1, keywords: ["b"] }),
    page("unrelated", { day: 9, keywords: ["z"] }),
    page("other-lang", { day: 9, keywords: ["a"], lang: "zh" }),
  ];
  assert.equal(titles(relatedStories(self, candidates)), ["three", "two-new", "two-old", "one-a", "one-b"], "one-new is later than the story");
  assert.equal(titles(relatedStories(self, candidates, 2)), ["three", "two-new"]);
  assert.equal(titles(relatedStories(self, [...candidates].reverse(), 2)), ["three", "two-new"], "input order does not matter");
  assert.equal(relatedStories(page("lonely", { day: 1 }), candidates), []);
  assert.equal(titles(relatedStories(page("outsider", { day: 3, keywords: ["a", "b"] }), candidates)), ["three", "two-old"], "a page outside the candidates");
});

test("publishing a story never changes the related stories of the stories before it", () => {
  const pages = Array.from({ length: 60 }, (_, i) => page(`p${i}`, { day: (i % 28) + 1, hour: i % 5, keywords: [`k${i % 4}`, `k${i % 7}`, "common"].slice(0, 1 + (i % 3)) }));
  const before = relatedIndex(pages);
  const after = relatedIndex([page("newest", { day: 28, hour: 23, keywords: ["k1", "k2", "common"] }), ...pages]);
  for (const p of pages) assert.equal(titles(after(p)), titles(before(p)), p.title);
  assert.ok(titles(after(page("newest", { day: 28, hour: 23, keywords: ["k1", "k2", "common"] }))).length === 5, "the new story gets its own");
});

test("a story sharing no keyword never changes a page's related stories", () => {
  const pages = Array.from({ length: 60 }, (_, i) => page(`p${i}`, { day: (i % 28) + 1, hour: i % 5, keywords: [`k${i % 4}`, `k${i % 7}`, "common"].slice(0, 1 + (i % 3)) }));
  const before = relatedIndex(pages);
  const after = relatedIndex([page("newcomer", { day: 28, hour: 23, keywords: ["elsewhere"] }), ...pages]);
  for (const p of pages) assert.equal(titles(after(p)), titles(before(p)), p.title);
});

/** The definition of related stories, by looking at every candidate: what the index must agree with. */
function bruteRelated(self: ArticlePage, candidates: readonly ArticlePage[], max = 5): ArticlePage[] {
  const mine = new Set(self.keywords.map((k) => k.url));
  const millis = self.date.toMillis();
  return candidates
    .filter((p) => p.key !== self.key && p.lang === self.lang && p !== self)
    .filter((p) => p.date.toMillis() < millis || (p.date.toMillis() === millis && p.url > self.url))
    .map((p) => ({ p, n: new Set(p.keywords.map((k) => k.url).filter((url) => mine.has(url))).size }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n || b.p.date.toMillis() - a.p.date.toMillis() || (a.p.url < b.p.url ? -1 : 1))
    .slice(0, max)
    .map((c) => c.p);
}

test("the index agrees with looking at every candidate, on random sites of every shape", () => {
  let seed = 11;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  // Sites from a few stories with much in common to many with little: hot keywords, repeated keywords,
  // stories of one instant, translations sharing a key, and pages of the other language.
  for (const [size, vocabulary, most] of [[30, 3, 3], [200, 6, 5], [400, 40, 6], [1500, 12, 5], [3000, 300, 4]] as const) {
    const pages = Array.from({ length: size }, (_, i) => {
      const hot = random(3) === 0 ? ["hot"] : [];
      const keywords = [...hot, ...Array.from({ length: random(most + 1) }, () => `k${random(vocabulary)}`)];
      const made = page(`s${i}`, { day: 1 + random(28), hour: random(3), lang: random(4) === 0 ? "zh" : "en", keywords });
      return random(10) === 0 && i > 0 ? { ...made, key: `s${i - 1}` } : made;
    });
    const find = relatedIndex(pages);
    for (const self of pages) {
      for (const max of [1, 5]) assert.equal(titles(find(self, max)), titles(bruteRelated(self, pages, max)), `${size} pages: ${self.title}, ${max}`);
    }
    for (let i = 0; i < 20; i++) {
      const outsider = page(`outside${i}`, { day: 1 + random(28), hour: random(3), keywords: [`k${random(vocabulary)}`, `k${random(vocabulary)}`, "unknown"] });
      assert.equal(titles(find(outsider)), titles(bruteRelated(outsider, pages)), `${size} pages: a page outside the index`);
    }
  }
});

test("remembered related stories are what a fresh look finds, after stories are added, edited and removed", () => {
  // A small random site, changed step by step; a memo kept across the steps, as a build cache keeps it.
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const made = (i: number, day = 1 + random(28)) => page(`s${i}`, { day, hour: random(24), lang: random(5) === 0 ? "zh" : "en", keywords: Array.from({ length: random(4) }, () => `k${random(6)}`) });
  let pages = Array.from({ length: 80 }, (_, i) => made(i));
  const memo = new Map<string, string[]>();
  let computed = 0;
  const remember = { get: (key: string, compute: () => string[]) => memo.get(key) ?? (computed++, memo.set(key, compute()).get(key)!) };
  const check = (what: string) => {
    computed = 0;
    const fresh = relatedIndex(pages);
    const kept = relatedIndex(pages, remember);
    for (const p of pages) assert.equal(titles(kept(p)), titles(fresh(p)), `${what}: ${p.title}`);
    return computed;
  };
  assert.is(check("first"), pages.length);
  assert.is(check("nothing changed"), 0, "every page's related stories remembered");
  pages = [...pages, page("newest", { day: 28, hour: 23, keywords: ["k1", "k2"] })];
  assert.is(check("a new story, newest of all"), 1, "only the new story's own are worked out");
  for (let step = 0; step < 30; step++) {
    const at = random(pages.length);
    const choice = random(3);
    if (choice === 0) pages = pages.filter((_, i) => i !== at);
    // An edit: the same page (URL, story, language) with another time and other keywords.
    else if (choice === 1) pages = pages.map((p, i) => (i === at ? page(p.title, { day: p.date.day, hour: random(24), lang: p.lang, keywords: [`k${random(6)}`, `k${random(6)}`] }) : p));
    else pages = [...pages, made(200 + step)];
    check(`step ${step}`);
  }
});

test.run();
