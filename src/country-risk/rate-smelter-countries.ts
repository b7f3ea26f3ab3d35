import { type CountryRiskDatasets, loadCountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";
import type { Database } from "../db/database.ts";
import type { ReferenceSmelter } from "../screening/reference-smelters.ts";
import { refreshMineCountryRisk } from "./refresh-mine-risk.ts";
import { locationRisks, storeSmelterCountryRisk } from "./smelter-country-risk.ts";

/** Stores the country risk of each reference smelter's location and of the mine countries suppliers reported for it. */
export async function rateSmelterCountries(
  db: Database,
  smelters: readonly ReferenceSmelter[],
  data: CountryRiskDatasets = loadCountryRiskDatasets(),
): Promise<void> {
  await storeSmelterCountryRisk(db, locationRisks(smelters, data), ["location"]);
  await refreshMineCountryRisk(db, data);
}
