import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MODEL as M } from "../../src/scoring/model.ts";
import { round1 } from "../../src/scoring/result.ts";
import { scoreSmelter } from "../../src/scoring/score-smelter.ts";
import { DRC, INDIA_MICA, JAPAN, RWANDA, smelter } from "./_facts.ts";

const factor = (r: ReturnType<typeof scoreSmelter>, name: string) => r.reasons.find((x) => x.factor === name);

describe("scoreSmelter: RMI status", () => {
  it("scores a conformant smelter with a fresh audit in a low-risk country as 0, Low, with its reasons", () => {
    const r = scoreSmelter(smelter(), M, "2024-06-30");
    expect(r.score, "conformant + fresh + Japan").toBe(0);
    expect(r.band).toBe("Low");
    expect(factor(r, "rmi-status")).toEqual({
      factor: "rmi-status",
      points: 0,
      evidence: "CID000004 is RMAP Conformant",
    });
    expect(factor(r, "audit-freshness")?.evidence).toBe(
      "audit valid until 2025-02-28 (last audit 2024-02-29, 12-month cycle)",
    );
    expect(r.flags).toEqual([]);
  });

  it.each([
    ["active", 15, "Low"],
    ["not-participating", 45, "High"],
    ["unknown", 35, "Medium"],
  ] as const)("status %s adds %i points", (status, points, band) => {
    const r = scoreSmelter(smelter({ status }), M, "2024-06-30");
    expect(r.score, status).toBe(points);
    expect(r.band).toBe(band);
  });

  it("flags an unmatched smelter and names the supplier's text", () => {
    const r = scoreSmelter(
      smelter({
        key: "unmatched:tin:xyz smelting",
        cid: null,
        name: "XYZ Smelting",
        metal: "tin",
        matched: false,
        status: "unknown",
        location: null,
      }),
      M,
      "2024-06-30",
    );
    expect(r.score).toBe(35);
    expect(r.flags).toContain("unmatched");
    expect(factor(r, "rmi-status")?.evidence).toBe(
      '"XYZ Smelting" (tin) does not match any smelter on the RMI reference list',
    );
  });

  it("excludes removed and non-operating facilities but still shows their weighted score and a data-quality flag", () => {
    for (const status of ["removed", "not-operating"] as const) {
      const r = scoreSmelter(smelter({ status }), M, "2024-06-30");
      expect(r.band, status).toBe("Excluded");
      expect(r.score, status).toBe(45);
      expect(r.flags).toContain(status);
      expect(r.reasons[0]?.override).toBe("exclude");
    }
  });
});

describe("scoreSmelter: audit freshness relative to asOf (29 Feb audit, 1-year cycle → valid until 28 Feb 2025)", () => {
  it.each([
    ["2025-01-28", 0, "31 days left: fresh"],
    ["2025-01-29", 5, "30 days left: expiring"],
    ["2025-02-28", 5, "last valid day: expiring"],
    ["2025-03-01", 20, "one day after: expired, more than Active (15)"],
    ["2026-02-28", 20, "twelve months after: still expired"],
    ["2026-03-01", 30, "more than twelve months after: long expired"],
  ])("as of %s → %i points (%s)", (asOf, points) => {
    const r = scoreSmelter(smelter(), M, asOf);
    expect(factor(r, "audit-freshness")?.points, asOf).toBe(points);
    expect(r.score).toBe(points);
  });

  it("weighs an expired audit less when a re-audit is in progress", () => {
    const r = scoreSmelter(smelter({ reauditInProgress: true }), M, "2025-06-01");
    expect(factor(r, "audit-freshness")?.points).toBe(10);
    expect(factor(r, "audit-freshness")?.evidence).toContain("re-audit in progress");
  });

  it("uses the audit cycle: a 36-month cycle from 9 Mar 2021 expired on 9 Mar 2024", () => {
    const s = smelter({ lastAuditDate: "2021-03-09", auditCycleMonths: 36 });
    expect(scoreSmelter(s, M, "2024-03-09").score).toBe(5);
    expect(scoreSmelter(s, M, "2024-03-10").score).toBe(20);
  });

  it("flags a conformant smelter without an audit date", () => {
    const r = scoreSmelter(smelter({ lastAuditDate: null }), M, "2024-06-30");
    expect(r.score).toBe(5);
    expect(r.flags).toEqual(["audit-date-unknown"]);
  });

  it("ignores freshness for smelters that are not conformant", () => {
    const r = scoreSmelter(smelter({ status: "active", lastAuditDate: "2019-01-01" }), M, "2024-06-30");
    expect(factor(r, "audit-freshness")).toBeUndefined();
  });
});

