import type ExcelJS from "exceljs";
import { put, putFormula, type Labels } from "./_cells.ts";
import { SMELTER_LOOKUP_SHEET } from "../../rmi/layouts.ts";
import type { LookupEntry } from "../../rmi/smelter-lookup.ts";

const COLUMNS = SMELTER_LOOKUP_SHEET.columns;

/** Header text and value of each visible column, in column order (cell positions from the one cell map). */
const FIELDS: ReadonlyArray<
  readonly [Exclude<keyof typeof COLUMNS, "key" | "keyCopy">, string, (l: LookupEntry) => string | null]
> = [
  ["metal", "Metal", (l) => l.metal],
  ["alias", "Smelter Look-up (*)", (l) => l.alias],
  ["standardName", "Standard Smelter Names", (l) => l.standardName],
  ["country", "Smelter Facility Location: Country", (l) => l.country],
  ["cid", "Smelter ID", (l) => l.cid],
  ["idSource", "Source of Smelter Identification Number", (l) => l.sourceOfId],
  ["street", "Smelter Street", (l) => l.street],
  ["city", "Smelter City", (l) => l.city],
  ["state", "Smelter Facility Location: State / Province", (l) => l.state],
];

/** The Smelter Look-up sheet: disclaimer row 1, header row 4, one row per alias from row 5; J/K hidden `=A&B` keys. */
export function writeLookupSheet(
  ws: ExcelJS.Worksheet,
  labels: Labels,
  rows: readonly LookupEntry[],
  withKeys: boolean,
): void {
  const { noticeCell, headerRow, firstRow } = SMELTER_LOOKUP_SHEET;
  labels.set(
    ws,
    noticeCell,
    "The list below is the RMI smelter reference list as of the release of this template. The latest list is on the RMI website.",
  );
  for (const [field, h] of FIELDS) labels.set(ws, `${COLUMNS[field]}${headerRow}`, h);
  rows.forEach((l, i) => {
    const r = firstRow + i;
    for (const [field, , value] of FIELDS) put(ws, `${COLUMNS[field]}${r}`, value(l));
    if (withKeys) {
      const key = `${COLUMNS.metal}${r}&${COLUMNS.alias}${r}`;
      putFormula(ws, `${COLUMNS.key}${r}`, key, l.metal + (l.alias ?? ""));
      putFormula(ws, `${COLUMNS.keyCopy}${r}`, key, l.metal + (l.alias ?? ""));
    }
  });
  ws.getColumn(COLUMNS.key).hidden = true;
  ws.getColumn(COLUMNS.keyCopy).hidden = true;
}
