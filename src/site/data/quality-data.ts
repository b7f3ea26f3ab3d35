import type { Database } from "../../db/database.ts";
import { columnar } from "./columnar.ts";
import { currentAndPrevious, openWarehouse, parseStringList } from "./_warehouse.ts";

// The page lists the first LIMIT findings (most severe first) and offers every finding as a CSV that is fetched
// only when asked for (data/findings.json.gz), so the page weight does not grow with the number of findings.
const LIMIT = 2000;

/** Data-quality page: declaration findings by code and by supplier, and the smelter data flags of the current run. */
export async function qualityData(db: Database, options: { limit?: number | null } = {}) {
  const limit = options.limit === undefined ? LIMIT : options.limit;
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  const runId = current?.runId ?? -1;
  let byCode: Record<string, unknown>[] = [];
  let bySupplier: Record<string, unknown>[] = [];
  let findings: Record<string, unknown>[] = [];
  let total = 0;
  // Findings of the declarations each supplier's current score rests on.
  const base = `FROM findings f JOIN supplier_scores s ON s.run_id = ? AND s.declaration_id = f.declaration_id`;
  byCode = await w.db.all(
    `SELECT f.code AS code, lower(f.severity) AS severity, count(*) AS findings, count(DISTINCT s.supplier_id) AS suppliers,
       any_value(f.message) AS example ${base} GROUP BY 1, 2 ORDER BY findings DESC, code`,
    [runId],
  );
  bySupplier = await w.db.all(
    `SELECT s.supplier_id AS id, any_value(s.name) AS name, count(*) FILTER (WHERE lower(f.severity) = 'error') AS errors,
       count(*) FILTER (WHERE lower(f.severity) = 'warning') AS warnings, count(*) FILTER (WHERE lower(f.severity) = 'info') AS info,
       string_agg(DISTINCT f.code, ', ' ORDER BY f.code) AS codes
     ${base} GROUP BY 1 ORDER BY errors DESC, warnings DESC, name`,
    [runId],
  );
  total = Number((await w.db.scalar(`SELECT count(*) ${base}`, [runId])) ?? 0);
  findings = await w.db.all(
    `SELECT s.supplier_id AS id, s.name AS supplier, lower(f.severity) AS severity, f.code AS code, f.sheet AS sheet,
       f.cell AS cell, f.message AS message ${base}
     ORDER BY CASE lower(f.severity) WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, s.name, f.code, f.sheet, f.cell
     LIMIT ?`,
    [runId, limit ?? 2 ** 31 - 1],
  );
  const flagCounts = new Map<string, number>();
  for (const r of await w.rows<{ flags: string }>(
    "SELECT CAST(flags AS VARCHAR) AS flags FROM smelter_scores WHERE run_id = ?",
    [runId],
  )) {
    for (const f of parseStringList(r.flags)) flagCounts.set(f, (flagCounts.get(f) ?? 0) + 1);
  }
  const files = await w.rows<Record<string, unknown>>(
    "SELECT kind, status, count(*) AS files, string_agg(DISTINCT reason, '; ') AS reasons FROM files GROUP BY 1, 2 ORDER BY 1, 2",
  );
  return {
    byCode,
    bySupplier,
    findings,
    findingsTotal: total,
    findingsShown: findings.length,
    smelterFlags: [...flagCounts].map(([flag, n]) => ({ flag, n })).sort((a, b) => b.n - a.n),
    files,
  };
}

/** What the quality page loads: the tables by column (see columnar.ts), findings up to LIMIT. */
export async function qualityPageData(db: Database) {
  const data = await qualityData(db);
  return { ...data, bySupplier: columnar(data.bySupplier), findings: columnar(data.findings) };
}

/** Every finding of the current declarations, for the "all findings" download (fetched on click). */
export async function allFindings(db: Database) {
  const { findings } = await qualityData(db, { limit: null });
  return { findings: columnar(findings) };
}
