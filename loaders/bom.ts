import { basename } from "node:path";
import { z } from "zod";
import type { Database } from "../src/db/database.ts";
import { identifier, optionalText } from "./inputs/fields.ts";
import { loadCsvInput, type LoadResult, type RowError } from "./inputs/load-csv-input.ts";

export const BOM_COLUMNS = ["product_id", "product_name", "part_number", "part_name", "supplier_id"] as const;

export const BomRow = () =>
  z.object({
    product_id: identifier,
    product_name: optionalText,
    part_number: identifier,
    part_name: optionalText,
    supplier_id: identifier,
  });
export type BomRow = z.infer<ReturnType<typeof BomRow>>;

/**
 * Loads a bill-of-materials CSV (one line per part and supplier) into `bom_lines`. Lines naming a supplier
 * that is not in the loaded supplier master are kept and reported as warnings.
 */
export async function loadBom(db: Database, path: string): Promise<LoadResult> {
  return loadCsvInput(db, path, {
    kind: "bill of materials",
    table: "bom_lines",
    columns: BOM_COLUMNS,
    required: ["product_id", "part_number", "supplier_id"],
    schema: BomRow,
    store: {
      columns: BOM_COLUMNS,
      values: (r) => [r.product_id, r.product_name, r.part_number, r.part_name, r.supplier_id],
    },
    async check(rows, db) {
      const known = new Set((await db.all<{ id: string }>("SELECT supplier_id AS id FROM suppliers")).map((r) => r.id));
      const file = basename(path);
      const warnings: RowError[] = [];
      if (known.size > 0) {
        for (const { line, row } of rows) {
          if (!known.has(row.supplier_id)) {
            warnings.push({
              file,
              line,
              column: "supplier_id",
              message: `${file}:${line} column supplier_id: unknown supplier: ${JSON.stringify(row.supplier_id)} (expected an id from the supplier master)`,
            });
          }
        }
      }
      return { rejected: [], warnings };
    },
  });
}
