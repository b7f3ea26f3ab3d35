import type { RollupFamily } from "./rollup-input.ts";

/** Cell positions of the company's own declaration in CMRT 6.x / EMRT 2.x (DOMAIN.md §3, §4.2; layout.json). */
export interface TemplateLayout {
  family: RollupFamily;
  company: Record<string, string>;
  effectiveDate: string;
  scope: string;
  scopeDescription: string;
  /** First answer row of question n (1-based), and the rows per question. */
  questionRow(n: number): number;
  rowsPerQuestion: number;
  /** Company-question answer rows by letter; EMRT C is a per-mineral block. */
  companyRows: Record<string, number>;
  mineralPolicyRows: number | null;
  /** Product List columns: number, name, comments. */
  productColumns: { number: string; name: string; comments: string };
  defaultLastSmelterRow: number;
}

const CMRT: TemplateLayout = {
  family: "CMRT",
  company: {
    name: "D8", uniqueId: "D12", uniqueIdAuthority: "D13", address: "D14", contactName: "D15", contactEmail: "D16",
    contactPhone: "D17", authorizer: "D18", authorizerTitle: "D19", authorizerEmail: "D20", authorizerPhone: "D21",
  },
  effectiveDate: "D22",
  scope: "D9",
  scopeDescription: "D10",
  questionRow: (n) => 26 + (n - 1) * 6,
  rowsPerQuestion: 4,
  companyRows: { A: 75, B: 77, C: 79, D: 81, E: 83, F: 85, G: 87, H: 89 },
  mineralPolicyRows: null,
  productColumns: { number: "B", name: "C", comments: "D" },
  defaultLastSmelterRow: 2504,
};

const EMRT: TemplateLayout = {
  family: "EMRT",
  company: {
    name: "D8", uniqueId: "D16", uniqueIdAuthority: "D17", address: "D18", contactName: "D19", contactEmail: "D20",
    contactPhone: "D21", authorizer: "D22", authorizerTitle: "D23", authorizerEmail: "D24", authorizerPhone: "D25",
  },
  effectiveDate: "D26",
  scope: "D9",
  scopeDescription: "D10",
  questionRow: (n) => 30 + (n - 1) * 12,
  rowsPerQuestion: 10,
  companyRows: { A: 115, B: 117, D: 131, E: 133, F: 135, G: 137 },
  mineralPolicyRows: 120,
  productColumns: { number: "B", name: "C", comments: "D" },
  defaultLastSmelterRow: 2497,
};

export function templateLayout(family: RollupFamily, version: string): TemplateLayout {
  if (family === "CMRT") return CMRT;
  // EMRT 2.1 added requester columns D/E to the Product List; comments moved to F.
  const v = Number.parseFloat(version);
  return v >= 2.1 ? { ...EMRT, productColumns: { number: "B", name: "C", comments: "F" } } : { ...EMRT, defaultLastSmelterRow: 2504 };
}

/** Excel date serial (1900 date system) of an ISO date. */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
