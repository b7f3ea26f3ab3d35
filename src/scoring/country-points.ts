import type { CountryRisk } from "./facts.ts";
import type { CountryWeights } from "./model.ts";
import { round1 } from "./result.ts";

export interface CountryPart {
  part: "covered" | "cahra" | "labour" | "governance";
  points: number;
  evidence: string;
}

/** Splits one country's risk into parts (covered country, CAHRA, ILAB labour goods, governance). */
export function countryPoints(country: CountryRisk, weights: CountryWeights, metal: string): CountryPart[] {
  const label = `${country.name} (${country.iso2})`;
  const parts: CountryPart[] = [];
  if (country.covered) parts.push({ part: "covered", points: weights.coveredCountry, evidence: `${label} is a Dodd-Frank covered country` });
  if (country.cahra === "country") {
    parts.push({ part: "cahra", points: weights.cahraCountry, evidence: `${label} is listed as a whole on the EU CAHRA list` });
  } else if (country.cahra === "regions") {
    parts.push({ part: "cahra", points: weights.cahraRegion, evidence: `${label} has regions on the EU CAHRA list` });
  }
  const labour = (country.childLabour ? weights.childLabour : 0) + (country.forcedLabour ? weights.forcedLabour : 0);
  if (country.childLabour || country.forcedLabour) {
    const kinds = [country.childLabour ? "child" : null, country.forcedLabour ? "forced" : null].filter(Boolean).join(" and ");
    parts.push({ part: "labour", points: labour, evidence: `ILAB lists ${metal} from ${label} as made with ${kinds} labour` });
  }
  if (country.governancePercentile !== null) {
    const points = round1(weights.governance * (1 - country.governancePercentile / 100));
    parts.push({ part: "governance", points, evidence: `${label} WGI governance percentile ${round1(country.governancePercentile)}` });
  }
  return parts;
}

/** For each part, the worst country among `countries` (ties keep the first). */
export function worstCountryParts(countries: readonly CountryRisk[], weights: CountryWeights, metal: string): CountryPart[] {
  const worst = new Map<CountryPart["part"], CountryPart>();
  for (const country of countries) {
    for (const p of countryPoints(country, weights, metal)) {
      const seen = worst.get(p.part);
      if (!seen || p.points > seen.points) worst.set(p.part, p);
    }
  }
  return [...worst.values()];
}
