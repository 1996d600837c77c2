// Headlines: built from the story's city, action, subject and goal, within length limits in both languages.
import type { Term } from "./pools/entities.ts";
import type { Action } from "./pools/phrases.ts";
import type { Subject } from "./pools/topic-type.ts";
import type { Rng } from "./prng.ts";

/** A headline in both languages, with the Chinese words it was built from. */
export interface Headline {
  /** Chinese headline. */
  zh: string;
  /** English headline in title case. */
  en: string;
  /** The Chinese words, in order, joined they give `zh`. */
  zhWords: string[];
}

/** Chinese headline length range, in characters. */
export const ZH_TITLE_CHARS = [12, 30] as const;
/** English headline length range, in words. */
export const EN_TITLE_WORDS = [6, 14] as const;

const SMALL_WORDS = new Set(["a", "an", "the", "and", "or", "for", "to", "in", "of", "on", "at", "by", "with", "as", "from"]);

/** Title case: every word capitalised (after hyphens too) except short function words inside the title. */
export function titleCase(text: string): string {
  return text
    .split(" ")
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())))
    .join(" ");
}

/** Words of a pool phrase (spaces mark them). */
function words(zh: string): string[] {
  return zh.split(" ").filter((w) => w !== "");
}

/** One headline shape: Chinese words and English text, without and with the goal. */
function shape(pattern: number, city: Term, action: Action, subject: Subject): { zh: string[]; en: string } {
  const s = words(subject.zh);
  switch (pattern) {
    case 1: return { zh: [city.zh, "将", action.zh, ...s], en: `${city.en} to ${action.base} ${subject.en}` };
    case 2: return { zh: [city.zh, ...s, ...words(action.zhDone)], en: `${subject.en} ${action.past} in ${city.en}` };
    case 3: {
      const en = action.noun ? `${city.en} begins ${action.noun} of ${subject.en}` : `${city.en} begins ${action.ing} ${subject.en}`;
      return { zh: [city.zh, "启动", ...s, action.zh], en };
    }
    default: return { zh: [city.zh, action.zh, ...s], en: `${city.en} ${action.s3} ${subject.en}` };
  }
}

/** True when both versions are within the length limits. */
function fits(zhWords: readonly string[], en: string): boolean {
  const chars = zhWords.join("").length;
  const count = en.split(" ").length;
  return chars >= ZH_TITLE_CHARS[0] && chars <= ZH_TITLE_CHARS[1] && count >= EN_TITLE_WORDS[0] && count <= EN_TITLE_WORDS[1];
}

/**
 * Builds a headline: active ("成都启动… / Chengdu Launches …"), future ("将 / to"), passive ("…正式启动 / … Launched in
 * Chengdu") or "begins" ("启动…改造 / Begins Renovation of …"), with a goal appended when it fits. `goals` are tried
 * in order (the first is the story's own), so a headline too short without a goal gets one short enough.
 */
export function buildHeadline(rng: Rng, city: Term, action: Action, subject: Subject, goals: readonly Term[]): Headline {
  const roll = rng();
  const pattern = roll < 0.45 ? 0 : roll < 0.65 ? 1 : roll < 0.85 ? 2 : 3;
  const wantGoal = rng() < 0.7;
  const candidates: { zh: string[]; en: string }[] = [];
  for (const p of [pattern, 0]) {
    const base = shape(p, city, action, subject);
    const withGoals = goals.map((goal) => ({ zh: [...base.zh, ...words(goal.zh)], en: `${base.en} ${goal.en}` }));
    candidates.push(...(wantGoal ? [...withGoals, base] : [base, ...withGoals]));
  }
  const chosen = candidates.find((c) => fits(c.zh, c.en)) ?? (candidates[0] as { zh: string[]; en: string });
  return { zh: chosen.zh.join(""), en: titleCase(chosen.en), zhWords: chosen.zh };
}
