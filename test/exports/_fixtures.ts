import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DeclarationConfig, RollupInput, RollupReference, type RollupCompany } from "../../src/exports/rollup-input.ts";
import { parseCsvRecords } from "../../src/text/csv.ts";
import { sharedDir } from "../helpers/paths.ts";

export const officialDir = resolve(sharedDir, "templates/official");

export const company: RollupCompany = {
  name: "Northwind Components GmbH",
  uniqueId: "DE123456789",
  uniqueIdAuthority: "VAT",
  address: "Hafenstraße 12, 20457 Hamburg, Germany",
  contactName: "Jana Weber",
  contactEmail: "minerals@northwind.example",
  contactPhone: "+49 40 555 0100",
  authorizer: "Lars Becker",
  authorizerTitle: "Head of Compliance",
  authorizerEmail: "lars.becker@northwind.example",
  authorizerPhone: "+49 40 555 0101",
  policyUrl: "https://northwind.example/responsible-minerals-policy",
};

export const cmrtConfig = DeclarationConfig.parse({
  answers: { A: "Yes", B: "Yes", C: "Yes", D: "Yes", E: "Yes", F: "Yes", G: "Yes", H: "Yes, with the SEC and the EU" },
});
export const emrtConfig = DeclarationConfig.parse({
  answers: { A: "Yes", B: "Yes", C: "Yes", D: "Yes", E: "Yes", F: "Yes", G: "No" },
});

/** The shared look-up CSVs as records keyed by header. */
export function readCsv(path: string): Record<string, string>[] {
  const [header, ...data] = parseCsvRecords(readFileSync(path, "utf8")).map((r) => r.fields);
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

/** Reference rows (standard names) from a template version's Smelter Look-up CSV. */
export function lookupReference(file: string): RollupReference[] {
  const seen = new Set<string>();
  const out: RollupReference[] = [];
  for (const r of readCsv(resolve(sharedDir, "reference/rmi", file))) {
    if (!/^CID\d{6}$/.test(r.smelter_id ?? "") || seen.has(`${r.metal}|${r.smelter_id}`)) continue;
    seen.add(`${r.metal}|${r.smelter_id}`);
    out.push(
      RollupReference.parse({
        cid: r.smelter_id!,
        metal: r.metal!,
        standardName: r.standard_smelter_name!,
        country: r.country || null,
        countryIso2: null,
        rmiStatus: "unknown",
      }),
    );
  }
  return out;
}

const cmrtAnswers = (metals: Record<string, string[]>) =>
  Object.entries(metals).flatMap(([mineral, answers]) =>
    answers.map((answer, i) => ({ question: `Q${i + 1}`, mineral, answer: answer || null })),
  );

/** Three suppliers on CMRT 6.4/6.5: two answer, one is silent; smelters chosen from the reference. */
export function cmrtInput(reference: readonly RollupReference[]) {
  const pick = (metal: string, n: number) => reference.filter((r) => r.metal === metal).slice(0, n);
  const [tin1, tin2, tin3] = pick("Tin", 3);
  const [gold1, gold2] = pick("Gold", 2);
  const [w1] = pick("Tungsten", 1);
  const row = (r: RollupReference | undefined) => ({
    metal: r!.metal,
    cid: r!.cid,
    name: r!.standardName,
    country: r!.country,
  });
  return RollupInput.parse({
    suppliers: [
      {
        supplierId: "SUP-001",
        name: "Harbin Precision Alloys",
        declarations: [
          {
            declarationId: "d-001",
            template: "CMRT",
            version: "6.4",
            effectiveDate: "2025-11-03",
            answers: cmrtAnswers({
              Tantalum: ["No"],
              Tin: ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"],
              Gold: ["Yes", "Yes", "No", "Unknown", "No", "Greater than 90%", "No", "Yes"],
              Tungsten: ["No"],
            }),
            smelters: [
              row(tin1),
              row(tin2),
              row(gold1),
              { metal: "Gold", cid: null, name: "Refinería Andina S.A.", country: "PERU" },
            ],
          },
        ],
      },
      {
        supplierId: "SUP-002",
        name: "Kyoto Film Coatings",
        declarations: [
          {
            declarationId: "d-002",
            template: "CMRT",
            version: "6.5",
            effectiveDate: "2026-01-15",
            answers: cmrtAnswers({
              Tantalum: ["No"],
              Tin: ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"],
              Gold: ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"],
              Tungsten: ["Yes", "Yes", "No", "No", "No", "100%", "Yes", "Yes"],
            }),
            smelters: [row(tin2), row(tin3), row(gold2), row(w1), { ...row(tin2), name: "duplicate row, other alias" }],
          },
        ],
      },
      { supplierId: "SUP-003", name: "Silent Supplier Ltd", declarations: [] },
    ],
    reference,
  });
}
