import { mulberry32 } from "../../src/generate/rng.ts";
import { describe, expect, it } from "vitest";
import type { CountryRisk, DeclarationFacts, SmelterFacts } from "../../src/scoring/facts.ts";
import { DEFAULT_RISK_MODEL as M } from "../../src/scoring/model.ts";
import type { SmelterScore } from "../../src/scoring/result.ts";
import { scoreProduct } from "../../src/scoring/score-product.ts";
import { scoreSmelter, validation } from "../../src/scoring/score-smelter.ts";
import { scoreSupplier } from "../../src/scoring/score-supplier.ts";

// Property: making any single input worse never lowers a score. Seeded, so a failure reproduces.
const rand = mulberry32(20250229);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const chance = (p: number) => rand() < p;
const AS_OF = "2025-06-30";

const STATUS = ["conformant", "active", "unknown", "not-participating", "removed"] as const;
const METALS = ["tin", "tantalum", "tungsten", "gold", "cobalt", "mica"];
const SANCTIONS = [null, "clear", "review", "hit"] as const;
const ORIGIN = ["Yes", "No", "Unknown", null];
const COVERAGE = ["100%", "Greater than 90%", "Greater than 75%", "Greater than 50%", "50% or less", "None"];

function country(): CountryRisk {
  return {
    iso2: pick(["JP", "CN", "CD", "RW", "ID", "BO", "DE"]),
    name: "Somewhere",
    covered: chance(0.2),
    cahra: pick([null, null, "regions", "country"] as const),
    childLabour: chance(0.2),
    forcedLabour: chance(0.1),
    governancePercentile: chance(0.1) ? null : Math.round(rand() * 1000) / 10,
  };
}

function randomSmelter(i: number): SmelterFacts {
  const day = 1 + Math.floor(rand() * 28);
  return {
    key: `CID${String(1000 + i).padStart(6, "0")}`,
    cid: `CID${String(1000 + i).padStart(6, "0")}`,
    name: `Smelter ${i}`,
    metal: pick(METALS),
    matched: chance(0.9),
    status: pick(STATUS),
    lastAuditDate: chance(0.1)
      ? null
      : `${pick(["2022", "2023", "2024", "2025"])}-${pick(["01", "02", "06", "12"])}-${String(day).padStart(2, "0")}`,
    auditCycleMonths: pick([12, 24, 36]),
    reauditInProgress: chance(0.2),
    lbma: chance(0.15),
    rjc: chance(0.1),
    sanctions: pick(SANCTIONS.slice(0, 3)),
    sanctionsEvidence: null,
    location: chance(0.1) ? null : country(),
    mineCountries: Array.from({ length: Math.floor(rand() * 3) }, country),
    recycled: chance(0.2),
    adverseFlags: chance(0.1) ? ["grievance"] : [],
  };
}

const worseCountry: ((c: CountryRisk) => CountryRisk)[] = [
  (c) => ({ ...c, covered: true }),
  (c) => ({ ...c, cahra: c.cahra === null ? "regions" : "country" }),
  (c) => ({ ...c, childLabour: true }),
  (c) => ({ ...c, forcedLabour: true }),
  (c) => ({ ...c, governancePercentile: c.governancePercentile === null ? null : c.governancePercentile * rand() }),
];

const worseSmelter: Record<string, (f: SmelterFacts) => SmelterFacts> = {
  // A conformant facility whose audit lapsed with no re-audit already weighs more than Active (model 2.0), so its next
  // step down is "unknown".
  status: (f) => ({
    ...f,
    status:
      f.status === "conformant" && validation(f, AS_OF) === null
        ? "unknown"
        : STATUS[Math.min(STATUS.length - 1, STATUS.indexOf(f.status as (typeof STATUS)[number]) + 1)]!,
  }),
  lbma: (f) => ({ ...f, lbma: false }),
  rjc: (f) => ({ ...f, rjc: false }),
  "older audit": (f) => ({
    ...f,
    lastAuditDate: f.lastAuditDate && `${Number(f.lastAuditDate.slice(0, 4)) - 1}${f.lastAuditDate.slice(4)}`,
  }),
  "re-audit stops": (f) => ({ ...f, reauditInProgress: false }),
  sanctions: (f) => ({ ...f, sanctions: SANCTIONS[Math.min(3, SANCTIONS.indexOf(f.sanctions) + 1)]! }),
  location: (f) => ({ ...f, location: f.location && pick(worseCountry)(f.location) }),
  "mine country added": (f) => ({ ...f, mineCountries: [...f.mineCountries, country()] }),
  "mine country worse": (f) => ({
    ...f,
    mineCountries: f.mineCountries.map((c, i) => (i === 0 ? pick(worseCountry)(c) : c)),
  }),
  "not recycled": (f) => ({ ...f, recycled: false }),
  "adverse evidence": (f) => ({ ...f, adverseFlags: [...f.adverseFlags, "NGO report"] }),
};

