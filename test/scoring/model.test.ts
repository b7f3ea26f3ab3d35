import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRiskModel, resolveRiskModel } from "../../src/scoring/load-model.ts";
import { DEFAULT_RISK_MODEL, RiskModel } from "../../src/scoring/model.ts";

describe("risk model configuration", () => {
  it("validates the published default", () => {
    expect(RiskModel.safeParse(DEFAULT_RISK_MODEL).success).toBe(true);
    expect(loadRiskModel(undefined)).toEqual(DEFAULT_RISK_MODEL);
  });

  it("deep-merges a partial override and keeps every other default", () => {
    const m = resolveRiskModel({ version: "acme-2025", bands: { high: 50 }, smelter: { mineral: { copper: 5 } } });
    expect(m.bands).toEqual({ medium: 20, high: 50 });
    expect(m.smelter.mineral).toEqual({ cobalt: 10, mica: 10, copper: 5 });
    expect(m.smelter.status).toEqual(DEFAULT_RISK_MODEL.smelter.status);
    expect(m.version).toBe("acme-2025");
  });

  it("names the bad key and echoes the value", () => {
    expect(() =>
      resolveRiskModel({ smelter: { status: { active: "15" } } }, "risk-model.json"),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AssayError: risk-model.json: smelter.status.active: Invalid input: expected number, received string: "15"]`,
    );
    expect(() => resolveRiskModel({ smelter: { stauts: {} } }, "risk-model.json")).toThrowErrorMatchingInlineSnapshot(
      `[AssayError: risk-model.json: smelter.stauts: unknown key (expected one of status, freshness, sanctions, location, origin, dueDiligenceResidual, recycled, adverseEvidence, mineral)]`,
    );
    expect(() => resolveRiskModel({ bands: { medium: 60 } }, "risk-model.json")).toThrowError(
      "risk-model.json: bands: medium must not exceed high",
    );
  });

  it("reads an override file and reports invalid JSON by file name", () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-model-"));
    try {
      const good = join(dir, "risk-model.json");
      writeFileSync(good, JSON.stringify({ supplier: { staleAfterMonths: 18 } }));
      const m = loadRiskModel(good);
      expect(m.supplier.staleAfterMonths).toBe(18);
      expect(m.version, "changed weights never claim the published version").toBe("assay-risk-2.0.0+custom");
      const bad = join(dir, "bad.json");
      writeFileSync(bad, "{ smelter: }");
      expect(() => loadRiskModel(bad)).toThrowError(/bad\.json: invalid JSON/);
      expect(() => loadRiskModel(join(dir, "missing.json"))).toThrowError(/missing\.json: risk model file not found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
