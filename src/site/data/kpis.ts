import { ratio, type RunRef, type Warehouse } from "./_warehouse.ts";

export interface Kpis {
  suppliersInScope: number;
  responded: number;
  responseRate: number | null;
  validDeclarations: number;
  smelters: number;
  smeltersIdentified: number;
  conformant: number;
  conformantShare: number | null;
  sanctionsHits: number;
  highRiskSmelters: number;
  conformantByMetal: { metal: string; identified: number; conformant: number; share: number | null }[];
}

/**
 * Programme KPIs of one scoring run. Supplier scope, responses and usable declarations are the engagement
 * stage's figures for the run's period when that stage ran; otherwise they derive from the supplier scores.
 */
export async function kpisForRun(w: Warehouse, run: RunRef): Promise<Kpis> {
  const s = (
    await w.rows<{ n: number; responded: number; valid: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE responded) AS responded,
         count(*) FILTER (WHERE responded AND band NOT IN ('Data gap', 'Excluded')) AS valid
       FROM supplier_scores WHERE run_id = ?`,
      [run.runId],
    )
  )[0] ?? { n: 0, responded: 0, valid: 0 };
  // Scope and response come from the engagement stage (its `all` row for the run's period) when it ran.
  const e = (
    await w.rows<{ n: number; responded: number; valid: number }>(
      `SELECT m.in_scope AS n, m.responded, m.usable AS valid
       FROM engagement_metrics m JOIN latest_engagement_runs r USING (run_id)
       WHERE r.period = ? AND m.dimension = 'all' ORDER BY r.run_id DESC LIMIT 1`,
      [run.period],
    )
  )[0];
  const supplierCounts = e ?? s;
  const m = (
    await w.rows<{ n: number; identified: number; conformant: number; hits: number; high: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE cid IS NOT NULL) AS identified,
         count(*) FILTER (WHERE cid IS NOT NULL AND rmi_status = 'conformant') AS conformant,
         count(*) FILTER (WHERE sanctions = 'hit') AS hits,
         count(*) FILTER (WHERE band IN ('High', 'Critical')) AS high
       FROM smelter_scores WHERE run_id = ?`,
      [run.runId],
    )
  )[0] ?? { n: 0, identified: 0, conformant: 0, hits: 0, high: 0 };
  const byMetal = await w.rows<{ metal: string; identified: number; conformant: number }>(
    `SELECT lower(metal) AS metal, count(*) AS identified, count(*) FILTER (WHERE rmi_status = 'conformant') AS conformant
     FROM smelter_scores WHERE run_id = ? AND cid IS NOT NULL GROUP BY 1 ORDER BY 1`,
    [run.runId],
  );
  return {
    suppliersInScope: supplierCounts.n,
    responded: supplierCounts.responded,
    // The filings' survey response: relevant suppliers with a usable declaration (src/exports/survey-coverage.ts).
    responseRate: ratio(supplierCounts.valid, supplierCounts.n),
    validDeclarations: supplierCounts.valid,
    smelters: m.n,
    smeltersIdentified: m.identified,
    conformant: m.conformant,
    conformantShare: ratio(m.conformant, m.identified),
    sanctionsHits: m.hits,
    highRiskSmelters: m.high,
    conformantByMetal: byMetal.map((r) => ({ ...r, share: ratio(r.conformant, r.identified) })),
  };
}

export interface Kpi {
  key: string;
  label: string;
  value: number | null;
  previous: number | null;
  format: "count" | "percent";
  /** Whether a rise is good news (up) or bad news (down): the page colours the change with it. */
  better: "up" | "down";
  note: string;
}

export function kpiList(now: Kpis, before: Kpis | null): Kpi[] {
  const k = (key: keyof Kpis, label: string, format: Kpi["format"], better: Kpi["better"], note: string): Kpi => ({
    key,
    label,
    value: now[key] as number | null,
    previous: before ? (before[key] as number | null) : null,
    format,
    better,
    note,
  });
  return [
    k("suppliersInScope", "Suppliers in scope", "count", "up", "suppliers asked for a declaration"),
    k("responseRate", "Response rate", "percent", "up", `${now.validDeclarations} of ${now.suppliersInScope} responded with a usable declaration (${now.responded} answered), as the filings count it`),
    k("validDeclarations", "Valid declarations", "count", "up", `usable answers: current, without errors (${now.responded} responded)`),
    k("smeltersIdentified", "Smelters identified", "count", "up", `${now.smelters} reported, ${now.smelters - now.smeltersIdentified} without a CID`),
    k("conformantShare", "Conformant smelters", "percent", "up", `${now.conformant} of ${now.smeltersIdentified} identified`),
    k("sanctionsHits", "Sanctions hits", "count", "down", "smelters your suppliers report that match a sanctions list"),
    k("highRiskSmelters", "High-risk smelters", "count", "down", "High or Critical band"),
  ];
}
