import { createHash } from "node:crypto";
import type { Database } from "../db/database.ts";
import type { PipelineContext, Stage } from "./stage.ts";
import { tableChecksums } from "./table-checksum.ts";

/** What a derived stage reads: its fingerprint changes when any of these does. */
export interface StageInputs {
  /** Tables the stage reads, or every table except those it and later stages write (new tables count by default). */
  tables: readonly string[] | { except: readonly string[] };
  /** Tables the stage writes whose content must still be what it left (a stage that replaces them re-runs otherwise). */
  outputs?: readonly string[];
  /** Which results the stage replaces: "*" for global results, else e.g. the period. */
  scope(ctx: PipelineContext): string;
  /** Settings and dates the result depends on (JSON-serialisable). */
  settings(ctx: PipelineContext): unknown;
}

export interface Fingerprint {
  stage: string;
  scope: string;
  value: string;
  /** Checksum of the stage's output tables (empty when it declares none). */
  outputs: string;
}

/** Canonical JSON: object keys sorted, so equal settings always hash alike. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    ) ?? "null"
  );
}

async function allTablesExcept(db: Database, except: readonly string[]): Promise<string[]> {
  return (await db.baseTables()).filter((t) => !except.includes(t));
}

const sha256 = (value: unknown) => createHash("sha256").update(canonical(value)).digest("hex");

export async function outputsChecksum(db: Database, inputs: StageInputs): Promise<string> {
  return inputs.outputs?.length ? sha256(await tableChecksums(db, inputs.outputs)) : "";
}

export async function stageFingerprint(stage: string, inputs: StageInputs, ctx: PipelineContext): Promise<Fingerprint> {
  const names = Array.isArray(inputs.tables)
    ? inputs.tables
    : await allTablesExcept(ctx.db, (inputs.tables as { except: readonly string[] }).except);
  const checksums = await tableChecksums(ctx.db, names);
  return {
    stage,
    scope: inputs.scope(ctx),
    value: sha256({ stage, settings: inputs.settings(ctx), checksums }),
    outputs: await outputsChecksum(ctx.db, inputs),
  };
}

export interface RecordedFingerprint {
  fingerprint: string;
  outputs: string;
  summary: string;
}

export async function lastFingerprint(
  db: Database,
  stage: string,
  scope: string,
): Promise<RecordedFingerprint | undefined> {
  return db.one<RecordedFingerprint>(
    "SELECT fingerprint, outputs, summary FROM build_fingerprints WHERE stage = ? AND scope = ?",
    [stage, scope],
  );
}

/** True when the stage may be skipped: same inputs as its last run and its outputs untouched since. */
export function unchangedSince(last: RecordedFingerprint | undefined, f: Fingerprint): last is RecordedFingerprint {
  return last !== undefined && last.fingerprint === f.value && last.outputs === f.outputs;
}

/** Records a successful run: the inputs it started from and the outputs it left. */
export async function recordFingerprint(
  db: Database,
  f: Fingerprint,
  inputs: StageInputs,
  asOf: string,
  summary: string,
): Promise<void> {
  await db.run(
    "INSERT OR REPLACE INTO build_fingerprints (stage, scope, fingerprint, outputs, as_of, summary, recorded_at) VALUES (?, ?, ?, ?, ?, ?, current_timestamp)",
    [f.stage, f.scope, f.value, await outputsChecksum(db, inputs), asOf, summary],
  );
}

/**
 * Runs `work` only when the inputs of `name` changed since it last ran for the same scope (or when `ctx.full` is
 * set); otherwise returns the summary of that last run with `skipped: true`. The fingerprint is taken before `work`
 * and recorded only after it succeeds, so an interrupted build re-runs it next time.
 */
export async function runIfChanged(
  name: string,
  inputs: StageInputs,
  ctx: PipelineContext,
  work: () => Promise<string>,
): Promise<{ skipped: boolean; summary: string }> {
  const f = await stageFingerprint(name, inputs, ctx);
  const last = await lastFingerprint(ctx.db, f.stage, f.scope);
  if (!ctx.full && unchangedSince(last, f)) return { skipped: true, summary: last.summary };
  const summary = await work();
  await recordFingerprint(ctx.db, f, inputs, ctx.asOf, summary);
  return { skipped: false, summary };
}

/** Wraps a derived stage so it runs only when its inputs changed (see runIfChanged). */
export function incrementalStage(stage: Stage, inputs: StageInputs): Stage {
  return {
    name: stage.name,
    async run(ctx) {
      const r = await runIfChanged(stage.name, inputs, ctx, () => stage.run(ctx));
      return r.skipped ? `skipped, inputs unchanged (last run: ${r.summary})` : r.summary;
    },
  };
}
