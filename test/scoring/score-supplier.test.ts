import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MODEL as M } from "../../src/scoring/model.ts";
import type { SmelterScore } from "../../src/scoring/result.ts";
import { scoreSmelter } from "../../src/scoring/score-smelter.ts";
import { scoreSupplier, surveyCoverageClass } from "../../src/scoring/score-supplier.ts";
import { DRC, RWANDA, declaration, smelter, supplier } from "./_facts.ts";

const AS_OF = "2025-06-30";
const scores = (...list: SmelterScore[]) => new Map(list.map((s) => [s.key, s]));
const almt = scoreSmelter(smelter({ lastAuditDate: "2025-02-01" }), M, AS_OF);
const drcTin = scoreSmelter(
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
);
const sanctioned = scoreSmelter(
  smelter({ key: "CID003397", cid: "CID003397", name: "Novosibirsk Tin Combine", metal: "tin", sanctions: "hit" }),
  M,
  AS_OF,
);
const factor = (r: ReturnType<typeof scoreSupplier>, name: string) => r.reasons.find((x) => x.factor === name);

describe("scoreSupplier", () => {
  it("scores a clean declaration with conformant smelters Low", () => {
    const r = scoreSupplier(supplier("S-001", "Hokuriku Metals K.K.", declaration()), scores(almt), M, AS_OF);
    expect(r.score).toBe(0);
    expect(r.band).toBe("Low");
    expect(r.responded).toBe(true);
    expect(r.smelterCount).toBe(1);
  });

  it("weighs the share and severity of High and Critical smelters", () => {
    const d = declaration({
      smelterKeys: ["CID000004", "CID002593"],
      mineralsInScope: ["tungsten", "tin"],
      surveyCoverage: { tungsten: "100%", tin: "100%" },
    });
    const r = scoreSupplier(supplier("S-002", "Kivu Components", d), scores(almt, drcTin), M, AS_OF);
    expect(
      drcTin.score,
      "45 not participating + 10 located in a covered country + 5 governance; CAHRA and labour need a reported origin",
    ).toBe(60);
    expect(factor(r, "smelter-share")).toEqual({
      factor: "smelter-share",
      points: 25,
      evidence: "1 of 2 smelters High, Critical, excluded or unmatched: CID002593 (High)",
    });
    expect(factor(r, "smelter-severity")?.points, "15 × 60/100").toBe(9);
  });

  it("counts smelters that match nothing on the RMI list with the flagged ones: a clean programme with unverifiable smelters is not Low", () => {
    const ghost = (n: number) =>
      scoreSmelter(
        smelter({
          key: `unmatched:tin:ghost ${n}`,
          cid: null,
          name: `Ghost Tin Works ${n}`,
          metal: "tin",
          matched: false,
          status: "unknown",
        }),
        M,
        AS_OF,
      );
    const ghosts = [ghost(1), ghost(2)];
    expect(
      ghosts.map((g) => g.band),
      "an unmatched smelter alone reads Medium",
    ).toEqual(["Medium", "Medium"]);
    const d = declaration({
      smelterKeys: ghosts.map((g) => g.key),
      mineralsInScope: ["tin"],
      surveyCoverage: { tin: "100%" },
    });
    const r = scoreSupplier(supplier("S-009", "Opaque Metals", d), scores(...ghosts), M, AS_OF);
    expect(factor(r, "smelter-share")?.points, "2 of 2 unmatched × 50").toBe(50);
    expect(r.band).toBe("High");
  });

  it("reads a declaration without data (no Q1 answered Yes or No, no smelters) as a Data gap, not Low", () => {
    const blank = declaration({ mineralsInScope: [], mineralsAnswered: [], smelterKeys: [], surveyCoverage: {} });
    const r = scoreSupplier(supplier("S-010", "Blank Forms Ltd", blank), scores(), M, AS_OF);
    expect(r).toMatchObject({ band: "Data gap", score: null, responded: false });
    expect(r.reasons[0]?.evidence).toMatch(/answers question 1 for no mineral/);
    const declaresNone = scoreSupplier(
      supplier("S-011", "No 3TG GmbH", { ...blank, mineralsAnswered: ["tin", "gold", "tantalum", "tungsten"] }),
      scores(),
      M,
      AS_OF,
    );
    expect(declaresNone.responded, "answering No to every metal is an answer").toBe(true);
  });

  it("lifts a supplier with a Critical smelter to at least High", () => {
    const d = declaration({
      smelterKeys: ["CID000004", "CID000004", "CID000004", "CID003397"],
      mineralsInScope: ["tungsten", "tin"],
      surveyCoverage: { tungsten: "100%", tin: "100%" },
    });
    const r = scoreSupplier(supplier("S-003", "Ural Trading GmbH", d), scores(almt, sanctioned), M, AS_OF);
    expect(r.band).toBe("High");
    expect(r.score).toBeGreaterThanOrEqual(45);
    expect(r.reasons[0]).toMatchObject({ factor: "critical-smelter", override: "floor" });
  });

  it("applies the strong-programme test by meaning: policy, due-diligence measures, review, corrective action (A, D, F, G on CMRT 6.x); the filing question H is not part of it", () => {
    const notFiler = scoreSupplier(
      supplier(
        "S-006",
        "Acme",
        declaration({
          programme: {
            policy: "Yes",
            "due-diligence-measures": "Yes",
            "review-suppliers": "Yes",
            "corrective-action": "Yes",
            "sec-eu-filer": "No",
          },
        }),
      ),
      scores(almt),
      M,
      AS_OF,
    );
    expect(factor(notFiler, "programme"), "H = No (not an SEC/EU filer) is no weakness").toBeUndefined();
    const weak = scoreSupplier(
      supplier(
        "S-004",
        "Acme",
        declaration({
          programme: {
            policy: "Yes",
            "due-diligence-measures": "No",
            "survey-suppliers": "Yes",
            "review-suppliers": "No",
            "corrective-action": "Yes",
            "sec-eu-filer": "Yes, with the SEC",
          },
        }),
      ),
      scores(almt),
      M,
      AS_OF,
    );
    expect(factor(weak, "programme")).toEqual({
      factor: "programme",
      points: 15,
      evidence:
        "weak programme: no Yes to due-diligence measures implemented; supplier information reviewed against expectations (strong = Yes to responsible minerals sourcing policy; due-diligence measures implemented; supplier information reviewed against expectations; corrective-action management)",
    });
    const emrt = declaration({
      template: "EMRT",
      programme: {
        policy: "Yes",
        "due-diligence-measures": "Yes",
        "review-suppliers": "Yes",
        "corrective-action": "Yes",
      },
    });
    expect(factor(scoreSupplier(supplier("S-005", "Acme", emrt), scores(almt), M, AS_OF), "programme")).toBeUndefined();
  });

  it("reads the origin answers: CAHRA Yes without due-diligence measures is High, Unknown adds points", () => {
    const noDd = {
      policy: "Yes",
      "due-diligence-measures": "No",
      "review-suppliers": "Yes",
      "corrective-action": "Yes",
    };
    const cahra = declaration({
      origin: { tungsten: { covered: "No", cahra: "Yes", recycled: "No" } },
      programme: noDd,
    });
    const r = scoreSupplier(supplier("S-012", "Kivu Components", cahra), scores(almt), M, AS_OF);
    expect(factor(r, "sourcing")?.points).toBe(30);
    expect(factor(r, "sourcing")?.evidence).toBe(
      "declares sourcing tungsten from CAHRAs without answering Yes to due-diligence measures",
    );
    expect(r.band, "Q4 = Yes with D = No").toBe("High");
    const managed = scoreSupplier(
      supplier(
        "S-012",
        "Kivu Components",
        declaration({ origin: { tungsten: { covered: "Yes", cahra: "Yes", recycled: "No" } } }),
      ),
      scores(almt),
      M,
      AS_OF,
    );
    expect(factor(managed, "sourcing")?.points, "declared and under due diligence").toBe(5);
    const unknown = scoreSupplier(
      supplier(
        "S-013",
        "Acme",
        declaration({ origin: { tungsten: { covered: "Unknown", cahra: null, recycled: null } } }),
      ),
      scores(almt),
      M,
      AS_OF,
    );
    expect(factor(unknown, "sourcing")?.evidence).toBe(
      "origin answered Unknown or left blank for tungsten (covered countries), tungsten (CAHRAs)",
    );
  });

  it("checks a 100% recycled claim against the Smelter List, and a No to covered countries against reported origin", () => {
    const claim = declaration({
      origin: { tungsten: { covered: "No", cahra: "No", recycled: "Yes" } },
      smelterRows: { tungsten: { rows: 3, recycled: 1 } },
    });
    expect(factor(scoreSupplier(supplier("S-014", "Acme", claim), scores(almt), M, AS_OF), "recycled-claim")).toEqual({
      factor: "recycled-claim",
      points: 10,
      evidence:
        "declares 100% recycled or scrap tungsten, but 2 of 3 tungsten Smelter List rows are not marked recycled",
    });
    const rwandaW = scoreSmelter(
      smelter({
        key: "CID000105",
        cid: "CID000105",
        name: "Kennametal Huntsville",
        mineCountries: [RWANDA],
        status: "not-participating",
      }),
      M,
      AS_OF,
    );
    const r = scoreSupplier(
      supplier("S-015", "Acme", declaration({ smelterKeys: ["CID000105"] })),
      scores(rwandaW),
      M,
      AS_OF,
    );
    expect(factor(r, "sourcing")?.points).toBe(10);
    expect(factor(r, "sourcing")?.evidence).toContain(
      "answers No to covered countries for tungsten, yet 1 listed tungsten smelter(s) report such origin (CID000105)",
    );
  });

  it("counts declaration findings by severity, capped", () => {
    const r = scoreSupplier(
      supplier("S-006", "Acme", declaration({ findings: { error: 2, warning: 3 } })),
      scores(almt),
      M,
      AS_OF,
    );
    expect(factor(r, "declaration-quality")?.points).toBe(13);
    const many = scoreSupplier(
      supplier("S-006", "Acme", declaration({ findings: { error: 9, warning: 0 } })),
      scores(almt),
      M,
      AS_OF,
    );
    expect(factor(many, "declaration-quality")?.points).toBe(15);
  });

  it.each([
    [1 as unknown as string, "full"],
    ["100%", "full"],
    ["Greater than 90%", "over90"],
    ["Greater than 75%", "over75"],
    ["Greater than 50%", "over50"],
    ["50% or less", "atMost50"],
    ["None", "none"],
    ["Did not survey", "none"],
    [null, "missing"],
    ["ABC", "missing"],
  ])("classifies the Q6/Q5 answer %s as %s", (answer, cls) => {
    expect(surveyCoverageClass(answer === null ? null : String(answer))).toBe(cls);
  });

  it("takes the worst survey coverage across in-scope minerals", () => {
    const d = declaration({
      mineralsInScope: ["tungsten", "tin"],
      surveyCoverage: { tungsten: "Greater than 90%", tin: "50% or less" },
    });
    const r = scoreSupplier(supplier("S-007", "Acme", d), scores(almt), M, AS_OF);
    expect(factor(r, "survey-coverage")).toEqual({
      factor: "survey-coverage",
      points: 12,
      evidence: 'supplier survey response rate for tin: "50% or less"',
    });
  });

  it("flags Q7/Q8 = No and an empty smelter list for declared minerals", () => {
    const d = declaration({ smelterKeys: [], incompleteSmelterList: ["tungsten"] });
    const r = scoreSupplier(supplier("S-008", "Acme", d), scores(), M, AS_OF);
    expect(factor(r, "incomplete-smelter-list")?.points).toBe(5);
    expect(factor(r, "no-smelters")?.points).toBe(15);
  });

  it("marks declarations older than 12 months before asOf as stale (29 Feb edge)", () => {
    const at = (effectiveDate: string | null, asOf: string) =>
      factor(
        scoreSupplier(supplier("S-009", "Acme", declaration({ effectiveDate })), scores(almt), M, asOf),
        "staleness",
      )?.points;
    expect(at("2024-02-29", "2025-02-28"), "exactly 12 months").toBeUndefined();
    expect(at("2024-02-29", "2025-03-01"), "12 months and a day").toBe(10);
    expect(at(null, "2025-03-01"), "no effective date").toBe(5);
  });

  it("gives a non-responding supplier no score and the Data gap band, never Low", () => {
    const r = scoreSupplier(supplier("S-010", "Silent Supplier Ltd.", null), scores(almt), M, AS_OF);
    expect(r).toMatchObject({ score: null, band: "Data gap", responded: false });
    expect(r.reasons[0]?.evidence).toBe("no declaration received from Silent Supplier Ltd.");
  });
});
