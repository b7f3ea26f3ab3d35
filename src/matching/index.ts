export {
  identify,
  scoreName,
  MATCH_DEFAULTS,
  type MatchOptions,
  type Identification,
  type IdentifyInput,
} from "./identify.ts";
export { Candidate, MatchFinding } from "./identification-schema.ts";
export { buildMatchIndex, type MatchIndex } from "./match-index.ts";
export { loadMatchIndex } from "./match-session.ts";
export { ensureMatchIndex } from "./match-session.ts";
export { resolveSmelterRows, identifyReportedSmelter } from "./resolve-smelter-rows.ts";
