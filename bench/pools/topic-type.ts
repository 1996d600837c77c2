// The shape of a news topic's pools, and the parser for subject tables.
import { parseTerms } from "./entities.ts";
import type { Term } from "./entities.ts";

/** What a subject is, which decides the actions that fit it: a facility, a programme or policy, an event. */
export type SubjectKind = "f" | "p" | "e";

/** A story's subject: the thing that is opened, launched or held. */
export interface Subject extends Term {
  /** Which actions fit. */
  kind: SubjectKind;
  /** The English noun phrase is plural ("5G base stations"), for verb agreement. */
  plural: boolean;
}

/** One news topic with its aligned pools. */
export interface Topic {
  /** Short ASCII name, recorded in the manifest. */
  id: string;
  /** Name of the field: 交通 / transport. */
  name: Term;
  /** Local bureaus, written after the city name: 市交通运输局 / Municipal Transport Bureau. */
  bureaus: Term[];
  /** National bodies. */
  national: Term[];
  /** Subjects of stories. */
  subjects: Subject[];
  /** Purpose phrases ending titles and lead sentences: 缓解 交通 拥堵 / to ease traffic congestion. */
  goals: Term[];
  /** Keywords of the topic. */
  keywords: Term[];
  /** Topic-specific sentences with `{slot}` placeholders (see templates.ts). */
  facts: Term[];
}

/** Parses `zh|en|kind` lines, kind `f`, `p` or `e`, with `+` when the English is plural. */
export function parseSubjects(table: string): Subject[] {
  return table
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [zh = "", en = "", kind = ""] = line.split("|").map((part) => part.trim());
      const bare = kind.replace("+", "");
      if (zh === "" || en === "" || (bare !== "f" && bare !== "p" && bare !== "e")) throw new Error(`bad subject "${line}"`);
      return { zh, en, kind: bare, plural: kind.endsWith("+") };
    });
}

export { parseTerms };
