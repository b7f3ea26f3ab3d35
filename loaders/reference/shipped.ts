import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../../src/db/database.ts";
import type { ReferenceLoadResult } from "./detect.ts";
import { addReferenceFile } from "./kinds.ts";
import { sha256 } from "./store.ts";

export const SHIPPED_RMI_DIR = resolve(fileURLToPath(new URL("../../data/reference/rmi", import.meta.url)));

/** The tables an RMI reference load writes (all keyed by load_id). */
const RMI_TABLES = [
  "ref_smelters",
  "ref_smelter_aliases",
  "ref_facility_status",
  "ref_facility_revisions",
  "ref_legacy_ids",
] as const;

interface CurrentLoad {
  load_id: number;
  vintage: string | null;
}

async function currentLoads(db: Database): Promise<Map<string, CurrentLoad>> {
  const rows = await db.all<{ kind: string; load_id: number; vintage: string | null }>(
    "SELECT kind, load_id, CAST(vintage AS VARCHAR) AS vintage FROM current_reference_loads",
  );
  return new Map(rows.map((r) => [r.kind, { load_id: Number(r.load_id), vintage: r.vintage }]));
}

/** Makes an earlier load current again (a new load with the same rows), after an older vintage of its kind was added. */
async function reinstate(db: Database, loadId: number): Promise<void> {
  await db.transaction(async () => {
    const next = await db.scalar<number>(
      `INSERT INTO reference_loads (kind, source_file, vintage, row_count, sha256, detail)
       SELECT kind, source_file, vintage, row_count, sha256, detail FROM reference_loads WHERE load_id = ? RETURNING load_id`,
      [loadId],
    );
    for (const t of RMI_TABLES)
      await db.run(
        `INSERT INTO ${t} BY NAME SELECT ?::INTEGER AS load_id, * EXCLUDE (load_id) FROM ${t} WHERE load_id = ?`,
        [next ?? null, loadId],
      );
  });
}

/**
 * Loads the sample RMI reference shipped in data/reference/rmi: the look-ups of several template versions,
 * the 2023Q1 and 2026-08-22 facility lists, the revision history and the 2014 legacy IDs. Every vintage is kept
 * (matching resolves a CID any of them names); within a kind the newest vintage is current. Idempotent: bytes
 * already loaded are not loaded again. The user's own current template and facility lists replace these.
 */
export async function loadShippedReference(db: Database, dir = SHIPPED_RMI_DIR): Promise<ReferenceLoadResult[]> {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort();
  const before = await currentLoads(db);
  const results: ReferenceLoadResult[] = [];
  for (const f of files) {
    const path = join(dir, f);
    const had = await db.scalar<string>("SELECT kind FROM reference_loads WHERE sha256 = ? LIMIT 1", [
      sha256(readFileSync(path)),
    ]);
    if (had) {
      results.push({ kind: had, loadId: null, rows: 0, detail: `${f}: already loaded` });
      continue;
    }
    results.push(await addReferenceFile(db, path));
  }
  // An older vintage added to a database that already had a newer one of its kind must not replace it.
  const after = await currentLoads(db);
  for (const [kind, was] of before) {
    const now = after.get(kind);
    if (now && now.load_id !== was.load_id && (now.vintage ?? "") < (was.vintage ?? ""))
      await reinstate(db, was.load_id);
  }
  return results;
}

/** True when at least one Smelter Look-up or smelter reference list is loaded. */
export async function hasSmelterReference(db: Database): Promise<boolean> {
  const n = await db.scalar<number>(
    "SELECT count(*) FROM reference_loads WHERE kind LIKE 'rmi-lookup-%' OR kind LIKE 'rmi-facility-list-%'",
  );
  return (n ?? 0) > 0;
}
