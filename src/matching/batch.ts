import { identify, type Identification } from "./identify.ts";
import type { MatchIndex } from "./match-index.ts";

/** One row of `assay match --batch`: the reported name, metal, country and smelter ID (any may be empty). */
export interface BatchRow {
  name: string;
  metal: string | null;
  country: string | null;
  cid: string | null;
}

/** The JSON contract of one `assay match --json` answer (fields and order are an interface: keep them). */
export function matchContract(query: string, r: Identification) {
  return {
    query,
    decision: r.decision,
    matches: r.matches.map(({ cid, name, metal, country, score, method, status, listedIn, changes }) => ({
      cid,
      name,
      metal,
      country,
      score,
      method,
      status,
      listedIn,
      changes,
    })),
    findings: r.findings,
  };
}

/** One batch row identified, as its JSON line. */
export function batchLine(index: MatchIndex, row: BatchRow): string {
  const result = identify(index, { name: row.name, metal: row.metal, country: row.country, id: row.cid });
  return JSON.stringify(matchContract(row.name, result));
}
