import { loadCountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";
import { refreshMineCountryRisk } from "../country-risk/refresh-mine-risk.ts";
import { locationRisks, storeSmelterCountryRisk } from "../country-risk/smelter-country-risk.ts";
import type { Database } from "../db/database.ts";
import { readReferenceSmelters } from "./reference-smelters.ts";
import { loadSanctionsIndex } from "./sanctions-index-cache.ts";
import type { ScreeningOptions } from "./screen.ts";
import { screenSmelters, storeSmelterScreening, type SmelterScreening } from "./screen-smelters.ts";

/**
 * Screens every reference smelter against the current sanctions lists and stores the results with the
 * country risk of each smelter's location and of the mine countries suppliers reported.
 */
export async function screenReferenceSmelters(db: Database, options: ScreeningOptions): Promise<SmelterScreening[]> {
  const { index, loadIds } = await loadSanctionsIndex(db);
  const list = await readReferenceSmelters(db);
  const results = screenSmelters(index, list, options);
  await storeSmelterScreening(db, results, list, loadIds);
  const countryData = loadCountryRiskDatasets();
  await storeSmelterCountryRisk(db, locationRisks(list, countryData), ["location"]);
  await refreshMineCountryRisk(db, countryData);
  return results;
}
