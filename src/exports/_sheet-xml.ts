import { decodeXml, encodeXml } from "./_xlsx-package.ts";

export type CellEdit =
  | { text: string }
  | { number: number }
  /** Keep the formula; store `cached` as its last value (null drops the cached value). */
  | { cached: string | number | null };

interface Row {
  r: number;
  xml: string;
}

const CELL = /<c(?=[\s>/])([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const MAX_CELL_TEXT = 32767;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function splitRef(ref: string): { col: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`invalid cell reference: ${ref}`);
  return { col: m[1]!, row: Number(m[2]) };
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}

function withoutAttr(attrs: string, name: string): string {
  return attrs.replace(new RegExp(`\\s${name}="[^"]*"`), "");
}

/** A worksheet part, edited cell by cell; everything outside the edited cells stays as it was. */
export class SheetXml {
  private readonly head: string;
  private readonly tail: string;
  private readonly rows: Row[];
  private readonly colStyles: Array<{ min: number; max: number; style: string }>;

  constructor(xml: string) {
    const open = xml.indexOf("<sheetData");
    const selfClosing = xml.startsWith("<sheetData/>", open);
    const start = selfClosing ? open + "<sheetData/>".length : xml.indexOf(">", open) + 1;
    const end = selfClosing ? start : xml.indexOf("</sheetData>", start);
    this.head = selfClosing ? xml.slice(0, open) + "<sheetData>" : xml.slice(0, start);
    this.tail = selfClosing ? "</sheetData>" + xml.slice(start) : xml.slice(end);
    const body = xml.slice(start, end);
    this.rows = [...body.matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)].map((m) => ({
      r: Number(attr(m[0].slice(0, m[0].indexOf(">")), "r")),
      xml: m[0],
    }));
    this.colStyles = [...this.head.matchAll(/<col\b[^>]*>/g)].flatMap((m) => {
      const style = attr(m[0], "style");
      return style ? [{ min: Number(attr(m[0], "min")), max: Number(attr(m[0], "max")), style }] : [];
    });
  }

  private findRow(r: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.rows[mid]!.r;
      if (v === r) return mid;
      if (v < r) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }

  /** The raw `<c>` element at ref, or null. */
  cellXml(ref: string): string | null {
    const { row } = splitRef(ref);
    const i = this.findRow(row);
    if (i < 0) return null;
    for (const m of this.rows[i]!.xml.matchAll(CELL)) if (attr(m[1]!, "r") === ref) return m[0];
    return null;
  }

  /** The stored (or cached) value at ref: text, number, or null when empty. `sst` resolves shared strings. */
  value(ref: string, sst: readonly string[]): string | number | null {
    const xml = this.cellXml(ref);
    if (!xml) return null;
    const attrs = xml.slice(0, xml.indexOf(">"));
    const t = attr(attrs, "t");
    if (t === "inlineStr") return decodeXml([...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(""));
    const v = /<v>([\s\S]*?)<\/v>/.exec(xml)?.[1];
    if (v === undefined) return null;
    if (t === "s") return sst[Number(v)] ?? null;
    if (t === "str" || t === "e") return decodeXml(v);
    if (t === "b") return v === "1" ? "TRUE" : "FALSE";
    return Number(v);
  }

  /** True when the cell holds the anchor of a shared formula (others depend on its text). */
  isSharedFormulaAnchor(ref: string): boolean {
    const xml = this.cellXml(ref);
    return xml !== null && /<f\b[^>]*\bt="shared"[^>]*\bref="/.test(xml);
  }

  set(ref: string, edit: CellEdit): void {
    const { col, row } = splitRef(ref);
    let i = this.findRow(row);
    if (i < 0) {
      i = -i - 1;
      this.rows.splice(i, 0, { r: row, xml: `<row r="${row}"></row>` });
    }
    const target = this.rows[i]!;
    const cells = [...target.xml.matchAll(CELL)];
    const existing = cells.find((m) => attr(m[1]!, "r") === ref);
    const next = this.cell(ref, col, target.xml, existing?.[1] ?? null, existing?.[2] ?? "", edit);
    if (existing) {
      target.xml = target.xml.slice(0, existing.index) + next + target.xml.slice(existing.index! + existing[0].length);
      return;
    }
    const n = columnNumber(col);
    const after = cells.find((m) => columnNumber(splitRef(attr(m[1]!, "r")!).col) > n);
    let xml = target.xml.endsWith("/>") ? target.xml.slice(0, -2) + "></row>" : target.xml;
    const at = after ? xml.indexOf(after[0]) : xml.lastIndexOf("</row>");
    xml = xml.slice(0, at) + next + xml.slice(at);
    // spans are an optional hint; a cell outside them would make it wrong.
    target.xml = xml.replace(/^<row\b[^>]*>/, (tag) => withoutAttr(tag, "spans"));
  }

  private cell(ref: string, col: string, rowXml: string, attrs: string | null, inner: string, edit: CellEdit): string {
    const rowTag = rowXml.slice(0, rowXml.indexOf(">"));
    const n = columnNumber(col);
    const style =
      (attrs !== null ? attr(attrs, "s") : undefined) ??
      (attr(rowTag, "customFormat") === "1" ? attr(rowTag, "s") : undefined) ??
      this.colStyles.find((c) => n >= c.min && n <= c.max)?.style;
    const s = style ? ` s="${style}"` : "";
    if ("text" in edit) {
      const text = encodeXml(edit.text.slice(0, MAX_CELL_TEXT));
      return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
    }
    if ("number" in edit) return `<c r="${ref}"${s}><v>${edit.number}</v></c>`;
    const formula = /<f\b[^>]*?(?:\/>|>[\s\S]*?<\/f>)/.exec(inner)?.[0];
    if (!formula) throw new Error(`${ref} holds no formula to cache a value for`);
    let keep = withoutAttr(withoutAttr(attrs ?? "", "t"), "vm");
    keep = withoutAttr(withoutAttr(keep, "r"), "s");
    const { cached } = edit;
    if (cached === null) return `<c r="${ref}"${s}${keep}>${formula}</c>`;
    if (typeof cached === "number") return `<c r="${ref}"${s}${keep}>${formula}<v>${cached}</v></c>`;
    return `<c r="${ref}"${s}${keep} t="str">${formula}<v>${encodeXml(cached)}</v></c>`;
  }

  /** True when the cell holds a formula. */
  hasFormula(ref: string): boolean {
    return /<f\b/.test(this.cellXml(ref) ?? "");
  }

  /** References of the formula cells in row r. */
  formulaCells(r: number): string[] {
    const i = this.findRow(r);
    if (i < 0) return [];
    return [...this.rows[i]!.xml.matchAll(CELL)].filter((m) => /<f\b/.test(m[2] ?? "")).map((m) => attr(m[1]!, "r")!);
  }

  /** Row numbers present in the sheet, ascending. */
  rowNumbers(): number[] {
    return this.rows.map((r) => r.r);
  }

  toString(): string {
    return this.head + this.rows.map((r) => r.xml).join("") + this.tail;
  }
}
