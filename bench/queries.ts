// Search queries derived from a corpus manifest, each with the ids of every story it must find.
import type { CorpusManifest, ManifestStory } from "./corpus.ts";
import { mix32, mulberry32, pick } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { stemWord } from "./stem.ts";
import { toTraditional } from "./traditional.ts";

/** The kinds of query a search benchmark runs. */
export type QueryClass = "zh-title-word" | "zh-title-bigram" | "zh-keyword" | "en-title-word" | "en-inflected" | "en-keyword" | "zh-traditional";

/** One query and its answer, computed from the generated titles and keywords. */
export interface Query {
  /** What the user types. */
  query: string;
  /**
   * Ids of every story a reader would count as a hit: its title or its keywords, in the query's language, contain the
   * query (Chinese: as a substring, Traditional queries by their Simplified form; English: every word of the query, by
   * stem, in the title or in one keyword). This is the ranking rule, "a title or keyword match beats a lead match".
   */
  expected: string[];
  /** The narrower judgement: only the field the query was drawn from (title classes: titles; keyword classes: keywords). */
  expectedField: string[];
  /** The story the query was drawn from. */
  from: string;
  /** The word as it appears in the title, for `en-inflected` (another form) and `zh-traditional` (Simplified). */
  variantOf?: string;
  /** `zh-title-bigram`: the two characters straddle two words of the headline. */
  crossesWordBoundary?: boolean;
}

/** Queries by class. */
export type QuerySet = Record<QueryClass, Query[]>;

/** How to derive queries. */
export interface QueryOptions {
  /** Seed of the draws. */
  seed: number;
  /** Queries per class (fewer when the corpus has too few distinct candidates). */
  perClass: number;
  /** Title classes keep words found in at most this many titles (default 1% of the stories, at least 5; five times that for `en-inflected`). */
  maxExpected?: number;
}

const CLASSES: readonly QueryClass[] = ["zh-title-word", "zh-title-bigram", "zh-keyword", "en-title-word", "en-inflected", "en-keyword", "zh-traditional"];
const HAN_RE = /^\p{Script=Han}+$/u;
const STOPWORDS = new Set(["a", "an", "the", "and", "or", "for", "to", "in", "of", "on", "at", "by", "with", "as", "from", "into"]);

/** Lower-case word tokens of an English title. */
function tokens(title: string): string[] {
  return title.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t !== "");
}

/** What one class draws from a story: a candidate query, or undefined when the story offers none. */
type Drawer = (rng: Rng, story: ManifestStory) => Omit<Query, "from"> | undefined;

