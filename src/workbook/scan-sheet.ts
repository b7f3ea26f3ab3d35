import type { SharedStrings } from "./shared-strings.ts";
import { formulaKey, Sheet, type CellValue } from "./sheet.ts";
import { attribute, decodeXmlText, joinTextRuns, utf8Text } from "./xml-text.ts";

export interface ScanOptions {
  /** Rows after this row number are not read (the sheet is marked truncated). */
  maxRow: number;
  /** Columns at or beyond this 0-based index are not kept. */
  maxColumns: number;
}

function cellValue(type: string | undefined, inner: string, strings: SharedStrings | null): CellValue {
  if (type === "inlineStr") {
    const is = inner.indexOf("<is");
    return is < 0 ? null : joinTextRuns(utf8Text(inner.slice(is)));
  }
  const vs = inner.indexOf("<v");
  if (vs < 0) return null;
  const open = inner.indexOf(">", vs);
  if (inner.charCodeAt(open - 1) === 47) return null;
  const close = inner.indexOf("</v>", open);
  const raw = inner.slice(open + 1, close < 0 ? undefined : close);
  switch (type) {
    case "s":
      return strings?.get(Number(raw)) ?? null;
    case "str":
      return decodeXmlText(utf8Text(raw));
    case "b":
      return raw === "1" || raw === "true";
    case "e":
      return null;
    case "d": {
      const ms = Date.parse(raw);
      return Number.isNaN(ms) ? decodeXmlText(utf8Text(raw)) : ms / 86_400_000 + 25_569;
    }
    default: {
      const n = Number(raw);
      return raw.trim() === "" || Number.isNaN(n) ? null : n;
    }
  }
}

/** 0-based column of the A1 reference whose letters start at `at` in `xml`, or -1. */
function columnAt(xml: string, at: number): number {
  let col = 0;
  let i = at;
  for (; ; i++) {
    const c = xml.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === at ? -1 : col - 1;
}

/**
 * Reads `<sheetData>` of a worksheet XML (decoded as latin1, see utf8Text) with a forward scanner (no DOM): cached values of
 * formula cells, shared/inline/rich strings, numbers, booleans; error cells read as empty.
 * Cells beyond `maxColumns` are skipped without being decoded.
 */
export function scanSheet(name: string, xml: string, strings: SharedStrings | null, options: ScanOptions): Sheet {
  const rows = new Map<number, CellValue[]>();
  const formulas = new Set<number>();
  let lastRow = 0;
  let truncated = false;
  const start = xml.indexOf("<sheetData");
  if (start < 0) return new Sheet(name, rows, 0, false, formulas);
  let end = xml.indexOf("</sheetData>", start);
  if (end < 0) end = xml.length;
  let pos = start + 10;
  let rowNumber = 0;
  for (;;) {
    const rs = xml.indexOf("<row", pos);
    if (rs < 0 || rs >= end) break;
    const rTagEnd = xml.indexOf(">", rs);
    if (rTagEnd < 0) break;
    const r = Number(attribute(xml.slice(rs, rTagEnd), "r"));
    rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
    if (rowNumber > options.maxRow) {
      truncated = true;
      break;
    }
    if (xml.charCodeAt(rTagEnd - 1) === 47) {
      pos = rTagEnd + 1;
      continue;
    }
    let rowEnd = xml.indexOf("</row>", rTagEnd);
    if (rowEnd < 0 || rowEnd > end) rowEnd = end;
    let cells: CellValue[] | undefined;
    let col = -1;
    let cp = rTagEnd + 1;
    for (;;) {
      const cs = xml.indexOf("<c", cp);
      if (cs < 0 || cs >= rowEnd) break;
      const after = xml.charCodeAt(cs + 2);
      if (after !== 32 && after !== 62 && after !== 47) {
        cp = cs + 2;
        continue;
      }
      const cTagEnd = xml.indexOf(">", cs);
      const refAt = xml.indexOf(' r="', cs);
      const refCol = refAt > 0 && refAt < cTagEnd ? columnAt(xml, refAt + 4) : -1;
      col = refCol >= 0 ? refCol : col + 1;
      if (xml.charCodeAt(cTagEnd - 1) === 47) {
        cp = cTagEnd + 1;
        continue;
      }
      let cEnd = xml.indexOf("</c>", cTagEnd);
      if (cEnd < 0 || cEnd > rowEnd) cEnd = rowEnd;
      cp = cEnd + 4;
      if (col >= options.maxColumns) continue;
      const inner = xml.slice(cTagEnd + 1, cEnd);
      if (inner.startsWith("<f")) formulas.add(formulaKey(rowNumber, col));
      const value = cellValue(attribute(xml.slice(cs, cTagEnd), "t"), inner, strings);
      if (value === null) continue;
      cells ??= [];
      cells[col] = value;
      if (value !== "" && rowNumber > lastRow) lastRow = rowNumber;
    }
    if (cells) rows.set(rowNumber, cells);
    pos = rowEnd + 6;
  }
  return new Sheet(name, rows, lastRow, truncated, formulas);
}
