import type { Database } from "../../db/database.ts";
import { periodWindow } from "../../periods/period-window.ts";
import {
  approximateDates,
  inForceDuring,
  measureSummary,
  measuresFor,
  type MeasureHit,
  type TradeMeasure,
} from "../../trade/measures.ts";
import { currentTradeMeasures } from "../../trade/read-measures.ts";
import { iso2ToName } from "../../text/countries.ts";
import { currentAndPrevious, openWarehouse } from "./_warehouse.ts";

/** A measure as the pages show it: what, who imposes it, from/to as the list wrote them, and where it comes from. */
export interface MeasureView {
  id: string;
  mineral: string;
  imposer: string;
  measure: string;
  origin: string;
  from: string;
  to: string;
  approximate: boolean;
  description: string;
  sourceUrl: string | null;
  source: string;
  summary: string;
}

/** One flag: a measure that binds a smelter, and how (its location or a mine country suppliers reported). */
export interface MeasureFlag {
  measureId: string;
  summary: string;
  country: string | null;
  basis: "location" | "mine";
}

export const measureId = (m: Pick<TradeMeasure, "source" | "line">) => `${m.source}:${m.line}`;

export function measureView(m: TradeMeasure): MeasureView {
  return {
    id: measureId(m),
    mineral: m.mineral,
    imposer: m.imposer,
    measure: m.measureType.replace(/_/g, " "),
    origin: m.origin === null ? "any origin" : m.origin,
    from: m.effectiveFromText,
    to: m.effectiveToText,
    approximate: approximateDates(m),
    description: m.description,
    sourceUrl: m.sourceUrl,
    source: `${m.source} line ${m.line}`,
    summary: measureSummary(m),
  };
}

const flagOf = (h: MeasureHit): MeasureFlag => ({
  measureId: measureId(h.measure),
  summary: measureSummary(h.measure),
  country: h.country,
  basis: h.basis,
});

/**
 * Trade measures page (and the smelter, supplier and product pages' flags): the measures in force during the
 * current period whose mineral and country meet a smelter of the run, and who reports those smelters.
 */
export async function tradeMeasuresData(db: Database) {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  const empty = {
    period: null,
    window: null,
    measures: [],
    smelters: [],
    suppliers: [],
    products: [],
    bySmelter: {},
    bySupplier: {},
    byProduct: {},
  };
  if (!current) return empty;
  const window = periodWindow(current.period, current.asOf);
  const inForce = (await currentTradeMeasures(db)).filter((m) => inForceDuring(m, window));
  const smelters = await w.rows<{ key: string; cid: string | null; name: string; metal: string; iso2: string | null }>(
    `SELECT smelter_key AS key, cid, name, metal, country_iso2 AS iso2 FROM smelter_scores WHERE run_id = ? ORDER BY name, smelter_key`,
    [current.runId],
  );
  const mines = new Map<string, string[]>();
  for (const r of await w.rows<{ cid: string; metal: string; iso2: string }>(
    "SELECT DISTINCT cid, metal, country_iso2 AS iso2 FROM smelter_country_risk WHERE basis = 'mine' AND country_iso2 IS NOT NULL ORDER BY 3",
  )) {
    const k = `${r.cid}|${r.metal}`;
    mines.set(k, [...(mines.get(k) ?? []), r.iso2]);
  }
  const bySmelter: Record<string, MeasureFlag[]> = {};
  const flaggedSmelters: {
    key: string;
    name: string;
    metal: string;
    country: string | null;
    measures: string;
    flags: MeasureFlag[];
  }[] = [];
  for (const s of smelters) {
    const hits = measuresFor(
      inForce,
      { mineral: s.metal, country: s.iso2, mineCountries: mines.get(`${s.cid}|${s.metal}`) ?? [] },
      window,
    );
    if (!hits.length) continue;
    const flags = hits.map(flagOf);
    bySmelter[s.key] = flags;
    flaggedSmelters.push({
      key: s.key,
      name: s.name,
      metal: s.metal.toLowerCase(),
      country: s.iso2 ? (iso2ToName(s.iso2) ?? s.iso2) : null,
      measures: flags.map((f) => f.summary).join("; "),
      flags,
    });
  }
  const links = await w.rows<{ supplier: string; name: string; key: string }>(
    `SELECT l.supplier_id AS supplier, coalesce(s.name, l.supplier_id) AS name, l.smelter_key AS key
     FROM supplier_smelter_links l LEFT JOIN supplier_scores s ON s.run_id = l.run_id AND s.supplier_id = l.supplier_id
     WHERE l.run_id = ? ORDER BY 2, 1, 3`,
    [current.runId],
  );
  const smelterName = new Map(smelters.map((s) => [s.key, s.name]));
  const bySupplier: Record<string, { smelterKey: string; smelter: string; flags: MeasureFlag[] }[]> = {};
  const supplierName = new Map<string, string>();
  for (const l of links) {
    const flags = bySmelter[l.key];
    if (!flags) continue;
    supplierName.set(l.supplier, l.name);
    (bySupplier[l.supplier] ??= []).push({ smelterKey: l.key, smelter: smelterName.get(l.key) ?? l.key, flags });
  }
  const bom = await w.rows<{ product: string; name: string; supplier: string }>(
    "SELECT DISTINCT product_id AS product, product_name AS name, supplier_id AS supplier FROM bom_lines WHERE supplier_id IS NOT NULL ORDER BY 1, 3",
  );
  const byProduct: Record<string, { supplierId: string; supplier: string; measures: string[] }[]> = {};
  const productName = new Map<string, string>();
  for (const b of bom) {
    const via = bySupplier[b.supplier];
    if (!via) continue;
    productName.set(b.product, b.name ?? b.product);
    (byProduct[b.product] ??= []).push({
      supplierId: b.supplier,
      supplier: supplierName.get(b.supplier) ?? b.supplier,
      measures: [...new Set(via.flatMap((v) => v.flags.map((f) => f.summary)))],
    });
  }
  const count = (id: string, of: Record<string, { flags?: MeasureFlag[]; measures?: string[] }[]>, summary: string) =>
    Object.values(of).filter((list) =>
      list.some((x) => x.flags?.some((f) => f.measureId === id) || x.measures?.includes(summary)),
    ).length;
  const measures = inForce
    .map(measureView)
    .map((m) => ({
      ...m,
      smelters: flaggedSmelters.filter((s) => s.flags.some((f) => f.measureId === m.id)).length,
      suppliers: count(m.id, bySupplier, m.summary),
      products: count(m.id, byProduct, m.summary),
    }))
    .filter((m) => m.smelters > 0);
  return {
    period: current.period,
    window,
    measures,
    smelters: flaggedSmelters.map(({ flags: _, ...s }) => s),
    suppliers: Object.entries(bySupplier).map(([id, via]) => ({
      id,
      name: supplierName.get(id) ?? id,
      smelters: via.length,
      measures: [...new Set(via.flatMap((v) => v.flags.map((f) => f.summary)))].join("; "),
    })),
    products: Object.entries(byProduct).map(([id, via]) => ({
      id,
      name: productName.get(id) ?? id,
      suppliers: via.length,
      measures: [...new Set(via.flatMap((v) => v.measures))].join("; "),
    })),
    bySmelter,
    bySupplier,
    byProduct,
  };
}
export type TradeMeasuresData = Awaited<ReturnType<typeof tradeMeasuresData>>;
