import type { Database } from "../db/database.ts";
import { buildReportInput } from "./build-report-input.ts";
import { loadRollupInput } from "./load-rollup-input.ts";
import {
  euBatteriesDueDiligence,
  euConflictMineralsReport,
  secConflictMineralsReport,
  type ReportInput,
} from "./reports/index.ts";
import type { DeclarationConfig, RollupCompany } from "./rollup-input.ts";
import { loadVintages } from "./vintages.ts";

export interface ReportDraft {
  /** Stable id, also the site page name. */
  id: "conflict-minerals-report" | "eu-2017-821-article-7-report" | "eu-batteries-due-diligence";
  title: string;
  file: string;
  markdown: string;
}

/** The regulatory report drafts (Markdown, supplier text escaped) from the warehouse, for `assay export reports` and the site. */
export async function reportDrafts(
  db: Database,
  options: { company: RollupCompany; declaration: DeclarationConfig; asOf: string; period: string },
): Promise<{ input: ReportInput; drafts: ReportDraft[] }> {
  const input = buildReportInput(await loadRollupInput(db, { asOf: options.asOf }), {
    ...options,
    vintages: await loadVintages(db, options.period),
  });
  const drafts: ReportDraft[] = [
    {
      id: "conflict-minerals-report",
      title: "Form SD / Conflict Minerals Report (draft)",
      file: "conflict-minerals-report.md",
      markdown: secConflictMineralsReport(input),
    },
    {
      id: "eu-2017-821-article-7-report",
      title: "EU 2017/821 Article 7 report (draft)",
      file: "eu-2017-821-article-7-report.md",
      markdown: euConflictMineralsReport(input),
    },
    {
      id: "eu-batteries-due-diligence",
      title: "EU Batteries Regulation due diligence (draft)",
      file: "eu-batteries-due-diligence.md",
      markdown: euBatteriesDueDiligence(input),
    },
  ];
  return { input, drafts };
}
