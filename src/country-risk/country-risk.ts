import { isConflictMineral } from "../rmi/minerals.ts";
import { iso2ToName } from "../text/countries.ts";
import type { CountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";

export interface CountryFactor {
  code: "covered-country" | "cahra-country" | "cahra-regions" | "child-labour" | "forced-labour" | "governance";
  detail: string;
  source: string;
}

/** One country's risk for one mineral; the summary fields match src/scoring/facts.ts CountryRisk. */
export interface CountryRiskResult {
  iso2: string;
  name: string;
  covered: boolean;
  cahra: "country" | "regions" | null;
  childLabour: boolean;
  forcedLabour: boolean;
  governancePercentile: number | null;
  factors: CountryFactor[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Pure: what the datasets say about `iso2` for `mineral` (lower or RMI case). Labour factors count only goods
 * that map to the mineral; governance is the mean of the six WGI percentile ranks (0 worst – 100 best).
 */
export function countryRisk(iso2: string, mineral: string, data: CountryRiskDatasets): CountryRiskResult {
  const code = iso2.toUpperCase();
  const name = iso2ToName(code) ?? code;
  const m = mineral.toLowerCase().replace("aluminium", "aluminum");
  const factors: CountryFactor[] = [];
  // Dodd-Frank §1502 covers 3TG only: a covered country is no factor for cobalt, copper or mica.
  const covered = data.covered.has(code) && isConflictMineral(m);
  if (covered) {
    factors.push({
      code: "covered-country",
      detail: `${name} is a Dodd-Frank covered country (${data.covered.get(code) || "DRC or adjoining"})`,
      source: data.vintages.covered,
    });
  }
  const cahraEntry = data.cahra.get(code);
  let cahra: CountryRiskResult["cahra"] = null;
  if (cahraEntry?.wholeCountry) {
    cahra = "country";
    const how = cahraEntry.allRegionsListed
      ? ` (all ${cahraEntry.regions?.length ?? 0} first-level regions are listed)`
      : "";
    factors.push({
      code: "cahra-country",
      detail: `${name} is listed as a whole on the EU CAHRA list${how}`,
      source: data.vintages.cahra,
    });
  } else if (cahraEntry && (cahraEntry.regions?.length ?? 0) > 0) {
    cahra = "regions";
    const regions = cahraEntry.regions!.map((r) => r.name);
    const shown = regions.slice(0, 5).join(", ") + (regions.length > 5 ? ` and ${regions.length - 5} more` : "");
    factors.push({
      code: "cahra-regions",
      detail: `${regions.length} regions of ${name} are on the EU CAHRA list: ${shown}`,
      source: data.vintages.cahra,
    });
  }
  const goods = data.labour.filter((g) => g.iso2 === code && g.minerals.includes(m));
  const child = goods.filter((g) => g.childLabour);
  const forced = goods.filter((g) => g.forcedLabour);
  if (child.length)
    factors.push({
      code: "child-labour",
      detail: `ILAB lists ${child.map((g) => g.good).join(", ")} from ${name} as produced with child labour`,
      source: data.vintages.labour,
    });
  if (forced.length)
    factors.push({
      code: "forced-labour",
      detail: `ILAB lists ${forced.map((g) => g.good).join(", ")} from ${name} as produced with forced labour`,
      source: data.vintages.labour,
    });
  const gov = data.governance.get(code);
  if (gov)
    factors.push({
      code: "governance",
      detail: `${name}: mean WGI percentile rank ${round1(gov.mean)} (0 worst – 100 best)`,
      source: data.vintages.governance,
    });
  return {
    iso2: code,
    name,
    covered,
    cahra,
    childLabour: child.length > 0,
    forcedLabour: forced.length > 0,
    governancePercentile: gov ? round1(gov.mean) : null,
    factors,
  };
}
