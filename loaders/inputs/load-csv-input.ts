import { readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { z } from "zod";
import { quoteIdentifier, type Database, type SqlValue } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import { parseCsv } from "./parse-csv.ts";

/** One rejected row: named by file, line and column, with the offending value echoed in the message. */
export interface RowError {
  file: string;
  line: number;
  column: string | null;
  message: string;
}

export interface LoadResult {
  file: string;
  rowsRead: number;
  rowsStored: number;
  /** Rows of this source removed before storing (a reload replaces the previous load). */
  rowsReplaced: number;
  errors: RowError[];
  warnings: RowError[];
}

export interface CsvInputSpec<S extends z.ZodType<Record<string, unknown>>> {
  /** What the file is, for messages ("supplier master"). */
  kind: string;
  table: string;
  columns: readonly string[];
  required: readonly string[];
  /** Schema for one row; receives the raw strings keyed by normalised header plus `decimalComma`. */
  schema: (options: { decimalComma: boolean }) => S;
  /** Table columns (besides source and line) and the values for one parsed row. */
  store: { columns: readonly string[]; values: (row: z.infer<S>, extra: Record<string, string>) => SqlValue[] };
  /** Optional cross-row/cross-table checks: return errors to reject rows, warnings to keep them. */
  check?: (
    rows: Array<{ line: number; row: z.infer<S> }>,
    db: Database,
  ) => Promise<{ rejected: RowError[]; warnings: RowError[] }>;
  maxBytes?: number;
}

/** "Supplier ID" / "supplier-id" / "SUPPLIER_ID" → "supplier_id". */
export function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Reads a company CSV (UTF-8, optional BOM, `,` or `;`), validates each row with zod (collect and continue)
 * and replaces the rows previously loaded from the same file. Header problems are fatal (IngestError).
 */
export async function loadCsvInput<S extends z.ZodType<Record<string, unknown>>>(
  db: Database,
  path: string,
  spec: CsvInputSpec<S>,
): Promise<LoadResult> {
  const file = basename(path);
  const source = resolve(path);
  const size = statSync(source).size;
  if (size > (spec.maxBytes ?? DEFAULT_MAX_BYTES)) {
    throw new IngestError(
      `${spec.kind} too large: ${size} bytes (expected at most ${spec.maxBytes ?? DEFAULT_MAX_BYTES})`,
      { file },
    );
  }
  const bytes = readFileSync(source);
  if (bytes.subarray(0, 4).toString("latin1") === "PK\u0003\u0004") {
    throw new IngestError(
      `${spec.kind} is a zip/xlsx workbook, not CSV (expected a .csv file; save the sheet as CSV UTF-8)`,
      { file },
    );
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  const { header, records, separator } = parseCsv(text);
  const keys = header.map(headerKey);
  const missing = spec.required.filter((c) => !keys.includes(c));
  if (missing.length > 0) {
    throw new IngestError(
      `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")} (expected header: ${spec.columns.join(",")}; found: ${header.join(",") || "nothing"})`,
      { file, line: 1 },
      "header",
    );
  }
  const schema = spec.schema({ decimalComma: separator === ";" });
  const errors: RowError[] = [];
  const good: Array<{ line: number; row: z.infer<S>; extra: Record<string, string> }> = [];
  let rowsRead = 0;
  for (const rec of records) {
    if (rec.fields.every((f) => f.trim() === "")) continue;
    rowsRead++;
    const raw: Record<string, string> = {};
    const extra: Record<string, string> = {};
    keys.forEach((k, i) => {
      const v = rec.fields[i] ?? "";
      if (spec.columns.includes(k)) raw[k] = v;
      else if (k && v.trim() !== "") extra[header[i]!] = v;
    });
    if (rec.fields.length > header.length && rec.fields.slice(header.length).some((f) => f.trim() !== "")) {
      errors.push({
        file,
        line: rec.line,
        column: null,
        message: `${file}:${rec.line}: too many fields: ${rec.fields.length} (expected ${header.length}; quote values that contain "${separator}")`,
      });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        const where = new IngestError(issue.message, { file, line: rec.line, column }).message;
        errors.push({ file, line: rec.line, column, message: where });
      }
      continue;
    }
    good.push({ line: rec.line, row: parsed.data as z.infer<S>, extra });
  }
  const checked = spec.check ? await spec.check(good, db) : { rejected: [], warnings: [] };
  errors.push(...checked.rejected);
  const rejectedLines = new Set(checked.rejected.map((e) => e.line));
  const rows = good.filter((g) => !rejectedLines.has(g.line));
  errors.sort((a, b) => a.line - b.line);

  let rowsReplaced = 0;
  await db.transaction(async () => {
    const table = quoteIdentifier(spec.table);
    rowsReplaced = Number(await db.scalar(`SELECT count(*) FROM ${table} WHERE source = ?`, [source]));
    await db.run(`DELETE FROM ${table} WHERE source = ?`, [source]);
    await db.insertRows(
      spec.table,
      [...spec.store.columns, "source", "line"],
      rows.map((g) => [...spec.store.values(g.row, g.extra), source, g.line]),
    );
  });
  return { file, rowsRead, rowsStored: rows.length, rowsReplaced, errors, warnings: checked.warnings };
}
