import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MODEL as M } from "../../src/scoring/model.ts";
import type { SmelterScore } from "../../src/scoring/result.ts";
import { scoreProduct, type ScoredSupplier } from "../../src/scoring/score-product.ts";
import { scoreSmelter } from "../../src/scoring/score-smelter.ts";
import { scoreSupplier } from "../../src/scoring/score-supplier.ts";
import type { SupplierFacts } from "../../src/scoring/facts.ts";
import { DRC, declaration, smelter, supplier } from "./_facts.ts";

const AS_OF = "2025-06-30";
const smelterList = [
  scoreSmelter(smelter({ lastAuditDate: "2025-02-01" }), M, AS_OF),
  scoreSmelter(
    smelter({
      key: "CID002593",
      cid: "CID002593",
      name: "Mining Minerals Resources SARL",
      metal: "tin",
      status: "not-participating",
      location: DRC,
    }),
    M,
    AS_OF,
  ),
  scoreSmelter(
    smelter({ key: "CID003397", cid: "CID003397", name: "Novosibirsk Tin Combine", metal: "tin", sanctions: "hit" }),
    M,
    AS_OF,
  ),
];
const smelters = new Map<string, SmelterScore>(smelterList.map((s) => [s.key, s]));

function scored(...list: SupplierFacts[]): Map<string, ScoredSupplier> {
  return new Map(list.map((f) => [f.supplierId, { facts: f, score: scoreSupplier(f, smelters, M, AS_OF) }]));
}
const clean = supplier("S-001", "Hokuriku Metals K.K.", declaration());
const silentA = supplier("S-011", "Silent Supplier Ltd.", null);
const silentB = supplier("S-012", "Quiet Parts GmbH", null);

describe("scoreProduct: roll-up with coverage", () => {
  it("scores a fully answered product with clean suppliers Low at full coverage", () => {
    const r = scoreProduct({ product: "WF6-300", supplierIds: ["S-001"] }, scored(clean), smelters, M);
    expect(r).toMatchObject({
      score: 0,
      band: "Low",
      coverage: 1,
      dataGap: false,
      suppliersInScope: 1,
      suppliersAnswered: 1,
    });
  });

  it("never reads a product whose suppliers did not answer as Low", () => {
    const r = scoreProduct(
      { product: "PCB-7", supplierIds: ["S-001", "S-011", "S-012"] },
      scored(clean, silentA, silentB),
      smelters,
      M,
    );
    expect(r.coverage, "1 of 3 answered").toBe(0.333);
    expect(r.dataGap).toBe(true);
    expect(r.suppliersAnswered).toBe(1);
    expect(r.score, "25 × (1 − 1/3); the answering supplier scores 0").toBe(16.7);
    expect(r.band).not.toBe("Low");
    expect(r.reasons.find((x) => x.factor === "coverage" && x.points > 0)?.evidence).toBe(
      "1 of 3 in-scope suppliers answered; no answer from Silent Supplier Ltd., Quiet Parts GmbH",
    );
  });

  it("shows the Data gap band when nobody answered, even though the score is low", () => {
    const model = { ...M, product: { ...M.product, coverageGap: 10 } };
    const r = scoreProduct(
      { product: "PCB-8", supplierIds: ["S-011", "S-012", "S-404"] },
      scored(silentA, silentB),
      smelters,
      model,
    );
    expect(r).toMatchObject({
      score: 10,
      band: "Data gap",
      coverage: 0,
      dataGap: true,
      suppliersInScope: 3,
      suppliersAnswered: 0,
    });
    expect(r.reasons[0]).toMatchObject({ override: "data-gap" });
  });

  it("treats a product with no in-scope suppliers as a data gap", () => {
    const r = scoreProduct({ product: "EMPTY", supplierIds: [] }, scored(), smelters, M);
    expect(r.dataGap).toBe(true);
    expect(r.coverage).toBe(0);
    expect(r.band).not.toBe("Low");
  });

  it("takes the worst answered supplier and reports breadth over reachable smelters", () => {
    const kivu = supplier(
      "S-002",
      "Kivu Components",
      declaration({
        smelterKeys: ["CID000004", "CID002593"],
        mineralsInScope: ["tungsten", "tin"],
        surveyCoverage: { tungsten: "100%", tin: "100%" },
      }),
    );
    const all = scored(clean, kivu);
    const r = scoreProduct({ product: "WF6-300", supplierIds: ["S-001", "S-002"] }, all, smelters, M);
    const worst = all.get("S-002")!.score.score!;
    expect(r.reasons.find((x) => x.factor === "worst-supplier")?.points, "40 × worst / 100").toBe(
      Math.round(4 * worst) / 10,
    );
    expect(r.reasons.find((x) => x.factor === "supplier-spread")?.points, "30 × mean of (0, worst) / 100").toBe(
      Math.round(1.5 * worst) / 10,
    );
    expect(r.reasons.find((x) => x.factor === "breadth")).toEqual({
      factor: "breadth",
      points: 10,
      evidence: "1 of 2 reachable smelters High or Critical (tin)",
    });
    expect(r.score).toBe(Math.round((Math.round(4 * worst) / 10 + Math.round(1.5 * worst) / 10 + 10) * 10) / 10);
  });

  it("makes a product Critical when any reachable smelter is Critical", () => {
    const ural = supplier(
      "S-003",
      "Ural Trading GmbH",
      declaration({ smelterKeys: ["CID003397"], mineralsInScope: ["tin"], surveyCoverage: { tin: "100%" } }),
    );
    const r = scoreProduct(
      { product: "SOLDER-1", supplierIds: ["S-001", "S-003", "S-011"] },
      scored(clean, ural, silentA),
      smelters,
      M,
    );
    expect(r.band).toBe("Critical");
    expect(r.score).toBe(100);
    expect(r.dataGap, "still flags missing answers").toBe(true);
    expect(r.reasons[0]?.evidence).toBe("reaches Critical smelter(s) Novosibirsk Tin Combine (CID003397)");
  });
});
