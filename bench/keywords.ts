// Keywords: a pool of about 350 aligned zh/en pairs with Zipf-like popularity, 3–5 per story.
import { CITIES } from "./pools/entities.ts";
import type { Term } from "./pools/entities.ts";
import { GENERAL_KEYWORDS } from "./pools/phrases.ts";
import { TOPICS } from "./pools/topics.ts";
import type { Topic } from "./pools/topic-type.ts";
import { intBetween, mulberry32, sample } from "./prng.ts";
import type { Rng } from "./prng.ts";

/** A keyword with its popularity weight. */
interface WeightedKeyword {
  /** The keyword in both languages. */
  term: Term;
  /** 1 / rank^exponent: rank 1 is the most popular keyword of the whole pool. */
  weight: number;
}

/** Exponent and rank offset of the popularity curve 1/(rank+offset)^exponent (Zipf–Mandelbrot): a long tail, a head that is large but not universal. */
const ZIPF_EXPONENT = 1.1;
const ZIPF_OFFSET = 8;
/** General keywords compete with every topic's, so they are damped to stay below the biggest topic keywords. */
const GENERAL_DAMPING = 0.05;
/** Fixed seed for the popularity ranking, so a keyword is equally popular in every corpus. */
const RANKING_SEED = 0x6b657977;

/** Every keyword pair: each topic's, the general ones and the city names. */
export const KEYWORD_POOL: readonly Term[] = checkDistinct([...TOPICS.flatMap((t) => t.keywords), ...GENERAL_KEYWORDS, ...CITIES]);

const RANK = new Map(sample(mulberry32(RANKING_SEED), KEYWORD_POOL, KEYWORD_POOL.length).map((term, i) => [term, i + 1]));
const weighted = (term: Term, factor = 1): WeightedKeyword => ({ term, weight: factor / ((RANK.get(term) ?? KEYWORD_POOL.length) + ZIPF_OFFSET) ** ZIPF_EXPONENT });
const GENERAL = GENERAL_KEYWORDS.map((term) => weighted(term, GENERAL_DAMPING));
const CANDIDATES = new Map(TOPICS.map((t) => [t.id, [...t.keywords.map((term) => weighted(term)), ...GENERAL]]));
const CITY_KEYWORDS = new Map(CITIES.map((city) => [city, weighted(city, 4)]));

/** Throws when two keywords share a zh or en form (ignoring case), which would blur keyword pages. */
function checkDistinct(terms: Term[]): Term[] {
  const seen = new Set<string>();
  for (const term of terms) {
    for (const key of [`zh:${term.zh}`, `en:${term.en.toLowerCase()}`]) {
      if (seen.has(key)) throw new Error(`keyword ${key} appears twice in the pool`);
      seen.add(key);
    }
  }
  return terms;
}

/** Draws 3–5 distinct keywords for a story, from its topic's, the general and its city's, by popularity. */
export function pickKeywords(rng: Rng, topic: Topic, city: Term): Term[] {
  const pool = [...(CANDIDATES.get(topic.id) ?? []), CITY_KEYWORDS.get(city) as WeightedKeyword];
  const count = intBetween(rng, 3, 5);
  const chosen: Term[] = [];
  while (chosen.length < count && pool.length > 0) {
    const total = pool.reduce((sum, k) => sum + k.weight, 0);
    let target = rng() * total;
    let index = 0;
    while (index < pool.length - 1 && target >= (pool[index]?.weight ?? 0)) target -= pool[index++]?.weight ?? 0;
    chosen.push((pool.splice(index, 1)[0] as WeightedKeyword).term);
  }
  return chosen;
}
