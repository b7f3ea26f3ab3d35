import type ExcelJS from "exceljs";
import { put, putFormula, type Labels } from "./_cells.ts";
import type { LookupRow } from "./_lookup.ts";

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
  rows: readonly LookupRow[],
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
    const values = [
      l.metal,
      l.smelter_lookup_name,
      l.standard_smelter_name,
      l.country,
      l.smelter_id,
      l.source_of_id,
      l.street,
      l.city,
      l.state_province,
    ];
    values.forEach((v, c) => put(ws, `${String.fromCharCode(65 + c)}${r}`, v));
    if (withKeys) {
      putFormula(ws, `J${r}`, `A${r}&B${r}`, l.metal + l.smelter_lookup_name);
      putFormula(ws, `K${r}`, `A${r}&B${r}`, l.metal + l.smelter_lookup_name);
    }
  });
  ws.getColumn("J").hidden = true;
  ws.getColumn("K").hidden = true;
}
