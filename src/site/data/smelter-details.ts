import type { Database } from "../../db/database.ts";
import {
  currentAndPrevious,
  openWarehouse,
  parseReasons,
  periodRuns,
  SHARDS,
  shardOf,
  smelterReporters,
  str,
} from "./_warehouse.ts";
import { iso2ToName } from "../../text/countries.ts";
import { parseHits } from "./_hits.ts";
import { reportedScreening } from "./reported-screening.ts";
import { smelterList } from "./smelters-data.ts";
import { groupBy } from "../../group-by.ts";

/**
 * Smelter pages: one record per smelter, split into SHARDS files by key so the single detail page
 * (smelter?id=…) fetches one small file however many smelters the programme has.
 */
export async function smelterShards(db: Database): Promise<Record<string, Record<string, unknown>>[]> {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  const shards: Record<string, Record<string, unknown>>[] = Array.from({ length: SHARDS }, () => ({}));
  if (!current) return shards;
  const list = await smelterList(db);
  const full = await w.rows<{ key: string; reasons: string }>(
    "SELECT smelter_key AS key, CAST(reasons AS VARCHAR) AS reasons FROM smelter_scores WHERE run_id = ?",
    [current.runId],
  );
  const reasons = new Map(full.map((r) => [r.key, parseReasons(r.reasons)]));
  const reporters = await smelterReporters(w, current.runId);
  const screening = new Map(
    (
      await w.rows<Record<string, unknown>>("SELECT cid, metal, decision, score, evidence, hits FROM smelter_screening")
    ).map((r) => [
      `${String(r.cid)}|${String(r.metal)}`,
      { decision: String(r.decision), score: Number(r.score), evidence: str(r.evidence), hits: parseHits(r.hits) },
    ]),
  );
  const typed = groupBy(await reportedScreening(w, current.runId), (r) => r.key);
  const risk = new Map<string, Record<string, unknown>[]>();
  for (const r of await w.rows<Record<string, unknown>>(
    `SELECT cid, metal, basis, country_iso2 AS iso2, country_name AS country, covered, cahra, child_labour AS "childLabour",
       forced_labour AS "forcedLabour", governance_percentile AS governance, factors FROM smelter_country_risk ORDER BY basis, country_iso2`,
  )) {
    const k = `${String(r.cid)}|${String(r.metal)}`;
    risk.set(k, [...(risk.get(k) ?? []), { ...r, cid: undefined, metal: undefined }]);
  }
  const runs = await periodRuns(w);
  const history = new Map<string, { period: string; asOf: string; score: number; band: string }[]>();
  for (const r of await w.rows<{ key: string; runId: number; score: number; band: string }>(
    `SELECT smelter_key AS key, run_id AS "runId", score, band FROM smelter_scores WHERE run_id IN (SELECT run_id FROM latest_scoring_runs)`,
  )) {
    const run = runs.find((x) => x.runId === r.runId);
    if (run)
      history.set(r.key, [
        ...(history.get(r.key) ?? []),
        { period: run.period, asOf: run.asOf, score: r.score, band: r.band },
      ]);
  }
  for (const s of list) {
    const k = `${s.cid ?? ""}|${s.metal}`;
    shards[shardOf(s.key, SHARDS)]![s.key] = {
      ...s,
      reasons: reasons.get(s.key) ?? [],
      screening: screening.get(k) ?? null,
      // Hits and possible matches on the spellings suppliers typed for this smelter (clear results are not listed).
      reportedScreening: (typed.get(s.key) ?? []).map(({ key: _, metal: __, ...r }) => ({
        ...r,
        country: r.iso2 ? (iso2ToName(r.iso2) ?? r.iso2) : null,
      })),
      countryRisk: risk.get(k) ?? [],
      reporters: reporters.get(s.key) ?? [],
      history: (history.get(s.key) ?? []).sort((a, b) => a.asOf.localeCompare(b.asOf)),
    };
  }
  return shards;
}