/** Builds the drawers over indexes of the manifest's titles and keywords. */
function drawers(stories: readonly ManifestStory[]): Record<QueryClass, { drawer: Drawer; capped: boolean }> {
  const zhTitles = stories.flatMap((s) => (s.title.zh ? [[s.id, s.title.zh] as const] : []));
  const enTitles = stories.flatMap((s) => (s.title.en ? [{ id: s.id, tokens: tokens(s.title.en) }] : []));
  const enStems = enTitles.map((t) => ({ id: t.id, stems: new Set(t.tokens.map(stemWord)) }));
  const forms = new Map<string, Set<string>>();
  for (const t of enTitles) for (const token of t.tokens) {
    const stem = stemWord(token);
    forms.set(stem, (forms.get(stem) ?? new Set()).add(token));
  }
  const inZhTitles = (word: string) => zhTitles.filter(([, title]) => title.includes(word)).map(([id]) => id);
  const withStem = (stem: string) => enStems.filter((t) => t.stems.has(stem)).map((t) => t.id);
  const enFields = stories.map((s) => ({
    id: s.id,
    title: new Set(tokens(s.title.en ?? "").map(stemWord)),
    keywords: (s.keywords.en ?? []).map((k) => ({ folded: k.toLowerCase(), stems: new Set(tokens(k).map(stemWord)) })),
  }));
  /** Stories whose zh title or a zh keyword contains `word`. */
  const zhRelevant = (word: string) =>
    stories.filter((s) => s.title.zh?.includes(word) || s.keywords.zh?.some((k) => k.includes(word))).map((s) => s.id);
  /** Stories whose en title, or one en keyword, holds every word of `query` by stem (or the keyword contains it). */
  const enRelevant = (query: string) => {
    const folded = query.toLowerCase();
    const stems = tokens(query).map(stemWord);
    const all = (set: ReadonlySet<string>) => stems.length > 0 && stems.every((x) => set.has(x));
    return enFields.filter((f) => all(f.title) || f.keywords.some((k) => k.folded.includes(folded) || all(k.stems))).map((f) => f.id);
  };
  const zhWord = (rng: Rng, s: ManifestStory) => {
    const words = (s.zhTitleWords ?? []).filter((w) => w.length >= 2 && w.length <= 4 && HAN_RE.test(w));
    return words.length > 0 ? pick(rng, words) : undefined;
  };
  const enWord = (rng: Rng, s: ManifestStory) => {
    const words = tokens(s.title.en ?? "").filter((t) => t.length >= 4 && !STOPWORDS.has(t) && !/^\d/.test(t));
    return words.length > 0 ? pick(rng, words) : undefined;
  };
  const keyword = (lang: "zh" | "en"): Drawer => (rng, s) => {
    const list = s.keywords[lang];
    if (!list || list.length === 0) return undefined;
    const query = pick(rng, list);
    const folded = query.toLowerCase();
    const expectedField = stories.filter((o) => o.keywords[lang]?.some((k) => k.toLowerCase().includes(folded))).map((o) => o.id);
    return { query, expected: lang === "zh" ? zhRelevant(query) : enRelevant(query), expectedField };
  };
  return {
    "zh-title-word": { capped: true, drawer: (rng, s) => { const w = zhWord(rng, s); return w ? { query: w, expected: zhRelevant(w), expectedField: inZhTitles(w) } : undefined; } },
    "zh-title-bigram": { capped: true, drawer: (rng, s) => {
      const title = s.title.zh;
      if (!title || title.length < 2) return undefined;
      const at = Math.floor(rng() * (title.length - 1));
      const query = title.slice(at, at + 2);
      if (!HAN_RE.test(query)) return undefined;
      let offset = 0;
      const boundaries = new Set((s.zhTitleWords ?? []).map((w) => (offset += w.length)));
      return { query, expected: zhRelevant(query), expectedField: inZhTitles(query), crossesWordBoundary: boundaries.has(at + 1) };
    } },
    "zh-keyword": { capped: false, drawer: keyword("zh") },
    "en-title-word": { capped: true, drawer: (rng, s) => {
      const w = enWord(rng, s);
      if (!w) return undefined;
      return { query: w, expected: enRelevant(w), expectedField: enTitles.filter((t) => t.tokens.includes(w)).map((t) => t.id) };
    } },
    "en-inflected": { capped: true, drawer: (rng, s) => {
      const w = enWord(rng, s);
      const others = w ? [...(forms.get(stemWord(w)) ?? [])].filter((f) => f !== w && f.length >= 4).sort() : [];
      if (!w || others.length === 0) return undefined;
      const query = pick(rng, others);
      return { query, expected: enRelevant(query), expectedField: withStem(stemWord(query)), variantOf: w };
    } },
    "en-keyword": { capped: false, drawer: keyword("en") },
    "zh-traditional": { capped: true, drawer: (rng, s) => {
      const w = zhWord(rng, s);
      const query = w ? toTraditional(w) : undefined;
      return w && query !== w ? { query: query as string, expected: zhRelevant(w), expectedField: inZhTitles(w), variantOf: w } : undefined;
    } },
  };
}

/**
 * Derives `perClass` distinct queries per class from a manifest. Every `expected` and `expectedField` list is computed
 * by matching the generated titles and keywords, never assumed from how they were made. Title classes are capped by how
 * many titles match, so that a query picks out a few stories rather than a topic.
 */
export function deriveQueries(manifest: CorpusManifest, options: QueryOptions): QuerySet {
  const { stories } = manifest;
  const maxExpected = options.maxExpected ?? Math.max(5, Math.round(stories.length * 0.01));
  const all = drawers(stories);
  const result = {} as QuerySet;
  CLASSES.forEach((name, classIndex) => {
    const rng = mulberry32(mix32(options.seed, classIndex));
    const { drawer, capped } = all[name];
    const queries: Query[] = [];
    const seen = new Set<string>();
    for (let attempt = 0; attempt < options.perClass * 30 && queries.length < options.perClass && stories.length > 0; attempt++) {
      const story = pick(rng, stories);
      const drawn = drawer(rng, story);
      if (!drawn || seen.has(drawn.query) || drawn.expectedField.length === 0) continue;
      // A stem family is broader than a word, so inflected queries get five times the room.
      if (capped && drawn.expectedField.length > (name === "en-inflected" ? maxExpected * 5 : maxExpected)) continue;
      if (name === "zh-title-bigram" && drawn.crossesWordBoundary !== (queries.length % 2 === 0)) continue;
      seen.add(drawn.query);
      queries.push({ ...drawn, from: story.id });
    }
    result[name] = queries;
  });
  return result;
}
