import { createHash } from "node:crypto";
import type { Database } from "../db/database.ts";
import type { PipelineContext, Stage } from "../pipeline/stage.ts";
import { tableChecksums } from "./table-checksum.ts";

/** What a derived stage reads: its fingerprint changes when any of these does. */
export interface StageInputs {
  /** Tables the stage reads (not those it writes). */
  tables: readonly string[];
  /** Which results the stage replaces: "*" for global results, else e.g. the period. */
  scope(ctx: PipelineContext): string;
  /** Settings and dates the result depends on (JSON-serialisable). */
  settings(ctx: PipelineContext): unknown;
}

export interface Fingerprint {
  stage: string;
  scope: string;
  value: string;
}

/** Canonical JSON: object keys sorted, so equal settings always hash alike. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  ) ?? "null";
}

export async function stageFingerprint(stage: string, inputs: StageInputs, ctx: PipelineContext): Promise<Fingerprint> {
  const checksums = await tableChecksums(ctx.db, inputs.tables);
  const value = createHash("sha256").update(canonical({ stage, settings: inputs.settings(ctx), checksums })).digest("hex");
  return { stage, scope: inputs.scope(ctx), value };
}

export async function lastFingerprint(db: Database, stage: string, scope: string): Promise<{ fingerprint: string; summary: string } | undefined> {
  return db.one<{ fingerprint: string; summary: string }>("SELECT fingerprint, summary FROM build_fingerprints WHERE stage = ? AND scope = ?", [stage, scope]);
}

export async function recordFingerprint(db: Database, f: Fingerprint, asOf: string, summary: string): Promise<void> {
  await db.run("INSERT OR REPLACE INTO build_fingerprints (stage, scope, fingerprint, as_of, summary, recorded_at) VALUES (?, ?, ?, ?, ?, current_timestamp)", [
    f.stage,
    f.scope,
    f.value,
    asOf,
    summary,
  ]);
}

/**
 * Wraps a derived stage so it runs only when its inputs changed since it last ran for the same scope (or when
 * `ctx.full` is set). The fingerprint is taken before the stage runs and recorded only after it succeeds, so an
 * interrupted build re-runs the stage next time.
 */
export function incrementalStage(stage: Stage, inputs: StageInputs): Stage {
  return {
    name: stage.name,
    async run(ctx) {
      const f = await stageFingerprint(stage.name, inputs, ctx);
      const last = await lastFingerprint(ctx.db, f.stage, f.scope);
      if (!ctx.full && last?.fingerprint === f.value) return `skipped, inputs unchanged (last run: ${last.summary})`;
      const summary = await stage.run(ctx);
      await recordFingerprint(ctx.db, f, ctx.asOf, summary);
      return summary;
    },
  };
}
