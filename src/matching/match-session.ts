import type { Database } from "../db/database.ts";
import { hasSmelterReference, loadShippedReference } from "../../loaders/reference/shipped.ts";
import { buildMatchIndex, type MatchIndex } from "./match-index.ts";
import { readMatchReference, type MatchReference } from "./reference-rows.ts";

/**
 * The index for a database, loading the shipped sample reference first when none is loaded,
 * so matching works on a fresh clone.
 */
export async function ensureMatchIndex(db: Database): Promise<{ index: MatchIndex; loadedShipped: boolean }> {
  const { reference, loadedShipped } = await ensureMatchReference(db);
  return { index: buildMatchIndex(reference), loadedShipped };
}

/** The reference rows for matching (shipped sample loaded first when none is), with the loads' fingerprint. */
export async function ensureMatchReference(
  db: Database,
): Promise<{ reference: MatchReference; fingerprint: string; loadedShipped: boolean }> {
  let loadedShipped = false;
  if (!(await hasSmelterReference(db))) {
    await loadShippedReference(db);
    loadedShipped = true;
  }
  return { reference: await readMatchReference(db), fingerprint: await referenceFingerprint(db), loadedShipped };
}

/** Changes whenever a reference load is added (load ids and content hashes of every load). */
export async function referenceFingerprint(db: Database): Promise<string> {
  return (
    (await db.scalar<string>(
      "SELECT coalesce(string_agg(load_id || ':' || sha256, ',' ORDER BY load_id), '') FROM reference_loads",
    )) ?? ""
  );
}

/** Builds the index from the reference tables: the current look-ups, and every list of every loaded vintage. */
export async function loadMatchIndex(db: Database): Promise<MatchIndex> {
  return buildMatchIndex(await readMatchReference(db));
}