describe("worsening any single factor never lowers a score", () => {
  it("holds for smelters (11 factors × 300 random smelters)", () => {
    for (let i = 0; i < 300; i++) {
      const base = randomSmelter(i);
      const before = scoreSmelter(base, M, AS_OF).score;
      for (const [name, worsen] of Object.entries(worseSmelter)) {
        const after = scoreSmelter(worsen(base), M, AS_OF).score;
        expect(after, `${name} on ${JSON.stringify(base)}`).toBeGreaterThanOrEqual(before);
      }
    }
  });

  function randomDeclaration(keys: string[]): DeclarationFacts {
    const minerals = ["tin", "tungsten"];
    return {
      declarationId: "d",
      template: "CMRT",
      effectiveDate: `2024-${pick(["02", "06", "09", "12"])}-${pick(["01", "15", "29"])}`,
      mineralsInScope: minerals,
      findings: { error: Math.floor(rand() * 3), warning: Math.floor(rand() * 5) },
      programme: {
        policy: pick(["Yes", "No"]),
        "due-diligence-measures": pick(["Yes", "No"]),
        "review-suppliers": pick(["Yes", "No", null]),
        "corrective-action": pick(["Yes", "No", null]),
        "sec-eu-filer": pick(["Yes, with the SEC", "No"]),
      },
      programmeTest: ["policy", "due-diligence-measures", "review-suppliers", "corrective-action"],
      origin: Object.fromEntries(
        minerals.map((m) => [
          m,
          { covered: pick(ORIGIN), cahra: pick(ORIGIN), recycled: pick(["Yes", "No", "Unknown"]) },
        ]),
      ),
      smelterRows: { tin: { rows: 3, recycled: Math.floor(rand() * 4) }, tungsten: { rows: 2, recycled: 2 } },
      surveyCoverage: { tin: pick(COVERAGE), tungsten: pick(COVERAGE) },
      incompleteSmelterList: chance(0.2) ? ["tin"] : [],
      smelterKeys: keys,
    };
  }

  const worseDeclaration: Record<string, (d: DeclarationFacts) => DeclarationFacts> = {
    "finding error": (d) => ({ ...d, findings: { ...d.findings, error: d.findings.error + 1 } }),
    "finding warning": (d) => ({ ...d, findings: { ...d.findings, warning: d.findings.warning + 1 } }),
    programme: (d) => ({
      ...d,
      programme: {
        ...d.programme,
        [pick(["policy", "due-diligence-measures", "review-suppliers", "corrective-action"])]: "No",
      },
    }),
    "origin unknown → declared": (d) => ({
      ...d,
      origin: Object.fromEntries(
        Object.entries(d.origin ?? {}).map(([m, o]) => [m, { ...o, cahra: o.cahra === "Unknown" ? "Yes" : o.cahra }]),
      ),
    }),
    "recycled row becomes not recycled": (d) => ({
      ...d,
      smelterRows: {
        ...d.smelterRows,
        tin: { rows: 3, recycled: Math.max(0, (d.smelterRows?.tin?.recycled ?? 0) - 1) },
      },
    }),
    "survey coverage": (d) => ({
      ...d,
      surveyCoverage: {
        ...d.surveyCoverage,
        tin: COVERAGE[Math.min(5, COVERAGE.indexOf(d.surveyCoverage.tin ?? "") + 1)]!,
      },
    }),
    "incomplete list": (d) => ({ ...d, incompleteSmelterList: ["tungsten"] }),
    "older declaration": (d) => ({
      ...d,
      effectiveDate: d.effectiveDate && `${Number(d.effectiveDate.slice(0, 4)) - 1}-03-01`,
    }),
  };

  it("holds for suppliers and products (declaration factors and each listed smelter, 200 random suppliers)", () => {
    for (let i = 0; i < 200; i++) {
      const facts = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, j) => randomSmelter(i * 10 + j));
      const scoresOf = (list: SmelterFacts[]) =>
        new Map<string, SmelterScore>(list.map((f) => [f.key, scoreSmelter(f, M, AS_OF)]));
      const smelters = scoresOf(facts);
      const decl = randomDeclaration(facts.map((f) => f.key));
      const sup = (d: DeclarationFacts) => ({ supplierId: "S", name: "S", declaration: d });
      const product = (d: DeclarationFacts, sm: Map<string, SmelterScore>) => {
        const other = { supplierId: "T", name: "T", declaration: null };
        const suppliers = new Map([
          ["S", { facts: sup(d), score: scoreSupplier(sup(d), sm, M, AS_OF) }],
          ["T", { facts: other, score: scoreSupplier(other, sm, M, AS_OF) }],
        ]);
        return scoreProduct({ product: "P", supplierIds: ["S", "T"] }, suppliers, sm, M).score;
      };
      const before = scoreSupplier(sup(decl), smelters, M, AS_OF).score!;
      const productBefore = product(decl, smelters);
      for (const [name, worsen] of Object.entries(worseDeclaration)) {
        const d = worsen(decl);
        expect(scoreSupplier(sup(d), smelters, M, AS_OF).score, name).toBeGreaterThanOrEqual(before);
        expect(product(d, smelters), `product: ${name}`).toBeGreaterThanOrEqual(productBefore);
      }
      for (const [name, worsen] of Object.entries(worseSmelter)) {
        const k = Math.floor(rand() * facts.length);
        const worse = scoresOf(facts.map((f, j) => (j === k ? worsen(f) : f)));
        expect(scoreSupplier(sup(decl), worse, M, AS_OF).score, `smelter ${name}`).toBeGreaterThanOrEqual(before);
        expect(product(decl, worse), `product via smelter ${name}`).toBeGreaterThanOrEqual(productBefore);
      }
    }
  });
});
