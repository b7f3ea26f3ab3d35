import {
  CMRT_6,
  EMRT_2,
  type MineListLayout,
  REQUESTER_PRODUCT_LIST,
  type TemplateLayout as RmiLayout,
  type SmelterColumns,
} from "../rmi/layouts.ts";
import type { RollupFamily } from "./rollup-input.ts";

/**
 * Cell positions of the company's own declaration in a CMRT 6.x / EMRT 2.x blank, as the writer uses them: read from
 * the one cell map of src/rmi/layouts.ts (DOMAIN.md §3, §4.2), never restated here.
 */
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
  /** Smelter List: first data row and the input columns. */
  smelterList: WriterSmelterList;
  /** Mine List (EMRT 2.x): first data row and columns; null when the family has none. */
  mineList: MineListLayout | null;
  defaultLastMineRow: number;
}

/** The Smelter List of a template the writer fills: CID input column A and the look-up column C exist. */
export interface WriterSmelterList {
  firstRow: number;
  columns: SmelterColumns & { cidInput: string; lookupName: string };
}

function writerSmelterList(family: RollupFamily, rmi: RmiLayout): WriterSmelterList {
  const { firstRow, columns } = rmi.smelterList;
  const { cidInput, lookupName } = columns;
  if (!cidInput || !lookupName) throw new Error(`${family}: the Smelter List has no CID input or look-up column`);
  return { firstRow, columns: { ...columns, cidInput, lookupName } };
}

function writerLayout(
  family: RollupFamily,
  rmi: RmiLayout,
  productColumns: { number: string; name: string; comments: string },
  lastSmelterRow: number,
): TemplateLayout {
  const { effectiveDate, scope, scopeDescription, ...company } = rmi.company;
  const rows = (n: number) => {
    const q = rmi.questions[n - 1];
    if (!q) throw new Error(`${family} has no question ${n}`);
    return q.rows;
  };
  return {
    family,
    company,
    effectiveDate,
    scope,
    scopeDescription,
    questionRow: (n) => rows(n)[0]!,
    rowsPerQuestion: rows(1).length,
    companyRows: Object.fromEntries(rmi.companyQuestions.filter((q) => !q.perMineral).map((q) => [q.id, q.rows[0]!])),
    mineralPolicyRows: rmi.companyQuestions.find((q) => q.perMineral)?.rows[0] ?? null,
    productColumns,
    defaultLastSmelterRow: lastSmelterRow,
    smelterList: writerSmelterList(family, rmi),
    mineList: rmi.mineList ?? null,
    // DOMAIN.md §4.2: Mine List data rows 5–2504 in EMRT 2.0 and 2.1.
    defaultLastMineRow: 2504,
  };
}

const plainProducts = (rmi: RmiLayout) => ({
  number: rmi.productList.number,
  name: rmi.productList.name,
  comments: rmi.productList.comments,
});

const CMRT = writerLayout("CMRT", CMRT_6, plainProducts(CMRT_6), 2504);
const EMRT_20 = writerLayout("EMRT", EMRT_2, plainProducts(EMRT_2), 2504);
const EMRT_21 = writerLayout(
  "EMRT",
  EMRT_2,
  {
    number: REQUESTER_PRODUCT_LIST.number,
    name: REQUESTER_PRODUCT_LIST.name,
    comments: REQUESTER_PRODUCT_LIST.comments,
  },
  2497,
);

export function templateLayout(family: RollupFamily, version: string): TemplateLayout {
  if (family === "CMRT") return CMRT;
  // EMRT 2.1 added requester columns D/E to the Product List; comments moved to F.
  return Number.parseFloat(version) >= 2.1 ? EMRT_21 : EMRT_20;
}

/** Excel date serial (1900 date system) of an ISO date. */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
