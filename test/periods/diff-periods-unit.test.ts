import { describe, expect, it } from "vitest";
import { diffPeriods, type PeriodSnapshot, type PeriodSmelter } from "../../src/periods/diff-periods.ts";

const sm = (key: string, over: Partial<PeriodSmelter> = {}): PeriodSmelter => ({
  key,
  cid: key,
  name: key,
  metal: "tin",
  rmiStatus: "conformant",
  sanctions: "clear",
  score: 0,
  band: "Low",
  ...over,
});
const snap = (period: string, smelters: PeriodSmelter[], suppliers: PeriodSnapshot["suppliers"]): PeriodSnapshot => ({
  period,
  runId: period === "2024" ? 1 : 2,
  asOf: `${period}-12-31`,
  modelVersion: "assay-risk-2.0.0",
  smelters,
  suppliers,
});

describe("diffPeriods", () => {
  it("reports a supplier when its band changes or its score moves by at least 10 points", () => {
    const a = snap(
      "2024",
      [],
      [
        { supplierId: "S-1", name: "Moved 9.9", score: 10, band: "Low" },
        { supplierId: "S-2", name: "Moved 10", score: 20, band: "Medium" },
        { supplierId: "S-3", name: "Band only", score: 44, band: "Medium" },
        { supplierId: "S-4", name: "Stopped answering", score: 12, band: "Low" },
        { supplierId: "S-5", name: "Only in 2024", score: 90, band: "High" },
      ],
    );
    const b = snap(
      "2025",
      [],
      [
        { supplierId: "S-1", name: "Moved 9.9", score: 19.9, band: "Low" },
        { supplierId: "S-2", name: "Moved 10", score: 30, band: "Medium" },
        { supplierId: "S-3", name: "Band only", score: 45, band: "High" },
        { supplierId: "S-4", name: "Stopped answering", score: null, band: "Data gap" },
      ],
    );
    expect(diffPeriods(a, b).supplierMoves.map((m) => m.supplierId)).toEqual(["S-2", "S-3", "S-4"]);
  });

  it("counts a sanctions hit as new only when the smelter was not already a hit", () => {
    const a = snap(
      "2024",
      [sm("CID000001", { sanctions: "hit" }), sm("CID000002", { sanctions: "review" }), sm("CID000009")],
      [],
    );
    const b = snap(
      "2025",
      [
        sm("CID000001", { sanctions: "hit" }),
        sm("CID000002", { sanctions: "hit" }),
        sm("CID000003", { sanctions: "hit" }),
      ],
      [],
    );
    const d = diffPeriods(a, b);
    expect(d.newSanctionsHits.map((s) => s.key)).toEqual(["CID000002", "CID000003"]);
    expect(d.newSmelters.map((s) => s.key)).toEqual(["CID000003"]);
    expect(d.droppedSmelters.map((s) => s.key)).toEqual(["CID000009"]);
    expect(d.statusChanges).toEqual([]);
  });
});
