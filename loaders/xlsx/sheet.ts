/** Which cells hold formulas: per row a bit mask of columns 0–29 (one map entry per row, not per cell), a set beyond. */
export class FormulaCells {
  private readonly masks = new Map<number, number>();
  private readonly wide = new Set<number>();

  setRow(row: number, mask: number): void {
    if (mask !== 0) this.masks.set(row, mask);
  }

  add(row: number, col: number): void {
    if (col < 30) this.masks.set(row, (this.masks.get(row) ?? 0) | (1 << col));
    else this.wide.add(row * 16_384 + col);
  }

  has(row: number, col: number): boolean {
    return col < 30 ? ((this.masks.get(row) ?? 0) & (1 << col)) !== 0 : this.wide.has(row * 16_384 + col);
  }
}

/** A cell's cached value: text, number (dates stay Excel serials), boolean, or null (empty, error). */
export type CellValue = string | number | boolean | null;

/** "AB" → 27 (0-based column index 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** 0 → "A", 27 → "AB". */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Splits "D22" into { row: 22, col: 3 }. */
export function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`invalid cell reference: ${ref}`);
  return { row: Number(m[2]), col: columnIndex(m[1]!) };
}

/** The cells of one worksheet that were read, by row number then 0-based column. */
export class Sheet {
  constructor(
    readonly name: string,
    readonly rows: Map<number, CellValue[]>,
    /** Last row holding a non-empty value (0 when the sheet is empty). */
    readonly lastRow: number,
    /** True when rows beyond the row cap were skipped. */
    readonly truncated: boolean,
    private readonly formulas: FormulaCells = new FormulaCells(),
  ) {}

  /** True when the cell holds a formula (its value is the cached result). */
  isFormula(row: number, col: number): boolean {
    return this.formulas.has(row, col);
  }

  get(row: number, col: number): CellValue {
    return this.rows.get(row)?.[col] ?? null;
  }

  /** The value at an A1 reference such as "D22". */
  cell(ref: string): CellValue {
    const { row, col } = parseRef(ref);
    return this.get(row, col);
  }
}
