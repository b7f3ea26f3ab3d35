export { euBatteriesDueDiligence } from "./eu-batteries-due-diligence.ts";
export { euConflictMineralsReport } from "./eu-conflict-minerals-report.ts";
export type { ReportInput } from "./report-input.ts";
export { secConflictMineralsReport } from "./sec-conflict-minerals-report.ts";
