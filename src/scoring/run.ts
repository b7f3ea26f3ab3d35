import { normalizeMetal } from "../rmi/minerals.ts";
import type { Database } from "../db/database.ts";
import { gatherFacts, type ScoringInputs } from "./gather.ts";
import type { RiskModel } from "./model.ts";
import type { Band, ProductScore, SmelterScore } from "./result.ts";
import { scoreProduct, type ScoredSupplier } from "./score-product.ts";
import { scoreSmelter } from "./score-smelter.ts";
import { scoreSupplier } from "./score-supplier.ts";

export interface ScoringRunSummary {
  runId: number;
  period: string;
  asOf: string;
  modelVersion: string;
  smelters: Record<Band, number>;
  suppliers: Record<Band, number>;
  products: Record<Band, number>;
  lowCoverageProducts: number;
  missing: string[];
}

const emptyBands = (): Record<Band, number> => ({
  Low: 0,
  Medium: 0,
  High: 0,
  Critical: 0,
  Excluded: 0,
  "Data gap": 0,
});

export interface ScoredInputs {
  /** The supply chain: smelters some supplier's declaration names. */
  smelters: SmelterScore[];
  /** Smelters only unlinked declarations name (flag `unlinked-only`): shown apart, counted in no supply-chain figure. */
  unlinkedOnly: SmelterScore[];
  suppliers: ScoredSupplier[];
  products: ProductScore[];
}

/**
 * Scores gathered facts: smelters first, then suppliers over them, then products over both. Pure. A smelter no
 * supplier's declaration names (only an unlinked declaration does) is returned apart in `unlinkedOnly`.
 */
export function scoreAll(inputs: ScoringInputs, model: RiskModel, asOf: string): ScoredInputs {
  const credited = new Set(inputs.suppliers.flatMap((s) => s.declaration?.smelterKeys ?? []));
  const all = inputs.smelters.map((f) => scoreSmelter(f, model, asOf));
  const smelters = all.filter((s) => credited.has(s.key));
  const unlinkedOnly = all
    .filter((s) => !credited.has(s.key))
    .map((s) => ({ ...s, flags: [...s.flags, "unlinked-only"] }));
  const byKey = new Map(smelters.map((s) => [s.key, s]));
  const suppliers = inputs.suppliers.map((facts) => ({ facts, score: scoreSupplier(facts, byKey, model, asOf) }));
  const byId = new Map(suppliers.map((s) => [s.facts.supplierId, s]));
  const products = inputs.products.map((p) => scoreProduct(p, byId, byKey, model));
  return { smelters, unlinkedOnly, suppliers, products };
}

/**
 * Runs one scoring run for `period` and stores it with the model and the vintage of every reference
 * dataset read, so the run can be reproduced. Earlier runs of the period are kept; the latest counts.
 */
export async function runScoring(
  db: Database,
  options: { period: string; asOf: string; model: RiskModel },
): Promise<ScoringRunSummary> {
  const inputs = await gatherFacts(db, { period: options.period, asOf: options.asOf });
  const scored = scoreAll(inputs, options.model, options.asOf);
  const factsByKey = new Map(inputs.smelters.map((f) => [f.key, f]));
  const supplierCount = new Map<string, number>();
  for (const s of scored.suppliers)
    for (const k of s.facts.declaration?.smelterKeys ?? []) supplierCount.set(k, (supplierCount.get(k) ?? 0) + 1);

  const runId = await db.transaction(async () => {
    const row = await db.one<{ run_id: number }>(
      `INSERT INTO scoring_runs (period, as_of, model_version, model, reference_vintages, smelters, suppliers, products)
       VALUES (?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?) RETURNING run_id`,
      [
        options.period,
        options.asOf,
        options.model.version,
        JSON.stringify(options.model),
        JSON.stringify({ datasets: inputs.vintages, missingTables: inputs.missing }),
        scored.smelters.length,
        scored.suppliers.length,
        scored.products.length,
      ],
    );
    const id = row!.run_id;
    await db.insertRows(
      "smelter_scores",
      [
        "run_id",
        "smelter_key",
        "cid",
        "name",
        "metal",
        "country_iso2",
        "rmi_status",
        "sanctions",
        "score",
        "band",
        "flags",
        "reasons",
        "supplier_count",
      ],
      scored.smelters.map((s) => {
        const f = factsByKey.get(s.key)!;
        return [
          id,
          s.key,
          f.cid,
          s.name,
          normalizeMetal(s.metal),
          f.location?.iso2 ?? null,
          f.status,
          f.sanctions,
          s.score,
          s.band,
          JSON.stringify(s.flags),
          JSON.stringify(s.reasons),
          supplierCount.get(s.key) ?? 0,
        ];
      }),
    );
    await db.insertRows(
      "supplier_scores",
      ["run_id", "supplier_id", "name", "declaration_id", "responded", "score", "band", "smelter_count", "reasons"],
      scored.suppliers.map(({ facts, score }) => [
        id,
        facts.supplierId,
        facts.name,
        facts.declaration?.declarationId ?? null,
        score.responded,
        score.score,
        score.band,
        score.smelterCount,
        JSON.stringify(score.reasons),
      ]),
    );
    await db.insertRows(
      "supplier_smelter_links",
      ["run_id", "supplier_id", "smelter_key"],
      scored.suppliers.flatMap(({ facts }) =>
        (facts.declaration?.smelterKeys ?? []).map((k) => [id, facts.supplierId, k]),
      ),
    );
    const scoreOf = new Map([...scored.smelters, ...scored.unlinkedOnly].map((s) => [s.key, s]));
    await db.insertRows(
      "unlinked_smelter_reports",
      [
        "run_id",
        "declaration_id",
        "company_name",
        "smelter_key",
        "cid",
        "name",
        "metal",
        "rmi_status",
        "sanctions",
        "score",
        "band",
        "in_supply_chain",
      ],
      inputs.unlinked.flatMap((u) =>
        (u.smelterKeys.length ? u.smelterKeys : [null]).map((k) => {
          const s = k === null ? undefined : scoreOf.get(k);
          const f = k === null ? undefined : factsByKey.get(k);
          return [
            id,
            u.declarationId,
            u.companyName,
            k,
            f?.cid ?? null,
            s?.name ?? null,
            s ? normalizeMetal(s.metal) : null,
            f?.status ?? null,
            f?.sanctions ?? null,
            s?.score ?? null,
            s?.band ?? null,
            k === null ? null : supplierCount.has(k),
          ];
        }),
      ),
    );
    await db.insertRows(
      "product_scores",
      [
        "run_id",
        "product",
        "score",
        "band",
        "coverage",
        "data_gap",
        "suppliers_in_scope",
        "suppliers_answered",
        "reasons",
      ],
      scored.products.map((p) => [
        id,
        p.product,
        p.score,
        p.band,
        p.coverage,
        p.dataGap,
        p.suppliersInScope,
        p.suppliersAnswered,
        JSON.stringify(p.reasons),
      ]),
    );
    return id;
  });

  const count = (bands: Band[]) => bands.reduce((acc, b) => ((acc[b] += 1), acc), emptyBands());
  return {
    runId,
    period: options.period,
    asOf: options.asOf,
    modelVersion: options.model.version,
    smelters: count(scored.smelters.map((s) => s.band)),
    suppliers: count(scored.suppliers.map((s) => s.score.band)),
    products: count(scored.products.map((p) => p.band)),
    lowCoverageProducts: scored.products.filter((p) => p.dataGap).length,
    missing: inputs.missing,
  };
}
