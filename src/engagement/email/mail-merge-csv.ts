import { toCsv, type CsvValue } from "../../text/csv.ts";

/** A CSV document (UTF-8 with BOM so Excel detects the encoding, CRLF rows), every text cell formula-safe. */
export function formatMailMergeCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  return toCsv(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
    { bom: true },
  );
}
