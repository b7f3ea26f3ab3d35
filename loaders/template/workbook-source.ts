import type { CellValue } from "../xlsx/sheet.ts";

/** The cell access the template reader needs; the fast Workbook provides it, and so can any other reader. */
export interface SheetSource {
  readonly lastRow: number;
  readonly truncated: boolean;
  get(row: number, col: number): CellValue;
  cell(ref: string): CellValue;
  isFormula(row: number, col: number): boolean;
}

export interface WorkbookSource {
  /** Serial dates use the 1904 date system. */
  readonly date1904?: boolean;
  hasSheet(name: string): boolean;
  sheet(name: string, options?: { maxRow?: number; maxColumns?: number }): SheetSource | null;
}
