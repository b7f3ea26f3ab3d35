import {
  questionMeaning,
  questionNumberOf,
  questionTable,
  type QuestionMeaning,
  type QuestionTable,
} from "../rmi/questions.ts";
import type { RollupAnswer, RollupDeclaration, RollupFamily } from "./rollup-input.ts";

/** The question table of the company's own roll-up: the current CMRT 6.x or EMRT 2.x. */
export function ownTable(family: RollupFamily): QuestionTable {
  return questionTable(family, family === "CMRT" ? "6.5" : "2.1");
}

/** The meanings the company's own template asks, in question order. */
export function meaningsFor(family: RollupFamily): readonly QuestionMeaning[] {
  return Object.values(ownTable(family).questions);
}

/** The question label ("Q6") of a meaning in the company's own CMRT 6.x / EMRT 2.x; null when it does not ask it. */
export function questionOf(family: RollupFamily, meaning: QuestionMeaning): string | null {
  const n = questionNumberOf(ownTable(family), meaning);
  return n === null ? null : `Q${n}`;
}

/** What a supplier's answer means: the meaning the reader stored, else the table's for its template and version. */
export function meaningOf(
  d: Pick<RollupDeclaration, "template" | "version">,
  a: Pick<RollupAnswer, "question" | "meaning">,
): string | null {
  return a.meaning ?? questionMeaning(d.template, d.version, a.question);
}

export type Verdict = "yes" | "no" | "unknown" | "blank" | "not-declaring";

/** Reads a stored answer: "Yes, …" and "DRC only" count as yes; empty as blank. */
export function verdictOf(answer: string | null | undefined): Verdict {
  const a = (answer ?? "").trim().toLowerCase();
  if (a === "") return "blank";
  if (a.startsWith("yes") || a.includes("only")) return "yes";
  if (a.startsWith("no") && !a.startsWith("not ")) return "no";
  if (a.startsWith("not declaring") || a.startsWith("not applicable")) return "not-declaring";
  return "unknown";
}

const BUCKETS: Array<[number, string]> = [
  [0.9, "Greater than 90%"],
  [0.75, "Greater than 75%"],
  [0.5, "Greater than 50%"],
];

/** The survey-response answer for a ratio of responders to relevant suppliers. */
export function responseBucket(responded: number, relevant: number, family: RollupFamily): string {
  if (relevant === 0) return family === "EMRT" ? "Did not survey" : "None";
  if (responded >= relevant) return "100%";
  if (responded === 0) return "None";
  const ratio = responded / relevant;
  for (const [floor, label] of BUCKETS) if (ratio > floor) return label;
  return "50% or less";
}
