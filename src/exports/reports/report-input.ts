import type { CompanyMeaning, QuestionMeaning } from "../../rmi/questions.ts";
import type { RollupCompany } from "../rollup-input.ts";
import type { Rollup } from "../rollup.ts";
import type { RolledSmelter } from "../rollup-smelters.ts";
import type { Vintages } from "../vintages.ts";

/** Everything a report draft is written from; pages and the CLI build it the same way. */
export interface ReportInput {
  company: RollupCompany;
  /** Reporting period, e.g. "2025". */
  period: string;
  asOf: string;
  cmrt: Rollup | null;
  emrt: Rollup | null;
  vintages: Vintages;
}

export interface StatusCounts {
  total: number;
  conformant: number;
  active: number;
  other: number;
}

export function statusCounts(smelters: readonly RolledSmelter[]): StatusCounts {
  const conformant = smelters.filter((s) => s.rmiStatus === "conformant").length;
  const active = smelters.filter((s) => s.rmiStatus === "active").length;
  return { total: smelters.length, conformant, active, other: smelters.length - conformant - active };
}

/** Relevant and responding suppliers over the minerals of a roll-up (the largest per-mineral counts). */
export function surveyCounts(rollup: Rollup | null): { relevant: number; responded: number } {
  if (!rollup) return { relevant: 0, responded: 0 };
  return {
    relevant: Math.max(0, ...rollup.minerals.map((m) => m.relevant)),
    responded: Math.max(0, ...rollup.minerals.map((m) => m.responded)),
  };
}

/** The roll-up's answer to the question that means `meaning` for a mineral. */
export function answerOf(rollup: Rollup | null, meaning: QuestionMeaning, mineral: string): string | null {
  return rollup?.answers.find((a) => a.meaning === meaning && a.mineral === mineral)?.answer ?? null;
}

/** The company's answer to the company question that means `meaning`. */
export function companyAnswerOf(rollup: Rollup | null, meaning: CompanyMeaning): string | null {
  return rollup?.companyAnswers.find((a) => a.meaning === meaning && a.mineral === null)?.answer ?? null;
}

const STATUS_LABEL: Record<string, string> = {
  conformant: "Conformant",
  active: "Active",
  "not-participating": "Not participating",
  removed: "Removed from RMI list",
  "not-operating": "Not operating",
  unknown: "Not matched to RMI list",
};

export function statusLabel(status: string): string {
  return STATUS_LABEL[status] ?? status;
}
