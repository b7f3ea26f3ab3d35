import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MODEL, type RiskModel } from "../../src/scoring/model.ts";
import { flattenModel } from "../../src/site/data/method-data.ts";
import { describeModel, describeStoredModel } from "../../src/site/data/method-text.ts";

describe("Method page text", () => {
  it("states every parameter of the model, so the page cannot drift from the model", () => {
    const stated = new Set(describeModel(DEFAULT_RISK_MODEL).flatMap((s) => s.params));
    const leaves = flattenModel(DEFAULT_RISK_MODEL).map((r) => r.parameter);
    expect(
      leaves.filter((l) => !stated.has(l)),
      "parameters the Method page does not describe",
    ).toEqual([]);
    expect(
      [...stated].filter((p) => !leaves.includes(p)),
      "described parameters the model does not have",
    ).toEqual([]);
  });

  it("quotes the figures of the model it is given, not fixed ones", () => {
    const model: RiskModel = structuredClone(DEFAULT_RISK_MODEL);
    model.version = "custom-7";
    model.bands.high = 52;
    model.smelter.origin.coveredCountry = 23;
    model.smelter.dueDiligenceResidual.validated = 0.3;
    const text = describeModel(model)
      .map((s) => `${s.title}: ${s.text}`)
      .join("\n");
    expect(text).toContain("High from 52");
    expect(text).toContain("add 23 for a Dodd-Frank covered country (3TG only)");
    expect(text).toContain("keeps 30% when conformant with a current audit");
    expect(text).toContain("Model version custom-7.");
    const standard = describeModel(DEFAULT_RISK_MODEL)
      .map((s) => s.text)
      .join("\n");
    expect(standard).toContain("High from 45");
    expect(standard).toContain("Model version assay-risk-2.0.0.");
    expect(standard).toContain("below 80% coverage a product that would read Low shows Data gap");
  });

  it("describes nothing for a stored model this version cannot read (the parameter table still lists it)", () => {
    expect(describeStoredModel({ version: "1.0.0", bands: { medium: 20, high: 45 } })).toBeNull();
    expect(describeStoredModel(JSON.parse(JSON.stringify(DEFAULT_RISK_MODEL)))?.length).toBeGreaterThan(5);
  });
});
