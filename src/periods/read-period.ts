import type { Database } from "../db/database.ts";
import { AssayError } from "../errors.ts";
import { PeriodSmelter, PeriodSupplier, type PeriodSnapshot } from "./diff-periods.ts";

/** Reads the latest scoring run of `period`; fails naming the periods that do have runs. */
export async function readPeriod(db: Database, period: string): Promise<PeriodSnapshot> {
  const run = await db.one<{ run_id: number; as_of: string; model_version: string }>(
    "SELECT run_id, CAST(as_of AS VARCHAR) AS as_of, model_version FROM latest_scoring_runs WHERE period = ?",
    [period],
  );
  if (!run) {
    const periods = (await db.all<{ period: string }>("SELECT DISTINCT period FROM scoring_runs ORDER BY 1")).map(
      (r) => r.period,
    );
    const known = periods.length
      ? `periods with runs: ${periods.join(", ")}`
      : "no scoring runs yet; run assay score first";
    throw new AssayError(`no scoring run for period ${JSON.stringify(period)} (${known})`, {
      code: "period",
      exitCode: 2,
    });
  }
  const smelters = await db.all(
    `SELECT smelter_key AS key, cid, name, metal, rmi_status AS "rmiStatus", sanctions, score, band
     FROM smelter_scores WHERE run_id = ? ORDER BY smelter_key`,
    [run.run_id],
  );
  const suppliers = await db.all(
    `SELECT supplier_id AS "supplierId", name, score, band FROM supplier_scores WHERE run_id = ? ORDER BY supplier_id`,
    [run.run_id],
  );
  return {
    period,
    runId: run.run_id,
    asOf: run.as_of,
    modelVersion: run.model_version,
    smelters: smelters.map((r) => PeriodSmelter.parse(r)),
    suppliers: suppliers.map((r) => PeriodSupplier.parse(r)),
  };
}
