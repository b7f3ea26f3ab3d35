import { basename, resolve } from "node:path";
import { z } from "zod";
import type { Database } from "../src/db/database.ts";
import { amount, identifier, optionalEmail, optionalText, requiredText } from "./inputs/fields.ts";
import { loadCsvInput, type LoadResult, type RowError } from "./inputs/load-csv-input.ts";

export const SUPPLIER_COLUMNS = [
  "supplier_id",
  "name",
  "country",
  "commodity",
  "annual_spend",
  "contact_name",
  "contact_email",
  "duns",
  "declaration_name",
] as const;

export const SupplierRow = (options: { decimalComma: boolean }) =>
  z.object({
    supplier_id: identifier,
    name: requiredText,
    country: optionalText,
    commodity: optionalText,
    annual_spend: amount(options.decimalComma),
    contact_name: optionalText,
    contact_email: optionalEmail,
    duns: optionalText,
    declaration_name: optionalText,
  });
export type SupplierRow = z.infer<ReturnType<typeof SupplierRow>>;

/**
 * Loads a supplier master CSV into `suppliers`. Required columns: supplier_id, name; the others may be
 * absent or empty. Unknown columns are kept as JSON in `extra`. A supplier_id may appear once across all
 * loaded masters.
 */
export async function loadSupplierMaster(db: Database, path: string): Promise<LoadResult> {
  return loadCsvInput(db, path, {
    kind: "supplier master",
    table: "suppliers",
    columns: SUPPLIER_COLUMNS,
    required: ["supplier_id", "name"],
    schema: SupplierRow,
    store: {
      columns: [...SUPPLIER_COLUMNS, "extra"],
      values: (r, extra) => [
        r.supplier_id,
        r.name,
        r.country,
        r.commodity,
        r.annual_spend,
        r.contact_name,
        r.contact_email,
        r.duns,
        r.declaration_name,
        Object.keys(extra).length > 0 ? JSON.stringify(extra) : null,
      ],
    },
    async check(rows, db) {
      const rejected: RowError[] = [];
      const first = new Map<string, number>();
      const file = basename(path);
      const others = new Set(
        (
          await db.all<{ id: string }>("SELECT supplier_id AS id FROM suppliers WHERE source <> ?", [resolve(path)])
        ).map((r) => r.id),
      );
      for (const { line, row } of rows) {
        const seen = first.get(row.supplier_id);
        if (seen !== undefined) {
          rejected.push({
            file,
            line,
            column: "supplier_id",
            message: `${file}:${line} column supplier_id: duplicate supplier id: ${JSON.stringify(row.supplier_id)} (expected unique; first on line ${seen})`,
          });
        } else if (others.has(row.supplier_id)) {
          rejected.push({
            file,
            line,
            column: "supplier_id",
            message: `${file}:${line} column supplier_id: supplier id already loaded from another file: ${JSON.stringify(row.supplier_id)} (expected unique across supplier masters)`,
          });
        } else first.set(row.supplier_id, line);
      }
      return { rejected, warnings: [] };
    },
  });
}
