export { identify, scoreName, MatchOptions, Candidate, MatchFinding, type Identification, type IdentifyInput } from "./identify.ts";
export { buildMatchIndex, loadMatchIndex, type MatchIndex } from "./match-index.ts";
export { ensureMatchIndex } from "./match-session.ts";
export { resolveSmelterRows, identifyReportedSmelter } from "./resolve-smelter-rows.ts";
