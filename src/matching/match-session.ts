import type { Database } from "../db/database.ts";
import { hasSmelterReference, loadShippedReference } from "../../loaders/reference/shipped.ts";
import { loadMatchIndex, type MatchIndex } from "./match-index.ts";

/**
 * The index for a database, loading the shipped sample reference first when none is loaded,
 * so matching works on a fresh clone.
 */
export async function ensureMatchIndex(db: Database): Promise<{ index: MatchIndex; loadedShipped: boolean }> {
  let loadedShipped = false;
  if (!(await hasSmelterReference(db))) {
    await loadShippedReference(db);
    loadedShipped = true;
  }
  return { index: await loadMatchIndex(db), loadedShipped };
}
