import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../../src/db/database.ts";
import { addReferenceFile, type ReferenceLoadResult } from "./detect.ts";
import { registerRmiKinds } from "./rmi-kinds.ts";

export const SHIPPED_RMI_DIR = resolve(fileURLToPath(new URL("../../data/reference/rmi", import.meta.url)));

/**
 * Loads the sample RMI reference shipped in data/reference/rmi (look-ups, 2023Q1 status lists, 2014 legacy IDs).
 * Idempotent: a file whose hash equals the current load of its kind adds nothing. The user's own current
 * template (`assay reference add`) and facility lists replace these.
 */
export async function loadShippedReference(db: Database, dir = SHIPPED_RMI_DIR): Promise<ReferenceLoadResult[]> {
  registerRmiKinds();
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".csv")).sort();
  const results: ReferenceLoadResult[] = [];
  for (const f of files) results.push(await addReferenceFile(db, join(dir, f)));
  return results;
}

/** True when at least one Smelter Look-up is loaded. */
export async function hasSmelterReference(db: Database): Promise<boolean> {
  const n = await db.scalar<number>("SELECT count(*) FROM reference_loads WHERE kind LIKE 'rmi-lookup-%'");
  return (n ?? 0) > 0;
}
