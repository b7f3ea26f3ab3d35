import type ExcelJS from "exceljs";

export type CellInput = string | number | Date | null | undefined;

/** Collects label cells so the hidden L sheet can carry the English text, as RMI's translation table does. */
export class Labels {
  readonly rows: Array<[sheet: string, cell: string, text: string]> = [];

  /** Writes a label as RMI does: an OFFSET into L, cached with the English text. */
  set(ws: ExcelJS.Worksheet, address: string, text: string, suffix = ""): void {
    this.rows.push([ws.name, address.replaceAll("$", ""), text]);
    const sheetRef = ws.name.replaceAll('"', '""');
    ws.getCell(address).value = {
      formula: `OFFSET(L!$C$1,MATCH("${sheetRef}"&ADDRESS(ROW(),COLUMN(),4),L!$A:$A,0)-1,SL,,)`,
      result: text + suffix,
    };
  }
}

/** Writes a value; null/undefined/"" leave the cell untouched (empty). */
export function put(ws: ExcelJS.Worksheet, address: string, value: CellInput): void {
  if (value === null || value === undefined || value === "") return;
  ws.getCell(address).value = value;
}

export function putFormula(ws: ExcelJS.Worksheet, address: string, formula: string, result: string | number): void {
  ws.getCell(address).value = { formula, result };
}

export function putEmail(
  ws: ExcelJS.Worksheet,
  address: string,
  value: string | null | undefined,
  asHyperlink: boolean,
): void {
  if (!value) return;
  ws.getCell(address).value =
    asHyperlink && value.includes("@") ? { text: value, hyperlink: `mailto:${value}` } : value;
}

export function merge(ws: ExcelJS.Worksheet, range: string): void {
  ws.mergeCells(range);
}

/** Excel-style "02-May-2024" for an ISO date. */
export function textDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
  return `${String(d).padStart(2, "0")}-${mon}-${y}`;
}

/** A UTC midnight Date for an ISO date (exceljs stores it as the matching serial). */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export const DATE_FORMAT = "[$-409]d-mmm-yyyy;@";
