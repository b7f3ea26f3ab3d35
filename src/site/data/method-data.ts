import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Database } from "../../db/database.ts";
import { currentAndPrevious, openWarehouse, str } from "./_warehouse.ts";
import { REPO_ROOT } from "../../repo-root.ts";
import { describeStoredModel } from "./method-text.ts";

/** Flattens the stored model JSON into path/value rows, so the page shows whatever the model holds. */
export function flattenModel(value: unknown, prefix = ""): { parameter: string; value: string }[] {
  if (value === null || typeof value !== "object") return [{ parameter: prefix, value: String(value) }];
  if (Array.isArray(value))
    return [
      {
        parameter: prefix,
        value: value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", "),
      },
    ];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    flattenModel(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** Splits PROVENANCE.md into its sections (heading + plain text), for the Method page. */
export function provenanceSections(markdown: string): { heading: string; text: string }[] {
  const out: { heading: string; text: string }[] = [];
  for (const block of markdown.split(/^#{2,3}\s+/m).slice(1)) {
    const [heading = "", ...rest] = block.split("\n");
    out.push({ heading: heading.trim(), text: rest.join("\n").trim() });
  }
  return out;
}

/** Method page: the risk model of the current run and the vintage and provenance of every reference dataset. */
export async function methodData(db: Database, options: { provenanceFile?: string } = {}) {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  const run = current
    ? await w.db.one<{ model: string; vintages: string }>(
        "SELECT CAST(model AS VARCHAR) AS model, CAST(reference_vintages AS VARCHAR) AS vintages FROM scoring_runs WHERE run_id = ?",
        [current.runId],
      )
    : undefined;
  let model: unknown = null;
  try {
    model = run ? JSON.parse(run.model) : null;
  } catch {
    model = null;
  }
  const datasets = (
    await w.rows<Record<string, unknown>>(
      `SELECT l.kind, l.source_file, CAST(l.vintage AS VARCHAR) AS vintage, CAST(l.loaded_at AS VARCHAR) AS loaded, l.row_count AS rows, l.sha256,
         l.load_id IN (SELECT load_id FROM current_reference_loads) AS current
       FROM reference_loads l ORDER BY l.kind, l.load_id DESC`,
    )
  ).map((r) => ({
    kind: String(r.kind),
    file: basename(String(r.source_file ?? "")),
    vintage: str(r.vintage),
    loaded: str(r.loaded)?.slice(0, 16) ?? null,
    rows: Number(r.rows),
    sha256: String(r.sha256 ?? "").slice(0, 12),
    current: r.current === true,
  }));
  const file = options.provenanceFile ?? join(REPO_ROOT, "data/reference/PROVENANCE.md");
  return {
    run: current,
    model,
    /** The model in words, from the stored model's own figures (null: no run, or a model this version cannot read). */
    modelText: model ? describeStoredModel(model) : null,
    modelParameters: model ? flattenModel(model) : [],
    datasets,
    provenance: existsSync(file) ? provenanceSections(readFileSync(file, "utf8")) : [],
  };
}
