import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../../src/db/database.ts";

/** Tables that record how the warehouse was built (one row per run or stage), not what it holds. */
const BOOKKEEPING = new Set([
  "build_fingerprints",
  "ingest_runs",
  "scoring_runs",
  "engagement_runs",
  "export_runs",
  "schema_migrations",
  "sanctions_changes",
]);

/**
 * Row count of every content table; for tables written once per scoring or engagement run, the rows of the latest run.
 * Two warehouses built from the same inputs — one straight, one through kills and re-runs — must agree on all of them.
 */
export async function ledgerCounts(dbPath: string): Promise<Record<string, number>> {
  const db = await Database.open(dbPath, { readOnly: true });
  try {
    const tables = await db.all<{ name: string; perRun: boolean }>(
      `SELECT t.table_name AS name, bool_or(c.column_name = 'run_id') AS "perRun"
       FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
       WHERE t.table_schema = 'main' AND t.table_type = 'BASE TABLE' GROUP BY 1 ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const t of tables) {
      if (BOOKKEEPING.has(t.name)) continue;
      const q = `"${t.name.replaceAll('"', '""')}"`;
      counts[t.name] = Number(
        await db.scalar(
          t.perRun
            ? `SELECT count(*) FROM ${q} WHERE run_id = (SELECT max(run_id) FROM ${q})`
            : `SELECT count(*) FROM ${q}`,
        ),
      );
    }
    return counts;
  } finally {
    db.close();
  }
}

export interface FileLedger {
  /** Inbox files the warehouse does not account for: neither stored, nor rejected with a reason, nor a known path. */
  unaccounted: string[];
  /** Files recorded as rejected without a reason, or with a storage failure as the reason. */
  badRejections: { path: string; reason: string | null }[];
  byStatus: Record<string, number>;
}

function regularFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    const s = statSync(p);
    return s.isDirectory() ? regularFiles(p) : s.isFile() ? [p] : [];
  });
}

/** Every regular file under `inbox` must end ingested, unchanged (a known path), a copy of a stored file, or rejected with a reason. */
export async function fileLedger(dbPath: string, inbox: string): Promise<FileLedger> {
  const db = await Database.open(dbPath, { readOnly: true });
  try {
    const paths = new Map(
      (
        await db.all<{ path: string; status: string; reason: string | null }>(
          "SELECT p.path, f.status, f.reason FROM file_paths p JOIN files f USING (file_hash)",
        )
      ).map((r) => [r.path, r]),
    );
    const unaccounted: string[] = [];
    const badRejections: FileLedger["badRejections"] = [];
    const byStatus: Record<string, number> = {};
    for (const file of regularFiles(inbox)) {
      const r = paths.get(file);
      if (!r) {
        unaccounted.push(file);
        continue;
      }
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      if (r.status === "rejected" && (!r.reason || /storage|No space|cannot rollback|Failed to commit/i.test(r.reason)))
        badRejections.push({ path: file, reason: r.reason });
    }
    return { unaccounted, badRejections, byStatus };
  } finally {
    db.close();
  }
}
