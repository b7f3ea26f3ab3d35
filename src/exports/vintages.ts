import type { Database } from "../db/database.ts";
import { markdownTable } from "./markdown.ts";

export interface DataVintage {
  kind: string;
  source: string;
  vintage: string | null;
  loadedAt: string | null;
}

export interface Vintages {
  reference: DataVintage[];
  scoringRun: { runId: number; period: string; asOf: string; modelVersion: string } | null;
}

/** The reference loads and the scoring run an export is built from (current_reference_loads, latest scoring_runs). */
export async function loadVintages(db: Database, period?: string): Promise<Vintages> {
  const reference = await db.all<DataVintage>(
    `SELECT kind, source_file AS source, CAST(vintage AS VARCHAR) AS vintage, CAST(loaded_at AS VARCHAR) AS "loadedAt"
     FROM current_reference_loads ORDER BY kind, source_file`,
  );
  const run = await db.one<{ runId: number; period: string; asOf: string; modelVersion: string }>(
    `SELECT run_id AS "runId", period, CAST(as_of AS VARCHAR) AS "asOf", model_version AS "modelVersion"
     FROM scoring_runs WHERE ($period IS NULL OR period = $period) ORDER BY run_id DESC LIMIT 1`,
    { period: period ?? null },
  );
  return { reference, scoringRun: run ?? null };
}

/** The "Data vintages" section every export carries. */
export function vintagesMarkdown(v: Vintages): string {
  const run = v.scoringRun
    ? `Scoring run ${v.scoringRun.runId} (period ${v.scoringRun.period}, as of ${v.scoringRun.asOf}, model ${v.scoringRun.modelVersion}).`
    : "No scoring run was recorded; RMAP statuses come from the reference lists directly.";
  const rows = v.reference.map((r) => [r.kind, r.source, r.vintage ?? "unknown", r.loadedAt?.slice(0, 19) ?? ""]);
  return [
    "## Data vintages",
    "",
    run,
    "",
    rows.length > 0
      ? markdownTable(["Reference", "Source file", "Vintage", "Loaded"], rows)
      : "_No reference list has been loaded._",
  ].join("\n");
}

/** One line naming the vintages, for spreadsheet comments and CLI output. */
export function vintagesLine(v: Vintages): string {
  const refs = v.reference.map((r) => `${r.kind} ${r.vintage ?? "undated"}`).join("; ");
  const run = v.scoringRun ? `scoring run ${v.scoringRun.runId} (${v.scoringRun.asOf})` : "no scoring run";
  return `data vintages: ${refs || "no reference lists"}; ${run}`;
}
