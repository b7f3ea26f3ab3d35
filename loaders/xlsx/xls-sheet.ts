import {
  ARRAY,
  BOF,
  BOOLERR,
  decodeRk,
  EOF,
  FORMULA,
  LABEL,
  LABELSST,
  MULRK,
  NUMBER,
  RK,
  SHRFMLA,
  STRING,
  TABLE,
  withContinues,
} from "./biff-records.ts";
import { BiffCursor } from "./biff-strings.ts";
import type { ScanOptions } from "./scan-sheet.ts";
import { FormulaCells, Sheet, type CellValue } from "./sheet.ts";
import { UnreadableWorkbook } from "./unreadable-workbook.ts";

export interface XlsSheetInfo {
  name: string;
  hidden: boolean;
  /** Stream position of the sheet's BOF record. */
  offset: number;
}

const damaged = (what: string) => new UnreadableWorkbook(`damaged .xls workbook (${what})`);

/**
 * One worksheet substream of a BIFF8 stream (BOF … EOF, embedded chart substreams skipped): cells from LABELSST,
 * LABEL, NUMBER, RK, MULRK, BOOLERR and FORMULA cached values (number, boolean, empty, or the following STRING record),
 * rows 1-based, within the row and column caps.
 */
export function readXlsSheet(
  stream: Uint8Array,
  info: XlsSheetInfo,
  strings: readonly string[],
  limits: ScanOptions,
): Sheet {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (info.offset + 4 > stream.length || view.getUint16(info.offset, true) !== BOF) {
    throw damaged(`sheet '${info.name}' does not start where the workbook says`);
  }
  const rows = new Map<number, CellValue[]>();
  const formulas = new FormulaCells();
  let lastRow = 0;
  let truncated = false;
  let pending: { row: number; col: number } | null = null;
  const set = (row0: number, col: number, value: CellValue, formula = false) => {
    const row = row0 + 1;
    if (row > limits.maxRow) {
      truncated = true;
      return;
    }
    if (col >= limits.maxColumns) return;
    if (formula) formulas.add(row, col);
    if (value === null) return;
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = []));
    cells[col] = value;
    if (value !== "" && row > lastRow) lastRow = row;
  };
  const u16 = (at: number) => view.getUint16(at, true);

  let depth = 0;
  let p = info.offset;
  while (p + 4 <= stream.length) {
    const type = u16(p);
    const size = u16(p + 2);
    const d = p + 4;
    if (d + size > stream.length) break;
    p = d + size;
    if (type === BOF) {
      depth++;
      continue;
    }
    if (type === EOF) {
      if (--depth === 0) break;
      continue;
    }
    if (depth !== 1) continue;
    // A string formula's cached text is the STRING record after it (shared/array formula records may sit between).
    if (type !== STRING && type !== SHRFMLA && type !== ARRAY && type !== TABLE) pending = null;
    switch (type) {
      case LABELSST:
        if (size >= 10) set(u16(d), u16(d + 2), strings[view.getUint32(d + 6, true)] ?? null);
        break;
      case NUMBER:
        if (size >= 14) set(u16(d), u16(d + 2), view.getFloat64(d + 6, true));
        break;
      case RK:
        if (size >= 10) set(u16(d), u16(d + 2), decodeRk(view.getUint32(d + 6, true)));
        break;
      case MULRK: {
        if (size < 6) break;
        const row = u16(d);
        const first = u16(d + 2);
        const count = Math.floor((size - 6) / 6);
        for (let i = 0; i < count; i++) set(row, first + i, decodeRk(view.getUint32(d + 4 + i * 6 + 2, true)));
        break;
      }
      case BOOLERR:
        if (size >= 8) set(u16(d), u16(d + 2), stream[d + 7] === 0 ? stream[d + 6] !== 0 : null);
        break;
      case LABEL:
        if (size >= 9) {
          try {
            set(u16(d), u16(d + 2), new BiffCursor(stream.subarray(d + 6, d + size)).unicodeString());
          } catch {
            // A label longer than its record reads as empty.
          }
        }
        break;
      case FORMULA: {
        if (size < 20) break;
        const row = u16(d);
        const col = u16(d + 2);
        const special = stream[d + 12] === 0xff && stream[d + 13] === 0xff;
        if (!special) set(row, col, view.getFloat64(d + 6, true), true);
        else if (stream[d + 6] === 0) {
          set(row, col, null, true);
          pending = { row, col };
        } else if (stream[d + 6] === 1) set(row, col, stream[d + 8] !== 0, true);
        else if (stream[d + 6] === 3) set(row, col, "", true);
        else set(row, col, null, true);
        break;
      }
      case STRING:
        if (pending) {
          const { cursor, next } = withContinues(stream, view, d - 4);
          try {
            set(pending.row, pending.col, cursor.unicodeString());
          } catch {
            // A cached string longer than its records reads as empty.
          }
          pending = null;
          p = next;
        }
        break;
    }
  }
  return new Sheet(info.name, rows, lastRow, truncated, formulas);
}
