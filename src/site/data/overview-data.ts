import type { Database } from "../../db/database.ts";
import { currentAndPrevious, openWarehouse, parseReasons, reasonText, topReasons } from "./_warehouse.ts";
import { kpiList, kpisForRun, type Kpis } from "./kpis.ts";

/** Overview page: programme KPIs with their change against the previous period, bands, and the riskiest smelters. */
export async function overviewData(db: Database) {
  const w = await openWarehouse(db);
  const { current, previous } = await currentAndPrevious(w);
  if (!current)
    return {
      current: null,
      previous: null,
      figures: null,
      kpis: [],
      conformantByMetal: [],
      smelterBands: [],
      supplierBands: [],
      topSmelters: [],
    };
  const now = await kpisForRun(w, current);
  const before: Kpis | null = previous ? await kpisForRun(w, previous) : null;
  const prevByMetal = new Map((before?.conformantByMetal ?? []).map((m) => [m.metal, m.share]));
  const bands = (table: string) =>
    w.rows<{ band: string; n: number }>(
      `SELECT band, count(*) AS n FROM ${table} WHERE run_id = ? GROUP BY 1 ORDER BY 1`,
      [current.runId],
    );
  const top = await w.rows<{
    key: string;
    name: string;
    metal: string;
    iso2: string | null;
    band: string;
    score: number;
    suppliers: number;
    reasons: string;
  }>(
    `SELECT smelter_key AS key, name, metal, country_iso2 AS iso2, band, score, supplier_count AS suppliers, CAST(reasons AS VARCHAR) AS reasons
     FROM smelter_scores WHERE run_id = ? AND band IN ('Critical', 'High')
     ORDER BY CASE band WHEN 'Critical' THEN 0 ELSE 1 END, score DESC, supplier_count DESC, smelter_key LIMIT 8`,
    [current.runId],
  );
  return {
    current,
    previous,
    figures: now,
    kpis: kpiList(now, before),
    conformantByMetal: now.conformantByMetal.map((m) => ({ ...m, previousShare: prevByMetal.get(m.metal) ?? null })),
    smelterBands: await bands("smelter_scores"),
    supplierBands: await bands("supplier_scores"),
    topSmelters: top.map(({ reasons, ...s }) => ({
      ...s,
      reason: topReasons(parseReasons(reasons), 1).map(reasonText)[0] ?? "",
    })),
  };
}
export type OverviewData = Awaited<ReturnType<typeof overviewData>>;
