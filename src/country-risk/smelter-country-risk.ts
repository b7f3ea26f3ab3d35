import type { Database } from "../db/database.ts";
import type { ReferenceSmelter } from "../screening/reference-smelters.ts";
import { countryRisk, type CountryRiskResult } from "./country-risk.ts";
import type { CountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";
import { isBoilerplateMineList, parseMineCountries } from "../rmi/mine-countries.ts";

export interface SmelterCountryRisk extends CountryRiskResult {
  cid: string;
  metal: string;
  basis: "location" | "mine";
  /** Where the country came from: "reference", or the declaration/mine list that reported it. */
  source: string | null;
}

/** Pure: the risk of each smelter's location country, for its own metal. */
export function locationRisks(smelters: readonly ReferenceSmelter[], data: CountryRiskDatasets): SmelterCountryRisk[] {
  return smelters.flatMap((s) =>
    s.countryIso2
      ? [
          {
            ...countryRisk(s.countryIso2, s.metal, data),
            cid: s.cid,
            metal: s.metal,
            basis: "location" as const,
            source: "reference",
          },
        ]
      : [],
  );
}

/**
 * Pure: the risk of every country reported as a mine origin for one smelter and mineral — Smelter List mine
 * columns (free text, parsed) or EMRT Mine List countries. Recycled material adds no country; a boilerplate list of
 * BOILERPLATE_MIN_COUNTRIES or more countries in one cell adds none either.
 */
export function mineRisks(
  smelter: { cid: string; metal: string },
  reported: readonly { text: string; source: string }[],
  data: CountryRiskDatasets,
): SmelterCountryRisk[] {
  const seen = new Set<string>();
  const out: SmelterCountryRisk[] = [];
  for (const r of reported) {
    const parsed = parseMineCountries(r.text);
    if (isBoilerplateMineList(parsed)) continue;
    for (const iso2 of parsed.countries) {
      if (seen.has(iso2)) continue;
      seen.add(iso2);
      out.push({
        ...countryRisk(iso2, smelter.metal, data),
        cid: smelter.cid,
        metal: smelter.metal,
        basis: "mine",
        source: r.source,
      });
    }
  }
  return out;
}

/** Replaces the rows of the given bases in smelter_country_risk (scoring joins it by cid and metal). */
export async function storeSmelterCountryRisk(
  db: Database,
  rows: readonly SmelterCountryRisk[],
  bases: readonly ("location" | "mine")[],
): Promise<void> {
  await db.transaction(async () => {
    for (const b of bases) await db.run("DELETE FROM smelter_country_risk WHERE basis = ?", [b]);
    const unique = new Map(rows.map((r) => [`${r.cid}|${r.metal}|${r.basis}|${r.iso2}`, r]));
    await db.insertRows(
      "smelter_country_risk",
      [
        "cid",
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
        "source",
      ],
      [...unique.values()].map((r) => [
        r.cid,
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
        r.source,
      ]),
    );
  });
}
