import type { Database } from "../../db/database.ts";
import { redacted } from "../page-data.ts";
import {
  currentAndPrevious,
  openWarehouse,
  parseReasons,
  periodRuns,
  SHARDS,
  shardOf,
  type Warehouse,
} from "./_warehouse.ts";
import { findingCounts, suppliersData } from "./suppliers-data.ts";
import { matchNotes } from "./_match-notes.ts";

type Rec = Record<string, unknown>;
const push = <T>(m: Map<string, T[]>, k: string, v: T) => m.set(k, [...(m.get(k) ?? []), v]);

async function declarationsBySupplier(w: Warehouse): Promise<Map<string, Rec[]>> {
  const out = new Map<string, Rec[]>();
  // A declaration belongs to a supplier when engagement linked it, or when a scoring run used it for that supplier.
  const rows = await w.rows<Rec>(
    `WITH owner AS (
       SELECT declaration_id, supplier_id FROM supplier_scores WHERE declaration_id IS NOT NULL
       UNION SELECT declaration_id, supplier_id FROM declaration_links WHERE supplier_id IS NOT NULL)
     SELECT DISTINCT o.supplier_id AS supplier, d.declaration_id AS id, d.template, d.version, CAST(d.effective_date AS VARCHAR) AS "effectiveDate",
       d.scope, d.file_name AS file, d.is_current AS "current"
     FROM declarations d JOIN owner o USING (declaration_id) ORDER BY "effectiveDate" NULLS FIRST, id`,
  );
  const counts = await findingCounts(w);
  for (const r of rows) {
    const f = counts.get(String(r.id));
    push(out, String(r.supplier), { ...r, supplier: undefined, errors: f?.errors ?? 0, warnings: f?.warnings ?? 0 });
  }
  const n = new Map(
    (
      await w.rows<{ id: string; n: number }>(
        "SELECT declaration_id AS id, count(*) AS n FROM resolved_smelter_rows GROUP BY 1",
      )
    ).map((c) => [String(c.id), c.n]),
  );
  for (const list of out.values()) for (const d of list) d.smelterRows = n.get(String(d.id)) ?? 0;
  return out;
}

/** Supplier pages: one record per supplier in SHARDS files (see smelterShards); contacts dropped when redacting. */
export async function supplierShards(db: Database, options: { redact?: boolean } = {}): Promise<Record<string, Rec>[]> {
  const redact = options.redact ?? redacted();
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  const shards: Record<string, Rec>[] = Array.from({ length: SHARDS }, () => ({}));
  if (!current) return shards;
  const { suppliers } = await suppliersData(db, { redact });
  const reasons = new Map(
    (
      await w.rows<{ id: string; reasons: string }>(
        "SELECT supplier_id AS id, CAST(reasons AS VARCHAR) AS reasons FROM supplier_scores WHERE run_id = ?",
        [current.runId],
      )
    ).map((r) => [r.id, parseReasons(r.reasons)]),
  );
  const smelters = new Map<string, Rec[]>();
  const mapped = (await matchNotes(w, current.runId)).bySupplier;
  for (const r of await w.rows<Rec>(
    `SELECT l.supplier_id AS id, m.smelter_key AS key, m.cid, m.name, m.metal, m.country_iso2 AS iso2, m.rmi_status AS status, m.band, m.score
     FROM supplier_smelter_links l JOIN smelter_scores m ON m.run_id = l.run_id AND m.smelter_key = l.smelter_key
     WHERE l.run_id = ? ORDER BY m.score DESC, m.name`,
    [current.runId],
  ))
    push(smelters, String(r.id), {
      ...r,
      id: undefined,
      decision: (mapped.get(`${String(r.id)}|${String(r.key)}`) ?? []).map((n) => n.text).join("; "),
    });
  const products = new Map<string, Rec[]>();
  for (const r of await w.rows<Rec>(
    `SELECT supplier_id AS id, product_id AS product, any_value(product_name) AS name, string_agg(DISTINCT part_number, ', ' ORDER BY part_number) AS parts
     FROM bom_lines GROUP BY 1, 2 ORDER BY 2`,
  ))
    push(products, String(r.id), { product: r.product, name: r.name, parts: r.parts });
  const outreach = new Map<string, Rec[]>();
  for (const r of await w.rows<Rec>(
    `SELECT supplier_id AS id, CAST(event_date AS VARCHAR) AS date, event, channel, contact, note FROM outreach_events ORDER BY event_date, line`,
  ))
    push(
      outreach,
      String(r.id),
      redact
        ? { date: r.date, event: r.event, channel: r.channel }
        : { date: r.date, event: r.event, channel: r.channel, contact: r.contact, note: r.note },
    );
  const runs = await periodRuns(w);
  const history = new Map<string, Rec[]>();
  for (const r of await w.rows<Rec>(
    `SELECT supplier_id AS id, run_id AS "runId", responded, score, band, smelter_count AS smelters FROM supplier_scores WHERE run_id IN (SELECT run_id FROM latest_scoring_runs)`,
  )) {
    const run = runs.find((x) => x.runId === r.runId);
    if (run)
      push(history, String(r.id), {
        period: run.period,
        asOf: run.asOf,
        responded: r.responded,
        score: r.score,
        band: r.band,
        smelters: r.smelters,
      });
  }
  const findings = new Map<string, Rec[]>();
  for (const r of await w.rows<Rec>(
    `SELECT s.supplier_id AS id, f.severity AS severity, f.code AS code, f.sheet AS sheet, f.cell AS cell, f.message AS message
     FROM findings f JOIN supplier_scores s ON s.run_id = ? AND s.declaration_id = f.declaration_id ORDER BY 1, 2, 3`,
    [current.runId],
  ))
    push(findings, String(r.id), { ...r, id: undefined });
  const declarations = await declarationsBySupplier(w);
  for (const s of suppliers) {
    shards[shardOf(s.id, SHARDS)]![s.id] = {
      ...s,
      reasons: reasons.get(s.id) ?? [],
      smelters: smelters.get(s.id) ?? [],
      products: products.get(s.id) ?? [],
      outreach: outreach.get(s.id) ?? [],
      history: (history.get(s.id) ?? []).sort((a, b) => String(a.asOf).localeCompare(String(b.asOf))),
      declarations: declarations.get(s.id) ?? [],
      findings: (findings.get(s.id) ?? []).slice(0, 500),
      findingsTotal: (findings.get(s.id) ?? []).length,
    };
  }
  return shards;
}
