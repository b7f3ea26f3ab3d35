import type { Database } from "../../db/database.ts";
import { currentAndPrevious, openWarehouse, parseReasons, reasonText, topReasons } from "./_warehouse.ts";

/** Products page: risk and coverage per product, the suppliers of each, and a compact supplier index for the drill-down. */
export async function productsData(db: Database) {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  if (!current) return { products: [], suppliers: {} };
  const names = new Map(
    (await w.rows<{ id: string; name: string | null }>("bom_lines", "SELECT product_id AS id, any_value(product_name) AS name FROM bom_lines GROUP BY 1")).map((r) => [r.id, r.name]),
  );
  const members = new Map<string, string[]>();
  for (const r of await w.rows<{ id: string; ids: string[] }>(
    "bom_lines",
    "SELECT product_id AS id, list(DISTINCT supplier_id ORDER BY supplier_id) AS ids FROM bom_lines GROUP BY 1",
  )) members.set(r.id, r.ids.map(String));
  const rows = await w.rows<Record<string, unknown>>(
    "product_scores",
    `SELECT product, score, band, coverage, data_gap, suppliers_in_scope, suppliers_answered, CAST(reasons AS VARCHAR) AS reasons
     FROM product_scores WHERE run_id = ? ORDER BY score DESC, product`,
    [current.runId],
  );
  const suppliers: Record<string, { name: string; band: string; score: number | null; responded: boolean; smelters: number }> = {};
  for (const s of await w.rows<Record<string, unknown>>(
    "supplier_scores",
    "SELECT supplier_id AS id, name, band, score, responded, smelter_count AS smelters FROM supplier_scores WHERE run_id = ?",
    [current.runId],
  )) suppliers[String(s.id)] = { name: String(s.name), band: String(s.band), score: s.score === null ? null : Number(s.score), responded: s.responded === true, smelters: Number(s.smelters) };
  return {
    products: rows.map((r) => {
      const id = String(r.product);
      return {
        id,
        name: names.get(id) ?? id,
        score: Number(r.score),
        band: String(r.band),
        coverage: Number(r.coverage),
        dataGap: r.data_gap === true,
        inScope: Number(r.suppliers_in_scope),
        answered: Number(r.suppliers_answered),
        reasons: topReasons(parseReasons(r.reasons), 3).map(reasonText).join("; "),
        supplierIds: members.get(id) ?? [],
      };
    }),
    suppliers,
  };
}
