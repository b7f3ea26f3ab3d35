import { describe, expect, it } from "vitest";
import { countryRisk } from "../../src/country-risk/country-risk.ts";
import { mineRisks } from "../../src/country-risk/smelter-country-risk.ts";
import { loadCountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";
import type { CountryRisk } from "../../src/scoring/facts.ts";
import { DEFAULT_RISK_MODEL as M } from "../../src/scoring/model.ts";
import type { SmelterScore } from "../../src/scoring/result.ts";
import { scoreProduct } from "../../src/scoring/score-product.ts";
import { scoreSmelter } from "../../src/scoring/score-smelter.ts";
import { scoreSupplier } from "../../src/scoring/score-supplier.ts";
import { declaration, smelter, supplier } from "./_facts.ts";

// The cases of the model review (issue "risk scores an OECD/RMI expert would sign"), on the shipped country datasets.
const data = loadCountryRiskDatasets();
const country = (iso2: string, metal: string): CountryRisk => {
  const r = countryRisk(iso2, metal, data);
  return {
    iso2: r.iso2,
    name: r.name,
    covered: r.covered,
    cahra: r.cahra,
    childLabour: r.childLabour,
    forcedLabour: r.forcedLabour,
    governancePercentile: r.governancePercentile,
  };
};
const AS_OF = "2025-12-31";
const factors = (s: SmelterScore) => s.reasons.map((r) => r.factor);
const STRONG = {
  policy: "Yes",
  "due-diligence-measures": "Yes",
  "survey-suppliers": "Yes",
  "review-suppliers": "Yes",
  "corrective-action": "Yes",
};

describe("expert cases", () => {
  it("a freshly audited conformant tin smelter in the DRC scores Low, below a non-participating refiner in Switzerland (High)", () => {
    const drc = scoreSmelter(
      smelter({
        key: "CID002593",
        cid: "CID002593",
        name: "Mining Minerals Resources SARL",
        metal: "tin",
        lastAuditDate: "2025-09-01",
        location: country("CD", "tin"),
        mineCountries: [country("CD", "tin")],
      }),
      M,
      AS_OF,
    );
    const swiss = scoreSmelter(
      smelter({
        key: "CID000000",
        cid: "CID000000",
        name: "Alpine Gold Refinery SA",
        metal: "gold",
        status: "not-participating",
        lastAuditDate: null,
        location: country("CH", "gold"),
      }),
      M,
      AS_OF,
    );
    expect(drc.band, JSON.stringify(drc.reasons)).toBe("Low");
    expect(swiss.band).toBe("High");
    expect(drc.score).toBeLessThan(swiss.score);
    expect(factors(drc)).toContain("due-diligence-mitigation");
  });

  it("an audit expired for years costs more than Active, and more than an audit that lapsed last month", () => {
    const base = { metal: "tin", location: country("MY", "tin") };
    const active = scoreSmelter(smelter({ ...base, status: "active" }), M, AS_OF);
    const lapsed = scoreSmelter(smelter({ ...base, lastAuditDate: "2024-11-15" }), M, AS_OF);
    const years = scoreSmelter(smelter({ ...base, lastAuditDate: "2021-05-01" }), M, AS_OF);
    expect(lapsed.score).toBeGreaterThan(active.score);
    expect(years.score).toBeGreaterThan(lapsed.score);
    expect(years.band).toBe("Medium");
  });

  it("a supplier's '100% recycled' claim does not lower a non-participating refiner's risk", () => {
    const facts = { metal: "gold", status: "not-participating" as const, location: country("AE", "gold") };
    expect(scoreSmelter(smelter({ ...facts, recycled: true }), M, AS_OF).score).toBe(
      scoreSmelter(smelter(facts), M, AS_OF).score,
    );
  });

  it("CAHRA comes from reported origin: Mexican and Indian facilities without reported origin get no CAHRA points", () => {
    for (const [iso2, metal] of [
      ["MX", "gold"],
      ["IN", "gold"],
    ] as const) {
      const r = scoreSmelter(smelter({ metal, status: "not-participating", location: country(iso2, metal) }), M, AS_OF);
      expect(
        factors(r).filter((f) => f.endsWith("-cahra")),
        iso2,
      ).toEqual([]);
    }
    const withOrigin = scoreSmelter(
      smelter({
        metal: "gold",
        status: "not-participating",
        location: country("CH", "gold"),
        mineCountries: [country("MX", "gold")],
      }),
      M,
      AS_OF,
    );
    expect(factors(withOrigin)).toContain("origin-cahra");
  });

  it("the DRC (all 26 provinces listed) is a whole-country CAHRA and does not score below Burundi", () => {
    const from = (iso2: string) =>
      scoreSmelter(
        smelter({
          metal: "tin",
          status: "not-participating",
          location: country("MY", "tin"),
          mineCountries: [country(iso2, "tin")],
        }),
        M,
        AS_OF,
      );
    const drc = from("CD");
    expect(drc.reasons.find((r) => r.factor === "origin-cahra")?.points).toBe(M.smelter.origin.cahraCountry);
    expect(drc.score).toBeGreaterThanOrEqual(from("BI").score);
  });

  it("the Dodd-Frank covered-country factor applies to 3TG only: not to cobalt or copper", () => {
    for (const metal of ["cobalt", "copper"]) {
      const r = scoreSmelter(
        smelter({
          metal,
          status: "not-participating",
          location: country("ZM", metal),
          mineCountries: [country("CD", metal)],
        }),
        M,
        AS_OF,
      );
      expect(
        factors(r).filter((f) => f.endsWith("-covered")),
        metal,
      ).toEqual([]);
    }
  });

  it("location and origin do not count the same country twice", () => {
    const r = scoreSmelter(
      smelter({
        metal: "tin",
        status: "not-participating",
        location: country("RW", "tin"),
        mineCountries: [country("RW", "tin")],
      }),
      M,
      AS_OF,
    );
    const parts = factors(r)
      .filter((f) => /^(location|origin)-/.test(f))
      .map((f) => f.split("-")[1]);
    expect(new Set(parts).size).toBe(parts.length);
  });

  it("a ~40-country boilerplate mine list is not propagated as any smelter's origin", () => {
    const boilerplate =
      "Australia, Bolivia, Brazil, Burundi, Canada, China, Colombia, Congo, Democratic Republic of the, Ecuador, Ghana, Guyana, India, Indonesia, Kenya, Malaysia, Mexico, Mongolia, Myanmar, Nigeria, Peru, Portugal, Russia, Rwanda, Sierra Leone, South Africa, Spain, Thailand, Uganda, Zimbabwe";
    expect(mineRisks({ cid: "CID001070", metal: "tin" }, [{ text: boilerplate, source: "row 5" }], data)).toEqual([]);
  });

  it("programme strength is read by meaning: H (SEC/EU filer) = No is no weakness; D = No and F = No are", () => {
    const almt = scoreSmelter(smelter({ lastAuditDate: "2025-06-01" }), M, AS_OF);
    const smelters = new Map([[almt.key, almt]]);
    const score = (programme: Record<string, string>) =>
      scoreSupplier(
        supplier("S-1", "Acme", declaration({ effectiveDate: "2025-05-01", programme })),
        smelters,
        M,
        AS_OF,
      );
    expect(score({ ...STRONG, "sec-eu-filer": "No" }).band).toBe("Low");
    const weak = score({
      ...STRONG,
      "due-diligence-measures": "No",
      "review-suppliers": "No",
      "sec-eu-filer": "Yes, with the SEC",
    });
    expect(weak.reasons.find((r) => r.factor === "programme")?.points).toBe(15);
  });

  it("Q4 CAHRA = Yes with due-diligence measures (D) = No is High, not Low", () => {
    const almt = scoreSmelter(smelter({ lastAuditDate: "2025-06-01" }), M, AS_OF);
    const r = scoreSupplier(
      supplier(
        "S-2",
        "Kivu Components",
        declaration({
          effectiveDate: "2025-05-01",
          programme: { ...STRONG, "due-diligence-measures": "No" },
          origin: { tungsten: { covered: "No", cahra: "Yes", recycled: "No" } },
        }),
      ),
      new Map([[almt.key, almt]]),
      M,
      AS_OF,
    );
    expect(r.band).toBe("High");
  });

  it("staleness is measured against the period end: a March 2025 declaration is current for 2025, stale for 2026", () => {
    const almt = scoreSmelter(smelter({ lastAuditDate: "2025-06-01" }), M, AS_OF);
    const s = supplier("S-3", "Acme", declaration({ effectiveDate: "2025-03-14" }));
    const at = (asOf: string) =>
      scoreSupplier(s, new Map([[almt.key, almt]]), M, asOf).reasons.find((r) => r.factor === "staleness");
    expect(at("2025-12-31")).toBeUndefined();
    expect(at("2026-12-31")?.points).toBe(10);
  });

  it("product risk ranks: products over the same population land in different bands by their supply base", () => {
    const clean = scoreSmelter(smelter({ lastAuditDate: "2025-06-01" }), M, AS_OF);
    const risky = scoreSmelter(
      smelter({
        key: "CID009999",
        cid: "CID009999",
        name: "Unaudited Tin Works",
        metal: "tin",
        status: "not-participating",
        location: country("MM", "tin"),
        mineCountries: [country("MM", "tin")],
      }),
      M,
      AS_OF,
    );
    const smelters = new Map([
      [clean.key, clean],
      [risky.key, risky],
    ]);
    const decl = (keys: string[]) =>
      declaration({
        effectiveDate: "2025-05-01",
        smelterKeys: keys,
        mineralsInScope: ["tungsten", "tin"],
        surveyCoverage: { tungsten: "100%", tin: "100%" },
      });
    const facts = [
      supplier("A", "Clean A", decl([clean.key])),
      supplier("B", "Clean B", decl([clean.key])),
      supplier("C", "Clean C", decl([clean.key])),
      supplier("R", "Risky R", decl([clean.key, risky.key])),
      supplier("X", "Risky X", decl([risky.key])),
      supplier("Q", "Silent Q", null),
    ];
    const scored = new Map(facts.map((f) => [f.supplierId, { facts: f, score: scoreSupplier(f, smelters, M, AS_OF) }]));
    const product = (ids: string[]) => scoreProduct({ product: ids.join(""), supplierIds: ids }, scored, smelters, M);
    const low = product(["A", "B", "C"]);
    const medium = product(["A", "B", "C", "R"]);
    const high = product(["R", "X", "Q"]);
    expect([low.band, medium.band, high.band]).toEqual(["Low", "Medium", "High"]);
    expect(low.score).toBeLessThan(medium.score);
    expect(medium.score).toBeLessThan(high.score);
  });
});
