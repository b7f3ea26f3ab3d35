import { neutralizeFormula } from "./neutralize.ts";

/** One CSV record with the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvSeparator = "," | ";" | "\t";

export interface ParsedCsv {
  separator: CsvSeparator;
  header: string[];
  records: CsvRecord[];
}

/** Picks the separator that occurs most often, outside quotes, on the first line. */
export function detectSeparator(text: string): CsvSeparator {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

/**
 * RFC 4180 records, tolerant of spreadsheet exports: UTF-8 BOM, CRLF or LF, quoted fields with embedded
 * separators, doubled quotes and line breaks. Blank lines are skipped. Never throws: an unterminated quote
 * runs to the end of the text.
 */
export function parseCsvRecords(input: string, separator: CsvSeparator = ","): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  const endRecord = () => {
    fields.push(field);
    if (sawAny || fields.length > 1 || field !== "") rows.push({ line: recordLine, fields });
    fields = [];
    field = "";
    sawAny = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
      sawAny = true;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
      sawAny = true;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0 || sawAny) endRecord();
  return rows;
}

/** A CSV file with a header line; the separator is detected unless given. */
export function parseCsvTable(input: string, separator?: CsvSeparator): ParsedCsv {
  const sep = separator ?? detectSeparator(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const [first, ...records] = parseCsvRecords(input, sep);
  return { separator: sep, header: first ? first.fields.map((h) => h.trim()) : [], records };
}

/** Spreadsheet-style column letter for a 0-based index (0 → A, 26 → AA), for error messages. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  /** Neutralise formula triggers in text cells (default true; only test-fixture generators turn it off). */
  neutralize?: boolean;
  /** Start with a UTF-8 byte-order mark so Excel detects the encoding (default false). */
  bom?: boolean;
  /** Line end (default CRLF, as RFC 4180 writes it). */
  eol?: "\r\n" | "\n";
}

/** One CSV field: text neutralised, then quoted when it holds a delimiter, quote, line break or edge whitespace. */
export function csvField(value: CsvValue, neutralize = true): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are data, not formulas: -2 stays a number.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = neutralize ? neutralizeFormula(value) : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document (RFC 4180) from a header and rows; the one CSV writer every export uses. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CsvValue>>,
  options: CsvWriteOptions = {},
): string {
  const { neutralize = true, bom = false, eol = "\r\n" } = options;
  const lines = [header, ...rows].map((row) => row.map((v) => csvField(v, neutralize)).join(","));
  return `${bom ? "\ufeff" : ""}${lines.join(eol)}${eol}`;
}
