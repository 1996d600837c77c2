// One story in both languages: picks its entities, then writes headline, body, keywords and summary.
import { buildBody } from "./body.ts";
import type { Body } from "./body.ts";
import { pickKeywords } from "./keywords.ts";
import { CITIES, COMPANIES, DISTRICTS, EXPERT_ROLES, GIVEN_NAMES, INSTITUTES, OFFICIAL_ROLES, RESIDENT_ROLES, SURNAMES } from "./pools/entities.ts";
import type { Term } from "./pools/entities.ts";
import { ACTIONS } from "./pools/phrases.ts";
import type { Action } from "./pools/phrases.ts";
import { TOPICS } from "./pools/topics.ts";
import type { Subject, SubjectKind, Topic } from "./pools/topic-type.ts";
import { intBetween, pick, pickZipf, zipfCumulative } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { capitalise, joinZh } from "./slots.ts";
import { buildHeadline } from "./title.ts";
import type { Headline } from "./title.ts";

/** A written story, both languages. */
export interface StoryText {
  /** Topic id. */
  topic: string;
  /** Headline in both languages. */
  title: Headline;
  /** Body in both languages. */
  body: Body;
  /** Keywords, aligned zh/en. */
  keywords: Term[];
  /** One-sentence summary in both languages. */
  summary: Term;
}

/** The calendar day a story is dated, in Asia/Shanghai. */
export interface StoryDay {
  /** Four-digit year. */
  year: number;
  /** Month, 1–12. */
  month: number;
  /** Day of the month. */
  day: number;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const CITY_WEIGHTS = zipfCumulative(CITIES.length, 0.8);
const TOPIC_WEIGHTS = zipfCumulative(TOPICS.length, 0.5);
const ACTIONS_BY_KIND: Record<SubjectKind, Action[]> = {
  f: ACTIONS.filter((a) => a.kinds.includes("f")),
  p: ACTIONS.filter((a) => a.kinds.includes("p")),
  e: ACTIONS.filter((a) => a.kinds.includes("e")),
};

/** A person's name in both languages. */
function personName(rng: Rng): Term {
  const surname = pick(rng, SURNAMES);
  const given = pick(rng, GIVEN_NAMES);
  return { zh: surname.zh + given.zh, en: `${surname.en} ${given.en}` };
}

/** `count` people with different names. */
function distinctNames(rng: Rng, count: number): Term[] {
  const names: Term[] = [];
  while (names.length < count) {
    const name = personName(rng);
    if (!names.some((n) => n.zh === name.zh)) names.push(name);
  }
  return names;
}

/** A city other than those in `taken`. */
function otherCity(rng: Rng, taken: readonly Term[]): Term {
  for (;;) {
    const city = pickZipf(rng, CITIES, CITY_WEIGHTS);
    if (!taken.includes(city)) return city;
  }
}

/** The story-wide slots the sentence templates read. */
function storySlots(rng: Rng, topic: Topic, city: Term, day: StoryDay, picks: { subject: Subject; action: Action; goal: Term }): Map<string, Term> {
  const { subject, action, goal } = picks;
  const city2 = otherCity(rng, [city]);
  const city3 = otherCity(rng, [city, city2]);
  const bureau = pick(rng, topic.bureaus);
  const org = { zh: `${city.zh}${bureau.zh}`, en: `the ${city.en} ${bureau.en}` };
  const [official, expert, resident] = distinctNames(rng, 3) as [Term, Term, Term];
  const officialRole = pick(rng, OFFICIAL_ROLES);
  const expertRole = pick(rng, EXPERT_ROLES);
  const institute = pick(rng, INSTITUTES);
  const residentRole = pick(rng, RESIDENT_ROLES);
  const district = pick(rng, DISTRICTS);
  const plural = subject.plural;
  const en = (zh: string, english: string): Term => ({ zh, en: english });
  const both = (value: number): Term => ({ zh: String(value), en: String(value) });
  const slots: [string, Term][] = [
    ["P", city], ["P2", city2], ["P3", city3], ["S", subject], ["G", goal], ["topic", topic.name],
    ["A", en(action.zh, action.base)], ["A.done", en(action.zhDone, action.past)], ["A.base", en("", action.base)],
    ["A.past", en("", action.past)], ["A.ing", en("", action.ing)], ["A.Ing", en("", capitalise(action.ing))],
    ["org", org], ["Org", { zh: org.zh, en: capitalise(org.en) }], ["nat", pick(rng, topic.national)],
    ["company", pick(rng, COMPANIES)], ["inst", institute],
    ["official", en(org.zh + officialRole.zh + official.zh, `${officialRole.en} ${official.en} of ${org.en}`)],
    ["Official", en(org.zh + officialRole.zh + official.zh, capitalise(`${officialRole.en} ${official.en} of ${org.en}`))],
    ["expert", en(institute.zh + expertRole.zh + expert.zh, `${expertRole.en} ${expert.en} of ${institute.en}`)],
    ["Expert", en(institute.zh + expertRole.zh + expert.zh, capitalise(`${expertRole.en} ${expert.en} of ${institute.en}`))],
    ["resident", en(residentRole.zh + resident.zh, `${residentRole.en} ${resident.en}`)],
    ["Resident", en(residentRole.zh + resident.zh, capitalise(`${residentRole.en} ${resident.en}`))],
    ["district", en(city.zh + district.zh, district.en)],
    ["be", en("", plural ? "are" : "is")], ["is", en("", plural ? "are" : "is")], ["has", en("", plural ? "have" : "has")],
    ["covers", en("", plural ? "cover" : "covers")], ["runs", en("", plural ? "run" : "runs")], ["delivers", en("", plural ? "deliver" : "delivers")],
    ["M", en(String(day.month), "")], ["D", en(String(day.day), String(day.day))], ["Month", en("", MONTHS[day.month - 1] ?? "")],
    ["mo", en(String(Math.max(2, day.month - 1)), String(Math.max(2, day.month - 1)))],
    ["year", en(String(day.year), String(day.year))], ["last", en(String(day.year - 1), String(day.year - 1))],
    ["prev", both(day.year - intBetween(rng, 2, 5))], ["Y", both(day.year + intBetween(rng, 1, 4))],
  ];
  return new Map(slots);
}

/** Writes one story from its own random stream; `day` is its date, for the lead and the figures. */
export function writeStory(rng: Rng, day: StoryDay): StoryText {
  const topic = pickZipf(rng, TOPICS, TOPIC_WEIGHTS);
  const city = pickZipf(rng, CITIES, CITY_WEIGHTS);
  const subject = pick(rng, topic.subjects);
  const action = pick(rng, ACTIONS_BY_KIND[subject.kind]);
  const goal = pick(rng, topic.goals);
  const title = buildHeadline(rng, city, action, subject, [goal, ...topic.goals.filter((g) => g !== goal)]);
  const fixed = storySlots(rng, topic, city, day, { subject, action, goal });
  const body = buildBody(rng, topic.facts, fixed);
  const keywords = pickKeywords(rng, topic, city);
  const summary = {
    zh: `${city.zh}将${action.zh}${joinZh(subject.zh)}，${joinZh(goal.zh)}。`,
    en: `${city.en} will ${action.base} the ${subject.en} ${goal.en}.`,
  };
  return { topic: topic.id, title, body, keywords, summary };
}
