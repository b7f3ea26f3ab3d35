import type { CountryRisk, DeclarationFacts, SmelterFacts, SupplierFacts } from "../../src/scoring/facts.ts";

export const JAPAN: CountryRisk = {
  iso2: "JP",
  name: "Japan",
  covered: false,
  cahra: null,
  childLabour: false,
  forcedLabour: false,
  governancePercentile: 100,
};
export const DRC: CountryRisk = {
  iso2: "CD",
  name: "Congo, Democratic Republic of the",
  covered: true,
  cahra: "regions",
  childLabour: true,
  forcedLabour: true,
  governancePercentile: 0,
};
export const RWANDA: CountryRisk = {
  iso2: "RW",
  name: "Rwanda",
  covered: true,
  cahra: null,
  childLabour: false,
  forcedLabour: false,
  governancePercentile: 100,
};
export const INDIA_MICA: CountryRisk = {
  iso2: "IN",
  name: "India",
  covered: false,
  cahra: null,
  childLabour: true,
  forcedLabour: false,
  governancePercentile: 100,
};

/** A.L.M.T. Corp., a conformant tungsten smelter in Japan, audited on 29 Feb 2024 on a 1-year cycle. */
export function smelter(over: Partial<SmelterFacts> = {}): SmelterFacts {
  return {
    key: "CID000004",
    cid: "CID000004",
    name: "A.L.M.T. Corp.",
    metal: "tungsten",
    matched: true,
    status: "conformant",
    lastAuditDate: "2024-02-29",
    auditCycleMonths: 12,
    reauditInProgress: false,
    lbma: false,
    rjc: false,
    sanctions: "clear",
    sanctionsEvidence: null,
    location: JAPAN,
    mineCountries: [],
    recycled: false,
    adverseFlags: [],
    ...over,
  };
}

export function declaration(over: Partial<DeclarationFacts> = {}): DeclarationFacts {
  return {
    declarationId: "decl-1",
    template: "CMRT",
    effectiveDate: "2025-01-15",
    mineralsInScope: ["tungsten"],
    findings: { error: 0, warning: 0 },
    programme: {
      policy: "Yes",
      "policy-public": "Yes",
      "require-validated-smelters": "Yes",
      "due-diligence-measures": "Yes",
      "survey-suppliers": "Yes, in conformance with IPC1755 (e.g., CMRT)",
      "review-suppliers": "Yes",
      "corrective-action": "Yes",
      "sec-eu-filer": "Yes, with the SEC",
    },
    programmeTest: ["policy", "due-diligence-measures", "review-suppliers", "corrective-action"],
    origin: { tungsten: { covered: "No", cahra: "No", recycled: "No" } },
    smelterRows: { tungsten: { rows: 1, recycled: 0 } },
    surveyCoverage: { tungsten: "100%" },
    incompleteSmelterList: [],
    smelterKeys: ["CID000004"],
    ...over,
  };
}

export function supplier(id: string, name: string, decl: DeclarationFacts | null): SupplierFacts {
  return { supplierId: id, name, declaration: decl };
}
