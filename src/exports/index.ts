export { buildReportInput } from "./build-report-input.ts";
export { fillTemplate, type FillResult } from "./fill-template.ts";
export { loadRollupInput } from "./load-rollup-input.ts";
export { escapeMarkdown, markdownTable } from "./markdown.ts";
export { neutralizeCell, neutralizeFormula } from "../text/neutralize.ts";
export { csvField, toCsv } from "../text/csv.ts";
export {
  euBatteriesDueDiligence,
  euConflictMineralsReport,
  secConflictMineralsReport,
  type ReportInput,
} from "./reports/index.ts";
export { DeclarationConfig, RollupInput } from "./rollup-input.ts";
export { rollupDeclaration, type Rollup } from "./rollup.ts";
export { smelterAnnexCsv } from "./smelter-annex-csv.ts";
export { loadVintages, vintagesLine, vintagesMarkdown, type Vintages } from "./vintages.ts";