describe("scoreSmelter: cross-recognition (LBMA, RJC)", () => {
  const gold = { key: "CID000035", cid: "CID000035", name: "Asahi Refining Canada Ltd.", metal: "gold" };
  it("counts an LBMA or RJC audit in place of RMAP participation", () => {
    const active = scoreSmelter(smelter({ ...gold, status: "active", lbma: true }), M, "2024-06-30");
    expect(active.score).toBe(5);
    expect(factor(active, "cross-recognition")?.evidence).toBe(
      "CID000035 is RMAP Active (assessment under way) but cross-recognised through LBMA",
    );
    expect(scoreSmelter(smelter({ ...gold, status: "not-participating", rjc: true }), M, "2024-06-30").score).toBe(5);
  });
  it("caps a lapsed RMAP audit at the cross-recognition points", () => {
    const r = scoreSmelter(smelter({ ...gold, lbma: true }), M, "2025-06-01");
    expect(r.score).toBe(5);
  });
});

describe("scoreSmelter: sanctions", () => {
  it("makes a hit Critical (score 100) whatever else is true", () => {
    const r = scoreSmelter(
      smelter({ sanctions: "hit", sanctionsEvidence: "OFAC SDN 31551 (RUSSIA-EO14024)" }),
      M,
      "2024-06-30",
    );
    expect(r.band).toBe("Critical");
    expect(r.score).toBe(100);
    expect(r.reasons[0]).toEqual({
      factor: "sanctions",
      points: 0,
      override: "critical",
      evidence: "sanctions hit: OFAC SDN 31551 (RUSSIA-EO14024)",
    });
  });
  it("lets Critical win over exclusion", () => {
    expect(scoreSmelter(smelter({ sanctions: "hit", status: "removed" }), M, "2024-06-30").band).toBe("Critical");
  });
  it("adds points for a possible match under review", () => {
    const r = scoreSmelter(
      smelter({ sanctions: "review", sanctionsEvidence: "name similar to an SDN entry" }),
      M,
      "2024-06-30",
    );
    expect(r.score).toBe(20);
    expect(r.band).toBe("Medium");
  });
});

describe("scoreSmelter: location and reported mine countries", () => {
  const tin = {
    key: "CID002593",
    cid: "CID002593",
    name: "Mining Minerals Resources SARL",
    metal: "tin",
    status: "not-participating" as const,
  };
  it("counts only the covered-country red flag and governance for the smelter's own country (its country is not the ore's origin)", () => {
    const r = scoreSmelter(smelter({ ...tin, location: DRC }), M, "2024-06-30");
    expect(factor(r, "location-covered")?.points).toBe(10);
    expect(factor(r, "location-governance")?.points).toBe(5);
    expect(factor(r, "location-cahra"), "CAHRA comes from reported origin").toBeUndefined();
    expect(factor(r, "location-labour"), "ILAB goods are mine output: origin only").toBeUndefined();
    expect(r.score).toBe(45 + 10 + 5);
  });
  it("counts the worst reported mine country per part, CAHRA and labour included", () => {
    const r = scoreSmelter(smelter({ ...tin, location: JAPAN, mineCountries: [JAPAN, RWANDA, DRC] }), M, "2024-06-30");
    expect(factor(r, "origin-covered")?.evidence).toBe(
      "reported mine country: Rwanda (RW) is a Dodd-Frank covered country",
    );
    expect(factor(r, "origin-cahra")?.points).toBe(5);
    expect(factor(r, "origin-labour")?.evidence).toBe(
      "reported mine country: ILAB lists tin from Congo, Democratic Republic of the (CD) as made with child and forced labour",
    );
    expect(r.score).toBe(45 + 15 + 5 + 20 + 10);
  });
  it("counts a country that is both location and origin once per part", () => {
    const r = scoreSmelter(smelter({ ...tin, location: DRC, mineCountries: [DRC] }), M, "2024-06-30");
    expect(r.reasons.filter((x) => x.factor.endsWith("-covered")).map((x) => [x.factor, x.points])).toEqual([
      ["origin-covered", 15],
    ]);
    expect(r.reasons.filter((x) => x.factor.endsWith("-governance")).map((x) => [x.factor, x.points])).toEqual([
      ["origin-governance", 10],
    ]);
  });
  it("applies the Dodd-Frank covered-country factor to 3TG only", () => {
    const cobalt = scoreSmelter(
      smelter({ ...tin, metal: "cobalt", location: RWANDA, mineCountries: [RWANDA] }),
      M,
      "2024-06-30",
    );
    expect(
      cobalt.reasons.some((x) => x.factor.endsWith("-covered")),
      "cobalt from Rwanda",
    ).toBe(false);
    const copper = scoreSmelter(
      smelter({ ...tin, metal: "copper", location: DRC, mineCountries: [DRC] }),
      M,
      "2024-06-30",
    );
    expect(
      copper.reasons.some((x) => x.factor.endsWith("-covered")),
      "copper from the DRC",
    ).toBe(false);
  });
  it("scales governance linearly with the WGI percentile", () => {
    const r = scoreSmelter(smelter({ ...tin, location: { ...JAPAN, governancePercentile: 20 } }), M, "2024-06-30");
    expect(factor(r, "location-governance")?.points).toBe(4);
  });
});

