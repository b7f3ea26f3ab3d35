import { decodeXmlText } from "../xlsx/xml-text.ts";
import type { CsvRecord } from "./parse-csv.ts";

/**
 * Excel 2003 XML ("SpreadsheetML", `<?mso-application progid="Excel.Sheet"?>`): the format RMI's facility pages
 * export. One worksheet's rows come back as CSV-like records (`line` = the 1-based row number), so the list loaders
 * read it exactly like the CSV export.
 */
export interface SpreadsheetMlSheet {
  name: string;
  records: CsvRecord[];
}

const SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet";

/** True when the text (or its first bytes) is a SpreadsheetML workbook. */
export function isSpreadsheetMl(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, "")
    .trimStart();
  return head.startsWith("<?xml") && head.includes(SPREADSHEET_NS) && /<(ss:)?Workbook[\s>]/.test(head);
}

// Limits: a facility list has a few thousand rows; a file claiming far more is not one.
const MAX_ROWS = 200_000;
const MAX_COLUMNS = 256;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`(?:\\bss:|\\s)${name}="([^"]*)"`).exec(tag);
  return m ? decodeXmlText(m[1]!) : null;
}

/** The text of a `<Data>` element: rich-text runs (`<Font>`, `<B>` …) joined, entities decoded. */
function dataText(inner: string, type: string | null): string {
  const text = decodeXmlText(inner.replace(/<[^>]*>/g, ""));
  if (type === "DateTime") {
    const m = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.0+)?)?$/.exec(text.trim());
    return m ? m[1]! : text.trim();
  }
  return text;
}

/** Parses every worksheet. Cells honour `ss:Index` (skipped cells) and rows `ss:Index` (skipped rows). */
export function parseSpreadsheetMl(text: string, file = "workbook"): SpreadsheetMlSheet[] {
  if (!isSpreadsheetMl(text)) throw new Error(`${file}: not an Excel 2003 XML (SpreadsheetML) workbook`);
  const sheets: SpreadsheetMlSheet[] = [];
  const sheetRe = /<(?:ss:)?Worksheet\b([^>]*)>([\s\S]*?)<\/(?:ss:)?Worksheet>/g;
  for (let sm = sheetRe.exec(text); sm; sm = sheetRe.exec(text)) {
    const name = attr(sm[1]!, "Name") ?? `Sheet${sheets.length + 1}`;
    const body = sm[2]!;
    const records: CsvRecord[] = [];
    const rowRe = /<(?:ss:)?Row\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:ss:)?Row>)/g;
    let rowNumber = 0;
    for (let rm = rowRe.exec(body); rm; rm = rowRe.exec(body)) {
      const index = attr(rm[1]!, "Index");
      rowNumber = index && /^\d+$/.test(index) ? Number(index) : rowNumber + 1;
      if (records.length >= MAX_ROWS) throw new Error(`${file}: worksheet ${name} has more than ${MAX_ROWS} rows`);
      const fields: string[] = [];
      const cellRe = /<(?:ss:)?Cell\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:ss:)?Cell>)/g;
      const inner = rm[3] ?? "";
      for (let cm = cellRe.exec(inner); cm; cm = cellRe.exec(inner)) {
        const at = attr(cm[1]!, "Index");
        const column = at && /^\d+$/.test(at) ? Number(at) - 1 : fields.length;
        if (column >= MAX_COLUMNS)
          throw new Error(`${file}: worksheet ${name} row ${rowNumber} has more than ${MAX_COLUMNS} columns`);
        while (fields.length < column) fields.push("");
        const data = /<(?:ss:)?Data\b([^>]*)>([\s\S]*?)<\/(?:ss:)?Data>/.exec(cm[3] ?? "");
        fields[column] = data ? dataText(data[2]!, attr(data[1]!, "Type")) : "";
        const across = attr(cm[1]!, "MergeAcross");
        if (across && /^\d+$/.test(across))
          for (let i = 0; i < Number(across) && fields.length < MAX_COLUMNS; i++) fields.push("");
      }
      records.push({ line: rowNumber, fields });
    }
    sheets.push({ name, records });
  }
  return sheets;
}

/** The first worksheet with a row, as records; throws when the workbook holds none. */
export function firstSheetRecords(text: string, file = "workbook"): CsvRecord[] {
  const sheets = parseSpreadsheetMl(text, file);
  const sheet = sheets.find((s) => s.records.length > 0);
  if (!sheet) throw new Error(`${file}: the workbook has no rows`);
  return sheet.records;
}

/** The cells of the first row, from the first bytes of a SpreadsheetML file (for cheap kind detection). */
export function spreadsheetMlHeader(head: string): string[] {
  if (!isSpreadsheetMl(head)) return [];
  const row = /<(?:ss:)?Row\b[^>]*?>([\s\S]*?)<\/(?:ss:)?Row>/.exec(head);
  if (!row) return [];
  const out: string[] = [];
  const cellRe = /<(?:ss:)?Cell\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:ss:)?Cell>)/g;
  for (let cm = cellRe.exec(row[1]!); cm; cm = cellRe.exec(row[1]!)) {
    const data = /<(?:ss:)?Data\b([^>]*)>([\s\S]*?)<\/(?:ss:)?Data>/.exec(cm[3] ?? "");
    out.push(data ? dataText(data[2]!, null).trim() : "");
  }
  return out;
}
