import ExcelJS from "exceljs";
import type { SheetSource, WorkbookSource } from "../../loaders/template/workbook-source.ts";
import { parseRef } from "../../loaders/xlsx/sheet.ts";
import type { CellValue } from "../../loaders/xlsx/sheet.ts";

// The baseline reader for the equivalence test: the same template reader and cell maps, but every cell comes
// from a full ExcelJS load instead of the fast scanner.

function toCellValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? null : v.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return null;
    if ("richText" in o) return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if ("formula" in o || "sharedFormula" in o) return toCellValue(o.result, date1904);
    if ("text" in o) return toCellValue(o.text, date1904);
  }
  return null;
}

class ExcelJsSheet implements SheetSource {
  readonly truncated = false;
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly date1904: boolean,
  ) {}
  get lastRow(): number {
    return this.ws.rowCount;
  }
  get(row: number, col: number): CellValue {
    const cell = this.ws.findCell(row, col + 1);
    if (!cell || (cell.isMerged && cell.master !== cell)) return null;
    return toCellValue(cell.value, this.date1904);
  }
  cell(ref: string): CellValue {
    const { row, col } = parseRef(ref);
    return this.get(row, col);
  }
  isFormula(row: number, col: number): boolean {
    return this.ws.findCell(row, col + 1)?.type === ExcelJS.ValueType.Formula;
  }
}

export async function loadWithExcelJs(bytes: Uint8Array): Promise<WorkbookSource> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const find = (name: string) => wb.worksheets.find((w) => w.name.trim().toLowerCase() === name.trim().toLowerCase());
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  return {
    date1904,
    hasSheet: (name) => find(name) !== undefined,
    sheet: (name) => {
      const ws = find(name);
      return ws ? new ExcelJsSheet(ws, date1904) : null;
    },
  };
}
