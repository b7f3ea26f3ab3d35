import type { Database } from "../../db/database.ts";
import {
  currentAndPrevious,
  openWarehouse,
  parseReasons,
  reasonText,
  SHARDS,
  shardOf,
  topReasons,
  type Warehouse,
} from "./_warehouse.ts";
import { columnar } from "./columnar.ts";
import { currentFigures } from "./figures.ts";

export interface ProductRow {
  id: string;
  name: string;
  score: number;
  band: string;
  coverage: number;
  dataGap: boolean;
  inScope: number;
  answered: number;
}

export interface ProductDetail {
  reasons: string;
  suppliers: { id: string; name: string; band: string; score: number | null; responded: boolean; smelters: number }[];
}

async function productRows(w: Warehouse, runId: number): Promise<(ProductRow & { reasons: unknown })[]> {
  const rows = await w.rows<Record<string, unknown>>(
    `SELECT p.product, coalesce(b.name, p.product) AS name, p.score, p.band, p.coverage, p.data_gap, p.suppliers_in_scope, p.suppliers_answered,
       CAST(p.reasons AS VARCHAR) AS reasons
     FROM product_scores p LEFT JOIN (SELECT product_id, any_value(product_name) AS name FROM bom_lines GROUP BY 1) b ON b.product_id = p.product
     WHERE p.run_id = ? ORDER BY p.score DESC, p.product`,
    [runId],
  );
  return rows.map((r) => ({
    id: String(r.product),
    name: String(r.name),
    score: Number(r.score),
    band: String(r.band),
    coverage: Number(r.coverage),
    dataGap: r.data_gap === true,
    inScope: Number(r.suppliers_in_scope),
    answered: Number(r.suppliers_answered),
    reasons: r.reasons,
  }));
}

/** Products page: risk and coverage per product (the drill-down detail is in productShards). */
export async function productsData(db: Database): Promise<{ products: ProductRow[] }> {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  if (!current) return { products: [] };
  return { products: (await productRows(w, current.runId)).map(({ reasons: _, ...p }) => p) };
}

/** What the products page loads: one array per column, bands as a dictionary, numbers rounded to what is shown. */
export async function productsPageData(db: Database) {
  const { products } = await productsData(db);
  const f = await currentFigures(await openWarehouse(db));
  return {
    figures: f && { products: f.products, highRiskProducts: f.highRiskProducts },
    products: columnar(products, { round: { score: 1, coverage: 2 } }),
  };
}

/**
 * Drill-down detail per product (its reasons and its suppliers with their band), split into SHARDS maps by a hash
 * of the product ID: selecting a product fetches one shard, not the whole BOM.
 */
export async function productShards(db: Database): Promise<Record<string, ProductDetail>[]> {
  const shards: Record<string, ProductDetail>[] = Array.from({ length: SHARDS }, () => ({}));
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  if (!current) return shards;
  const suppliers = new Map<string, ProductDetail["suppliers"][number]>();
  for (const s of await w.rows<Record<string, unknown>>(
    "SELECT supplier_id AS id, name, band, score, responded, smelter_count AS smelters FROM supplier_scores WHERE run_id = ?",
    [current.runId],
  )) {
    const id = String(s.id);
    suppliers.set(id, {
      id,
      name: String(s.name),
      band: String(s.band),
      score: s.score === null ? null : Number(s.score),
      responded: s.responded === true,
      smelters: Number(s.smelters),
    });
  }
  // Suppliers the engagement stage put out of scope for the period are not in the product's due diligence (scoring
  // drops them from the product roll-up the same way): the drill-down lists the suppliers the product score rests on.
  const outOfScope = new Set(
    (
      await w.rows<{ id: string }>(
        `SELECT supplier_id AS id FROM current_supplier_engagement WHERE NOT in_scope AND run_id = (SELECT max(run_id) FROM latest_engagement_runs WHERE period = ?)`,
        [current.period],
      )
    ).map((r) => String(r.id)),
  );
  const members = new Map<string, string[]>();
  for (const r of await w.rows<{ id: string; ids: string[] }>(
    "SELECT product_id AS id, list(DISTINCT supplier_id ORDER BY supplier_id) AS ids FROM bom_lines GROUP BY 1",
  ))
    members.set(String(r.id), r.ids.map(String));
  for (const p of await productRows(w, current.runId)) {
    shards[shardOf(p.id, SHARDS)]![p.id] = {
      reasons: topReasons(parseReasons(p.reasons), 3).map(reasonText).join("; "),
      suppliers: (members.get(p.id) ?? [])
        .filter((id) => !outOfScope.has(id))
        .map(
          (id) => suppliers.get(id) ?? { id, name: id, band: "Data gap", score: null, responded: false, smelters: 0 },
        ),
    };
  }
  return shards;
}
