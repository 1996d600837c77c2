// Story bodies: paragraphs of filled templates in both languages, within the length ranges.
import type { Term } from "./pools/entities.ts";
import { pick, sample } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { fillTemplate } from "./slots.ts";
import { TEMPLATES } from "./templates.ts";
import type { Role } from "./templates.ts";

/** Chinese body length range, in characters (newlines not counted). */
export const ZH_BODY_CHARS = [800, 1500] as const;
/** English body length range, in words. */
export const EN_BODY_WORDS = [400, 700] as const;

/** A body in both languages, one string per paragraph. */
export interface Body {
  /** Chinese paragraphs. */
  zh: string[];
  /** English paragraphs, aligned with `zh`. */
  en: string[];
  /** Characters of the Chinese paragraphs. */
  zhChars: number;
  /** Words of the English paragraphs. */
  enWords: number;
}

type BodyRole = Role | "fact";

/** Paragraph shapes for the middle of a story, used in a shuffled order. */
const MIDDLE: readonly (readonly BodyRole[])[] = [
  ["background", "background"], ["figure", "detail"], ["quote", "detail"], ["expert", "expert"], ["fact", "figure"],
  ["public", "public"], ["figure", "figure"], ["detail", "quote"], ["fact", "detail"], ["expert", "background"],
  ["quote", "public"], ["detail", "detail"], ["figure", "expert"], ["fact", "quote"],
];
/** Room kept for the closing paragraph. */
const RESERVE = { zh: 120, en: 60 };

/** Counts the words of an English sentence (templates separate words by single spaces). */
function countWords(text: string): number {
  let count = 1;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) count++;
  return count;
}

/**
 * Writes a body: a lead paragraph, middle paragraphs until a drawn target length, and an outlook paragraph.
 * `facts` are the topic's own sentence templates; `fixed` the story-wide slots.
 */
export function buildBody(rng: Rng, facts: readonly Term[], fixed: ReadonlyMap<string, Term>): Body {
  const queues = new Map<BodyRole, Term[]>();
  for (const role of Object.keys(TEMPLATES) as Role[]) queues.set(role, sample(rng, TEMPLATES[role], TEMPLATES[role].length));
  queues.set("fact", sample(rng, facts, facts.length));
  // English runs about 1.6 words per 2.5 characters of Chinese, so whichever target is met first ends the middle.
  const target = { zh: 860 + Math.floor(rng() * 600), en: 500 + Math.floor(rng() * 190) };
  const body: Body = { zh: [], en: [], zhChars: 0, enWords: 0 };

  const write = (roles: readonly BodyRole[], limit: { zh: number; en: number }) => {
    const zh: string[] = [];
    const en: string[] = [];
    for (const role of roles) {
      const template = queues.get(role)?.shift();
      if (!template) continue;
      const sentence = fillTemplate(template, fixed, rng);
      const words = countWords(sentence.en);
      if (body.zhChars + sentence.zh.length > limit.zh || body.enWords + words > limit.en) continue;
      zh.push(sentence.zh);
      en.push(sentence.en);
      body.zhChars += sentence.zh.length;
      body.enWords += words;
    }
    if (zh.length === 0) return;
    body.zh.push(zh.join(""));
    body.en.push(en.join(" "));
  };

  const max = { zh: ZH_BODY_CHARS[1] - RESERVE.zh, en: EN_BODY_WORDS[1] - RESERVE.en };
  write(["lead", "detail", pick(rng, ["detail", "figure"] as const)], max);
  const middle = sample(rng, MIDDLE, MIDDLE.length);
  for (const roles of middle) {
    if (body.zhChars >= target.zh - RESERVE.zh || body.enWords >= target.en - RESERVE.en) break;
    write(roles, max);
  }
  // Short of either minimum (sentences ran long in one language): keep adding what fits.
  for (const roles of middle) {
    if (body.zhChars >= ZH_BODY_CHARS[0] && body.enWords >= EN_BODY_WORDS[0]) break;
    write(roles, max);
  }
  write(["outlook", "outlook"], { zh: ZH_BODY_CHARS[1], en: EN_BODY_WORDS[1] });
  return body;
}
