import type { CompanyMeaning, QuestionMeaning } from "../../rmi/questions.ts";
import { auditCurrentAt } from "../facility-status.ts";
import type { RollupCompany } from "../rollup-input.ts";
import type { Rollup } from "../rollup.ts";
import type { RolledSmelter } from "../rollup-smelters.ts";
import type { Vintages } from "../vintages.ts";
import type { EuImporter } from "../rollup-input.ts";
import type { AnnexIAssessment } from "../annex-i.ts";

/** Everything a report draft is written from; pages and the CLI build it the same way. */
export interface ReportInput {
  company: RollupCompany;
  /** Reporting period, e.g. "2025". */
  period: string;
  asOf: string;
  cmrt: Rollup | null;
  emrt: Rollup | null;
  /** EU 2017/821: whether the company says it is a Union importer above the Annex I thresholds (declaration.euImporter). */
  euImporter: EuImporter;
  /** The configured imports against Annex I; null when the configuration gives no volumes. */
  annexI: AnnexIAssessment | null;
  vintages: Vintages;
}

export interface StatusCounts {
  total: number;
  /** Conformant with an audit current at the period end (facility-status.ts). */
  conformant: number;
  /** Listed as conformant but the audit had lapsed by the period end. */
  lapsed: number;
  active: number;
  other: number;
}

export function statusCounts(smelters: readonly RolledSmelter[], periodEnd: string): StatusCounts {
  const conformant = smelters.filter((s) => auditCurrentAt(s, periodEnd) === "yes").length;
  const lapsed = smelters.filter((s) => s.rmiStatus === "conformant").length - conformant;
  const active = smelters.filter((s) => s.rmiStatus === "active").length;
  return { total: smelters.length, conformant, lapsed, active, other: smelters.length - conformant - lapsed - active };
}

/** The roll-up's survey coverage (survey-coverage.ts): relevant suppliers and those with a usable declaration, each once. */
export function surveyCounts(rollup: Rollup | null): { relevant: number; responded: number } {
  return rollup
    ? { relevant: rollup.survey.relevant, responded: rollup.survey.responded }
    : { relevant: 0, responded: 0 };
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
