import type { ProductFacts, SupplierFacts } from "./facts.ts";
import type { RiskModel } from "./model.ts";
import {
  bandFor,
  clamp100,
  round1,
  type Band,
  type ProductScore,
  type Reason,
  type SmelterScore,
  type SupplierScore,
} from "./result.ts";

export interface ScoredSupplier {
  facts: SupplierFacts;
  score: SupplierScore;
}

/**
 * Rolls a product up over its bill of materials → suppliers → smelters (defaults in brackets):
 * score = worstSupplier [40] × worst answered supplier / 100 + meanSupplier [30] × mean answered supplier / 100
 *       + smelterBreadth [20] × share of reachable smelters High or Critical + coverageGap [25] × (1 − coverage).
 * The worst exposure leads, and how much of the supply base carries risk ranks products that share it. A Critical
 * smelter anywhere makes the product Critical. Coverage (answered / in scope) is reported beside the score; below
 * `minCoverage` the product is flagged `dataGap` and a Low band reads "Data gap".
 */
export function scoreProduct(
  p: ProductFacts,
  suppliers: ReadonlyMap<string, ScoredSupplier>,
  smelters: ReadonlyMap<string, SmelterScore>,
  model: RiskModel,
): ProductScore {
  const ids = [...new Set(p.supplierIds)];
  const inScope = ids.map((id) => ({ id, s: suppliers.get(id) }));
  const answered = inScope.filter((x) => x.s?.score.responded);
  const silent = inScope.filter((x) => !x.s?.score.responded).map((x) => x.s?.facts.name ?? x.id);
  const coverage = ids.length === 0 ? 0 : answered.length / ids.length;
  const reasons: Reason[] = [];

  const w = model.product;
  let worst: ScoredSupplier | null = null;
  for (const { s } of answered) if (s && (worst === null || (s.score.score ?? 0) > (worst.score.score ?? 0))) worst = s;
  if (worst) {
    const top = worst.score.score ?? 0;
    reasons.push({
      factor: "worst-supplier",
      points: round1((w.worstSupplier * top) / 100),
      evidence: `${worst.facts.name} (${worst.facts.supplierId}) scores ${top} (${worst.score.band})`,
    });
    const mean = answered.reduce((sum, x) => sum + (x.s?.score.score ?? 0), 0) / answered.length;
    reasons.push({
      factor: "supplier-spread",
      points: round1((w.meanSupplier * mean) / 100),
      evidence: `mean score of the ${answered.length} answered supplier(s): ${round1(mean)}`,
    });
  }
  const gapPoints = round1(w.coverageGap * (1 - coverage));
  const coverageText =
    ids.length === 0
      ? "no in-scope suppliers on the bill of materials"
      : `${answered.length} of ${ids.length} in-scope suppliers answered${silent.length ? `; no answer from ${silent.slice(0, 5).join(", ")}${silent.length > 5 ? ", …" : ""}` : ""}`;
  reasons.push({ factor: "coverage", points: gapPoints, evidence: coverageText });

  const reachable = new Map<string, SmelterScore>();
  for (const { s } of answered)
    for (const k of s?.facts.declaration?.smelterKeys ?? []) {
      const sc = smelters.get(k);
      if (sc) reachable.set(k, sc);
    }
  const hot = [...reachable.values()].filter((s) => s.band === "High" || s.band === "Critical");
  // Excluded (removed, not operating) smelters still need follow-up, as in the supplier's smelter share.
  const flagged = [...reachable.values()].filter(
    (s) => s.band === "High" || s.band === "Critical" || s.band === "Excluded",
  );
  if (flagged.length > 0) {
    const metals = [...new Set(flagged.map((s) => s.metal))].sort();
    const excluded = flagged.length - hot.length;
    reasons.push({
      factor: "breadth",
      points: round1((w.smelterBreadth * flagged.length) / reachable.size),
      evidence: `${hot.length} of ${reachable.size} reachable smelters High or Critical${excluded ? `, ${excluded} excluded` : ""} (${metals.join(", ")})`,
    });
  }

  let score = round1(clamp100(reasons.reduce((sum, r) => sum + r.points, 0)));
  let band: Band = bandFor(score, model.bands);
  const critical = hot.filter((s) => s.band === "Critical");
  if (critical.length > 0) {
    score = 100;
    band = "Critical";
    reasons.unshift({
      factor: "critical-smelter",
      points: 0,
      override: "critical",
      evidence: `reaches Critical smelter(s) ${critical.map((s) => `${s.name} (${s.key})`).join(", ")}`,
    });
  }
  const dataGap = coverage < model.product.minCoverage;
  if (dataGap && band === "Low") {
    band = "Data gap";
    reasons.unshift({
      factor: "coverage",
      points: 0,
      override: "data-gap",
      evidence: `coverage ${Math.round(coverage * 100)}% is below ${Math.round(model.product.minCoverage * 100)}%: too little data to call this Low`,
    });
  }
  return {
    product: p.product,
    score,
    band,
    coverage: Math.round(coverage * 1000) / 1000,
    dataGap,
    suppliersInScope: ids.length,
    suppliersAnswered: answered.length,
    reasons,
  };
}
