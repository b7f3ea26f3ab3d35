import { periodEnd } from "../periods/as-of.ts";
import { assessAnnexI } from "./annex-i.ts";
import type { ReportInput } from "./reports/report-input.ts";
import type { DeclarationConfig, RollupCompany, RollupInput } from "./rollup-input.ts";
import { rollupDeclaration } from "./rollup.ts";
import type { Vintages } from "./vintages.ts";

/** Rolls up both families for the report drafts (an EMRT roll-up only when some supplier answered an EMRT/CRT). */
export function buildReportInput(
  input: RollupInput,
  options: { company: RollupCompany; declaration: DeclarationConfig; asOf: string; period: string; vintages: Vintages },
): ReportInput {
  // Audits are judged at the end of the reporting period ("2025" → 2025-12-31), else at the as-of date.
  const base = {
    company: options.company,
    declaration: options.declaration,
    asOf: options.asOf,
    periodEnd: periodEnd(options.period) ?? options.asOf,
  };
  const euImporter = options.declaration.euImporter ?? { unionImporter: false, aboveAnnexIThresholds: false };
  const hasEmrt = input.suppliers.some((s) =>
    s.declarations.some((d) => ["EMRT", "CRT"].includes(d.template.toUpperCase())),
  );
  return {
    company: options.company,
    period: options.period,
    asOf: options.asOf,
    cmrt: rollupDeclaration(input, { ...base, family: "CMRT" }),
    emrt: hasEmrt ? rollupDeclaration(input, { ...base, family: "EMRT" }) : null,
    vintages: options.vintages,
    euImporter,
    annexI: euImporter.imports?.length ? assessAnnexI(euImporter.imports) : null,
  };
}
