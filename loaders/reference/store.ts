import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { Database, SqlValue } from "../../src/db/database.ts";

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface LoadRecord {
  kind: string;
  sourceFile: string;
  /** ISO date the data is "as of" (template release date, list date), or null when unknown. */
  vintage: string | null;
  sha256: string;
  rowCount: number;
  detail?: string;
}

/**
 * Records a load and inserts its rows in one transaction. When the current load of the same kind has the same
 * hash, nothing is written and null is returned, so loading the same file twice is a no-op while A→B→A
 * makes A current again.
 */
export async function storeLoad(
  db: Database,
  record: LoadRecord,
  tables: readonly { table: string; columns: readonly string[]; rows: (loadId: number) => SqlValue[][] }[],
  options: { perSourceFile?: boolean } = {},
): Promise<number | null> {
  // A kind whose files are separate lists (trade measures) compares against the last load of the same file name.
  const current = await db.scalar<string>(
    `SELECT sha256 FROM reference_loads WHERE kind = ?${options.perSourceFile ? " AND source_file = ?" : ""} ORDER BY load_id DESC LIMIT 1`,
    options.perSourceFile ? [record.kind, basename(record.sourceFile)] : [record.kind],
  );
  if (current === record.sha256) return null;
  return db.transaction(async () => {
    const loadId = await db.scalar<number>(
      `INSERT INTO reference_loads (kind, source_file, vintage, row_count, sha256, detail)
       VALUES (?, ?, CAST(? AS DATE), ?, ?, ?) RETURNING load_id`,
      [record.kind, basename(record.sourceFile), record.vintage, record.rowCount, record.sha256, record.detail ?? null],
    );
    if (loadId === undefined) throw new Error("reference_loads insert returned no load_id");
    for (const t of tables) await db.insertRows(t.table, ["load_id", ...t.columns], t.rows(loadId));
    return loadId;
  });
}

/** Vintage from a file name: an ISO date (2025-08-11), or a quarter (2023Q1 → first day of the quarter). */
export function vintageFromFileName(fileName: string): string | null {
  const iso = /(20\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])/.exec(fileName);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const q = /(20\d{2})[-_ ]?Q([1-4])/i.exec(fileName);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  return null;
}
