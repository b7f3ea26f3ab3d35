import type { Database } from "../db/database.ts";
import type { ReportedSmelter } from "../screening/reported-smelters.ts";
import { countryRisk, type CountryRiskResult } from "./country-risk.ts";
import type { CountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";
import { mineRisks } from "./smelter-country-risk.ts";

export interface ReportedCountryRisk extends CountryRiskResult {
  key: string;
  metal: string;
  basis: "location" | "mine";
  /** Rows that reported this country. */
  rows: number;
  source: string | null;
}

/**
 * Pure: country risk of the reported smelters the reference does not rate by CID (unmatched rows): the location
 * country the supplier typed and the mine countries reported in the rows, per mineral.
 */
export function reportedCountryRisks(
  smelters: readonly ReportedSmelter[],
  data: CountryRiskDatasets,
): ReportedCountryRisk[] {
  const out = new Map<string, ReportedCountryRisk>();
  for (const s of smelters) {
    if (s.referenced) continue;
    const rated: ReportedCountryRisk[] = [];
    if (s.countryIso2)
      rated.push({
        ...countryRisk(s.countryIso2, s.metal, data),
        key: s.key,
        metal: s.metal,
        basis: "location",
        rows: s.rows,
        source: "reported",
      });
    for (const m of mineRisks({ cid: s.key, metal: s.metal }, s.mineCountries, data)) {
      const { cid: _cid, ...risk } = m;
      rated.push({ ...risk, key: s.key, basis: "mine", rows: 1 });
    }
    for (const r of rated) {
      const id = `${r.key}|${r.metal}|${r.basis}|${r.iso2}`;
      const seen = out.get(id);
      out.set(id, seen ? { ...seen, rows: seen.rows + r.rows } : r);
    }
  }
  return [...out.values()];
}

/** Replaces reported_country_risk (gather.ts reads it by smelter key and metal). */
export async function storeReportedCountryRisk(db: Database, rows: readonly ReportedCountryRisk[]): Promise<void> {
  await db.transaction(async () => {
    await db.run("DELETE FROM reported_country_risk");
    await db.insertRows(
      "reported_country_risk",
      [
        "smelter_key",
        "metal",
        "basis",
        "country_iso2",
        "country_name",
        "covered",
        "cahra",
        "child_labour",
        "forced_labour",
        "governance_percentile",
        "factors",
        "report_rows",
        "source",
      ],
      rows.map((r) => [
        r.key,
        r.metal,
        r.basis,
        r.iso2,
        r.name,
        r.covered,
        r.cahra,
        r.childLabour,
        r.forcedLabour,
        r.governancePercentile,
        JSON.stringify(r.factors),
        r.rows,
        r.source,
      ]),
    );
  });
}
