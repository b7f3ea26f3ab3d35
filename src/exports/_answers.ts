import type { RollupFamily } from "./rollup-input.ts";

/** What a Q1–Q8 question asks, independent of its number in a given template and version. */
export type Topic = "used" | "remains" | "covered" | "cahra" | "recycled" | "response" | "identified" | "reported" | "mines";

// Question order per template generation (DOMAIN.md §3.3, §3.4 earlier CMRTs, §4.1–4.5).
const CMRT6: Topic[] = ["used", "remains", "covered", "cahra", "recycled", "response", "identified", "reported"];
const CMRT5: Topic[] = ["used", "remains", "covered", "recycled", "response", "identified", "reported"];
const EMRT: Topic[] = ["used", "remains", "cahra", "identified", "response", "reported", "mines"];
const CRT: Topic[] = ["used", "cahra", "recycled", "response", "identified", "reported"];
const AMRT: Topic[] = ["used", "response"];

function topicsOf(template: string, version: string): Topic[] {
  const t = template.toUpperCase();
  if (t === "EMRT") return EMRT;
  if (t === "CRT") return CRT;
  if (t === "AMRT") return AMRT;
  const major = Number.parseFloat(version);
  return Number.isFinite(major) && major < 6 ? CMRT5 : CMRT6;
}

/** The topic of a supplier's question ("Q3", "3", "3)") in its own template and version. */
export function topicOf(template: string, version: string, question: string): Topic | null {
  const m = /(\d+)/.exec(question);
  if (!m) return null;
  return topicsOf(template, version)[Number(m[1]) - 1] ?? null;
}

/** The question label ("Q1"…) of a topic in the company's own CMRT 6.x / EMRT 2.x. */
export function questionOf(family: RollupFamily, topic: Topic): string | null {
  const i = (family === "CMRT" ? CMRT6 : EMRT).indexOf(topic);
  return i < 0 ? null : `Q${i + 1}`;
}

export function topicsFor(family: RollupFamily): readonly Topic[] {
  return family === "CMRT" ? CMRT6 : EMRT;
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
