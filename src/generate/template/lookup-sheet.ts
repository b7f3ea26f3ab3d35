import type ExcelJS from "exceljs";
import { put, putFormula, type Labels } from "./_cells.ts";
import type { LookupEntry } from "../../rmi/smelter-lookup.ts";

const HEADERS = [
  "Metal",
  "Smelter Look-up (*)",
  "Standard Smelter Names",
  "Smelter Facility Location: Country",
  "Smelter ID",
  "Source of Smelter Identification Number",
  "Smelter Street",
  "Smelter City",
  "Smelter Facility Location: State / Province",
];

/** The Smelter Look-up sheet: disclaimer row 1, header row 4, one row per alias from row 5; J/K hidden `=A&B` keys. */
export function writeLookupSheet(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  rows: readonly LookupEntry[],
  withKeys: boolean,
): void {
  labels.set(
    ws,
    "A1",
    "The list below is the RMI smelter reference list as of the release of this template. The latest list is on the RMI website.",
  );
  HEADERS.forEach((h, i) => labels.set(ws, `${String.fromCharCode(65 + i)}4`, h));
  rows.forEach((l, i) => {
    const r = 5 + i;
    const values = [l.metal, l.alias, l.standardName, l.country, l.cid, l.sourceOfId, l.street, l.city, l.state];
    values.forEach((v, c) => put(ws, `${String.fromCharCode(65 + c)}${r}`, v));
    if (withKeys) {
      putFormula(ws, `J${r}`, `A${r}&B${r}`, l.metal + (l.alias ?? ""));
      putFormula(ws, `K${r}`, `A${r}&B${r}`, l.metal + (l.alias ?? ""));
    }
  });
  ws.getColumn("J").hidden = true;
  ws.getColumn("K").hidden = true;
}
