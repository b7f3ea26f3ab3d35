import type { SharedStrings } from "./shared-strings.ts";
import { FormulaCells, Sheet, type CellValue } from "./sheet.ts";
import { decodeXmlText, joinTextRuns, utf8Text } from "./xml-text.ts";

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
 * Cells beyond `maxColumns` are skipped without being decoded; formula text is stepped over once.
 */
export function scanSheet(name: string, xml: string, strings: SharedStrings | null, options: ScanOptions): Sheet {
  const rows = new Map<number, CellValue[]>();
  const formulas = new FormulaCells();
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
    const rAt = xml.indexOf(' r="', rs);
    const r = rAt < 0 || rAt > rTagEnd ? Number.NaN : Number(xml.slice(rAt + 4, xml.indexOf('"', rAt + 4)));
    rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
    if (rowNumber > options.maxRow) {
      truncated = true;
      break;
    }
    if (xml.charCodeAt(rTagEnd - 1) === 47) {
      pos = rTagEnd + 1;
      continue;
    }
    let cells: CellValue[] | undefined;
    let col = -1;
    let mask = 0;
    // One forward pass over the row: every "<" in cell content starts a tag (text escapes it), so the next tag
    // after a cell is the next cell or </row>; formula text is stepped over once and never searched for values.
    let cp = rTagEnd + 1;
    for (;;) {
      const lt = xml.indexOf("<", cp);
      if (lt < 0 || lt >= end) {
        cp = end;
        break;
      }
      const c1 = xml.charCodeAt(lt + 1);
      const c2 = xml.charCodeAt(lt + 2);
      if (c1 === 47 && xml.startsWith("</row>", lt)) {
        cp = lt + 6;
        break;
      }
      const tagEnd = xml.indexOf(">", lt);
      if (tagEnd < 0) {
        cp = end;
        break;
      }
      if (c1 !== 99 || (c2 !== 32 && c2 !== 62 && c2 !== 47)) {
        if (c1 === 114 && xml.startsWith("<row", lt)) break;
        cp = tagEnd + 1;
        continue;
      }
      const refAt = xml.indexOf(' r="', lt);
      const refCol = refAt > 0 && refAt < tagEnd ? columnAt(xml, refAt + 4) : -1;
      col = refCol >= 0 ? refCol : col + 1;
      if (xml.charCodeAt(tagEnd - 1) === 47) {
        cp = tagEnd + 1;
        continue;
      }
      let body = tagEnd + 1;
      const f2 = xml.charCodeAt(body + 2);
      const isFormula =
        xml.charCodeAt(body) === 60 && xml.charCodeAt(body + 1) === 102 && (f2 === 32 || f2 === 62 || f2 === 47);
      if (isFormula) {
        const fTagEnd = xml.indexOf(">", body);
        const fEnd = fTagEnd < 0 ? -1 : xml.charCodeAt(fTagEnd - 1) === 47 ? fTagEnd + 1 : xml.indexOf("</f>", fTagEnd);
        if (fEnd > 0) body = xml.startsWith("</f>", fEnd) ? fEnd + 4 : fEnd;
      }
      let cEnd = xml.indexOf("</c>", body);
      if (cEnd < 0 || cEnd > end) cEnd = end;
      cp = cEnd + 4;
      if (col >= options.maxColumns) continue;
      if (isFormula) {
        if (col < 30) mask |= 1 << col;
        else formulas.add(rowNumber, col);
      }
      const tAt = xml.indexOf(' t="', lt);
      const type = tAt < 0 || tAt > tagEnd ? undefined : xml.slice(tAt + 4, xml.indexOf('"', tAt + 4));
      const value = cellValue(type, xml.slice(body, cEnd), strings);
      if (value === null) continue;
      cells ??= [];
      cells[col] = value;
      if (value !== "" && rowNumber > lastRow) lastRow = rowNumber;
    }
    formulas.setRow(rowNumber, mask);
    if (cells) rows.set(rowNumber, cells);
    pos = cp;
  }
  return new Sheet(name, rows, lastRow, truncated, formulas);
}
