import type { Database } from "../db/database.ts";
import { readReferenceSmelters, type ReferenceSmelter } from "./reference-smelters.ts";
import { loadSanctionsIndex } from "./sanctions-index-cache.ts";
import type { ScreeningOptions } from "./screen.ts";
import { screenSmelters, storeSmelterScreening, type SmelterScreening } from "./screen-smelters.ts";

/** Screens every reference smelter against the current sanctions lists and stores the results. */
export async function screenReferenceSmelters(
  db: Database,
  options: ScreeningOptions,
): Promise<{ results: SmelterScreening[]; smelters: ReferenceSmelter[] }> {
  const { index, loadIds } = await loadSanctionsIndex(db);
  const smelters = await readReferenceSmelters(db);
  const results = screenSmelters(index, smelters, options);
  await storeSmelterScreening(db, results, smelters, loadIds);
  return { results, smelters };
}
