import { z } from "zod";
import type { Database, Row } from "../../db/database.ts";
import { Reason } from "../../scoring/result.ts";
import { groupBy } from "../../group-by.ts";
import { fnv1a32 } from "../../text/fnv1a.ts";

// Shared reads for the site's query functions. Every table and view they read comes from src/db/migrations, so
// a warehouse where a stage has not run yet simply gives empty results.

export interface Warehouse {
  db: Database;
  rows<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export async function openWarehouse(db: Database): Promise<Warehouse> {
  return {
    db,
    rows: <T>(sql: string, params: unknown[] = []) => db.all<T>(sql, params as never),
  };
}

export interface Reporter {
  id: string;
  name: string;
  band: string;
}

/**
 * The suppliers that report each smelter key in a run, by name. `only` limits the keys to an SQL subquery that
 * selects smelter_key (a fixed query of the caller; its values go in `params`).
 */
export async function smelterReporters(
  w: Warehouse,
  runId: number,
  only?: { keys: string; params?: unknown[] },
): Promise<Map<string, Reporter[]>> {
  const rows = await w.rows<Reporter & { key: string }>(
    `SELECT l.smelter_key AS key, l.supplier_id AS id, coalesce(s.name, l.supplier_id) AS name, coalesce(s.band, 'Data gap') AS band
     FROM supplier_smelter_links l LEFT JOIN supplier_scores s ON s.run_id = l.run_id AND s.supplier_id = l.supplier_id
     WHERE l.run_id = ?${only ? ` AND l.smelter_key IN (${only.keys})` : ""} ORDER BY 3`,
    [runId, ...(only?.params ?? [])],
  );
  const out = new Map<string, Reporter[]>();
  for (const [key, list] of groupBy(rows, (r) => r.key))
    out.set(
      key,
      list.map(({ id, name, band }) => ({ id, name, band })),
    );
  return out;
}

export interface RunRef {
  runId: number;
  period: string;
  asOf: string;
  modelVersion: string;
}

/** The latest scoring run of each period, newest period first (ordered by as-of date, then run). */
export async function periodRuns(w: Warehouse): Promise<RunRef[]> {
  return w.rows<RunRef>(
    `SELECT run_id AS "runId", period, CAST(as_of AS VARCHAR) AS "asOf", model_version AS "modelVersion"
     FROM latest_scoring_runs ORDER BY as_of DESC, run_id DESC`,
  );
}

/** The current run and the one of the period before it (null when there is none). */
export async function currentAndPrevious(w: Warehouse): Promise<{ current: RunRef | null; previous: RunRef | null }> {
  const runs = await periodRuns(w);
  return { current: runs[0] ?? null, previous: runs[1] ?? null };
}

const Reasons = z.array(Reason);
export type ReasonLine = z.infer<typeof Reason>;

/** Parses a JSON column (text or already parsed) with `schema`; anything malformed becomes an empty list. */
function parseJsonList<T>(value: unknown, schema: z.ZodType<T[]>): T[] {
  let json: unknown = value;
  if (typeof value === "string") {
    try {
      json = JSON.parse(value);
    } catch {
      return [];
    }
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** Parses a reasons JSON column; anything malformed becomes an empty list (the score still shows). */
export function parseReasons(value: unknown): ReasonLine[] {
  return parseJsonList(value, Reasons);
}

const StringList = z.array(z.string());

export function parseStringList(value: unknown): string[] {
  return parseJsonList(value, StringList);
}

/** The reasons that carry points or an override, largest first: what a reader needs to see. */
export function topReasons(reasons: readonly ReasonLine[], n = 3): ReasonLine[] {
  return reasons
    .filter((r) => r.points !== 0 || r.override)
    .sort(
      (a, b) => Number(Boolean(b.override)) - Number(Boolean(a.override)) || Math.abs(b.points) - Math.abs(a.points),
    )
    .slice(0, n);
}

export function reasonText(r: ReasonLine): string {
  const pts = r.override ? r.override : `${r.points > 0 ? "+" : ""}${r.points}`;
  return `${r.factor} (${pts}): ${r.evidence}`;
}

export const str = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
export const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v)
    ? v
    : v === null || v === undefined || v === ""
      ? null
      : Number.isFinite(Number(v))
        ? Number(v)
        : null;
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/** FNV-1a of a key, modulo `shards`; pages/components/shard.js computes the same in the browser. */
export function shardOf(key: string, shards: number): number {
  return fnv1a32(key) % shards;
}

export const SHARDS = 64;
