import type { Database } from "../db/database.ts";
import { quoteIdentifier } from "../db/database.ts";

/**
 * An order-independent checksum of each table's rows ("rows:sum-of-row-hashes"). Any inserted, deleted or updated
 * row changes it; duplicates count (a sum, not an xor). Every table comes from src/db/migrations, so a name that is
 * not in the schema is a programming error and throws.
 */
export async function tableChecksums(db: Database, tables: readonly string[]): Promise<Record<string, string>> {
  const present = new Set(await db.baseTables());
  const out: Record<string, string> = {};
  for (const table of [...tables].sort()) {
    if (!present.has(table)) throw new Error(`tableChecksums: no table ${table} in the migrated schema`);
    const q = quoteIdentifier(table);
    const r = await db.one<{ n: number; h: string }>(
      `SELECT count(*) AS n, CAST(coalesce(sum(CAST(hash(${q}) AS HUGEINT)), 0) AS VARCHAR) AS h FROM ${q}`,
    );
    out[table] = `${r?.n ?? 0}:${r?.h ?? "0"}`;
  }
  return out;
}