describe("scoreSmelter: validated due diligence mitigates origin risk", () => {
  const tin = {
    key: "CID002593",
    cid: "CID002593",
    name: "Mining Minerals Resources SARL",
    metal: "tin",
    location: DRC,
    mineCountries: [DRC],
  };
  it("keeps 25% of the country points for a conformant smelter with a current audit, 75% for an Active one", () => {
    const conformant = scoreSmelter(smelter(tin), M, "2024-06-30");
    const exposure = 15 + 5 + 20 + 10;
    expect(factor(conformant, "due-diligence-mitigation")?.points).toBe(-exposure * 0.75);
    expect(conformant.score).toBe(exposure * 0.25);
    const active = scoreSmelter(smelter({ ...tin, status: "active" }), M, "2024-06-30");
    expect(active.score).toBe(15 + exposure * 0.75);
  });
  it("gives no mitigation once the audit has lapsed without a re-audit", () => {
    const r = scoreSmelter(smelter(tin), M, "2025-06-30");
    expect(factor(r, "due-diligence-mitigation")).toBeUndefined();
    expect(scoreSmelter(smelter({ ...tin, reauditInProgress: true }), M, "2025-06-30").score).toBe(10 + 50 * 0.5);
  });
});

describe("scoreSmelter: feedstock, mineral and adverse evidence", () => {
  it("credits 100% recycled feedstock only for an audited facility, never below 0", () => {
    const origin = { mineCountries: [RWANDA], metal: "tin" };
    expect(scoreSmelter(smelter({ ...origin, recycled: true }), M, "2024-06-30").score).toBe(0);
    const np = scoreSmelter(smelter({ ...origin, status: "not-participating", recycled: true }), M, "2024-06-30");
    expect(np.score, "a supplier's claim about a non-participating refiner").toBe(45 + 15);
    expect(factor(np, "recycled")).toEqual({
      factor: "recycled",
      points: 0,
      evidence: expect.stringContaining("no credit"),
    });
    expect(scoreSmelter(smelter({ ...origin, status: "active", recycled: true }), M, "2024-06-30").score).toBe(26.2); // 15 + 15 × 0.75, rounded to one decimal
  });
  it("adds child-labour exposure for cobalt and mica", () => {
    const mica = scoreSmelter(
      smelter({
        key: "CID003621",
        cid: "CID003621",
        name: "DARUKA INTERNATIONAL",
        metal: "mica",
        status: "not-participating",
        lastAuditDate: null,
        location: INDIA_MICA,
      }),
      M,
      "2024-06-30",
    );
    expect(factor(mica, "mineral")?.points).toBe(10);
    expect(mica.score).toBe(45 + 10);
    expect(factor(scoreSmelter(smelter({ metal: "cobalt" }), M, "2024-06-30"), "mineral")?.points).toBe(10);
    expect(factor(scoreSmelter(smelter({ metal: "tin" }), M, "2024-06-30"), "mineral")).toBeUndefined();
  });
  it("adds points for grievances or adverse media", () => {
    const r = scoreSmelter(smelter({ adverseFlags: ["MGP grievance 2024-017"] }), M, "2024-06-30");
    expect(factor(r, "adverse-evidence")).toEqual({
      factor: "adverse-evidence",
      points: 15,
      evidence: "MGP grievance 2024-017",
    });
  });
});

describe("scoreSmelter: bands", () => {
  it.each([
    [19.9, "Low"],
    [20, "Medium"],
    [44.9, "Medium"],
    [45, "High"],
  ])("governance-only score %f is %s", (score, band) => {
    const model = {
      ...M,
      smelter: {
        ...M.smelter,
        location: { ...M.smelter.location, governance: score },
        dueDiligenceResidual: { validated: 1, reauditInProgress: 1, active: 1 },
      },
    };
    const r = scoreSmelter(smelter({ location: { ...JAPAN, governancePercentile: 0 } }), model, "2024-06-30");
    expect(r.score).toBe(score);
    expect(r.band).toBe(band);
  });
  it("keeps weighted reasons summing to the score", () => {
    const r = scoreSmelter(
      smelter({ status: "active", location: RWANDA, mineCountries: [DRC], metal: "cobalt" }),
      M,
      "2024-06-30",
    );
    expect(round1(r.reasons.reduce((s, x) => s + x.points, 0))).toBe(r.score);
  });
});
