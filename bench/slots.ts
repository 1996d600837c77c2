// Filling `{slot}` placeholders: story-wide values (city, subject, people) and fresh numbers per sentence.
import { BALANCES, BENEFITS, CHALLENGES, HOPES, MEASURES, PAINS, PRINCIPLES, TRENDS } from "./pools/phrases.ts";
import type { Term } from "./pools/entities.ts";
import { intBetween, pick, sample } from "./prng.ts";
import type { Rng } from "./prng.ts";

const SLOT_RE = /\{([A-Za-z0-9.]+)\}/;
const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** Removes the spaces that mark word boundaries in pool Chinese. */
export function joinZh(text: string): string {
  return text.includes(" ") ? text.replaceAll(" ", "") : text;
}

/** Upper-cases the first letter, after any opening quote. */
export function capitalise(text: string): string {
  const at = text.startsWith("“") || text.startsWith('"') ? 1 : 0;
  const letter = text.charAt(at);
  return letter >= "a" && letter <= "z" ? text.slice(0, at) + letter.toUpperCase() + text.slice(at + 1) : text;
}

/** A decimal with trailing zeros removed: 1.50 → "1.5", 2.00 → "2". */
function trimmed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, "");
}

/** An integer with thousands separators, without locale data (so output never depends on the machine). */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** `tenthsOfYi` tenths of 亿 (10 million each): "12.5亿" / "1.25 billion". */
function yi(tenthsOfYi: number): Term {
  const en = tenthsOfYi >= 100 ? `${trimmed(tenthsOfYi / 100, 2)} billion` : `${grouped(tenthsOfYi * 10)} million`;
  return { zh: `${trimmed(tenthsOfYi / 10, 1)}亿`, en };
}

/** `wan` 万 (ten thousands): "45万" / "450,000", "120万" / "1.2 million". */
function wan(count: number): Term {
  const en = count >= 100 ? `${trimmed(count / 100, 2)} million` : grouped(count * 10000);
  return { zh: `${count}万`, en };
}

/** The same text in both languages. */
function both(text: string | number): Term {
  return { zh: String(text), en: String(text) };
}

/** Resolves a slot that changes with every sentence; `get` reads slots already resolved in it. */
function freshSlot(name: string, rng: Rng, get: (name: string) => Term): Term | undefined {
  switch (name) {
    case "n": return both(intBetween(rng, 2, 9));
    case "n2": return both(intBetween(rng, 10, 95));
    case "n3": return both(intBetween(rng, 100, 900));
    case "n4": return both(Number(get("n").zh) + intBetween(rng, 2, 5));
    case "nth": return { zh: "", en: ORDINALS[Number(get("n").zh)] ?? "next" };
    case "count": { const value = intBetween(rng, 12, 98) * 100; return { zh: String(value), en: grouped(value) }; }
    case "k": return wan(intBetween(rng, 12, 980));
    case "yi": return yi(intBetween(rng, 5, 1500));
    case "money": { const amount = yi(intBetween(rng, 5, 1500)); return { zh: `${amount.zh}元`, en: `${amount.en} yuan` }; }
    case "pct": return both(`${trimmed(intBetween(rng, 15, 385) / 10, 1)}%`);
    case "share": return both(`${intBetween(rng, 35, 96)}%`);
    case "dec": return both(trimmed(intBetween(rng, 15, 42) / 10, 1));
    case "a": return both(intBetween(rng, 10, 45));
    case "b": return both(intBetween(rng, 1, Math.max(2, Math.floor(Number(get("a").zh) / 4))));
    case "benefit": return pick(rng, BENEFITS);
    case "challenge": return pick(rng, CHALLENGES);
    case "principle": return pick(rng, PRINCIPLES);
    case "trend": return pick(rng, TRENDS);
    case "hope": return pick(rng, HOPES);
    case "pain": return pick(rng, PAINS);
    case "x": return pick(rng, BALANCES)[0];
    case "y": return BALANCES.find(([a]) => a === get("x"))?.[1];
    default: return undefined;
  }
}

/** A template split into literal text (even indexes) and slot names (odd indexes). */
type Compiled = { zh: string[]; en: string[] };
const compiled = new WeakMap<Term, Compiled>();

/** Splits a template once; `String.split` with a capturing group alternates text and slot names. */
function compile(template: Term): Compiled {
  let parts = compiled.get(template);
  if (!parts) {
    parts = { zh: template.zh.split(SLOT_RE), en: template.en.split(SLOT_RE) };
    compiled.set(template, parts);
  }
  return parts;
}

/**
 * Fills one sentence template in both languages, sharing each slot's value between them.
 * `fixed` holds the story-wide slots; everything else is drawn fresh from `rng`.
 */
export function fillTemplate(template: Term, fixed: ReadonlyMap<string, Term>, rng: Rng): Term {
  const resolved = new Map<string, Term>();
  const get = (name: string): Term => {
    const known = fixed.get(name) ?? resolved.get(name);
    if (known) return known;
    if (name.startsWith("measure")) {
      // The three measures are drawn together so they differ.
      const [m1, m2, m3] = sample(rng, MEASURES, 3) as [Term, Term, Term];
      resolved.set("measure", m1).set("measure2", m2).set("measure3", m3);
      return resolved.get(name) as Term;
    }
    const value = freshSlot(name, rng, get);
    if (!value) throw new Error(`unknown slot {${name}} in "${template.zh}"`);
    resolved.set(name, value);
    return value;
  };
  const parts = compile(template);
  let zh = "";
  for (let i = 0; i < parts.zh.length; i++) zh += i % 2 === 0 ? parts.zh[i] : get(parts.zh[i] as string).zh;
  let en = "";
  for (let i = 0; i < parts.en.length; i++) en += i % 2 === 0 ? parts.en[i] : get(parts.en[i] as string).en;
  return { zh: joinZh(zh), en: capitalise(en) };
}
