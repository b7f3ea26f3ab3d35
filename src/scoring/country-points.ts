import { isConflictMineral } from "../rmi/minerals.ts";
import type { CountryRisk } from "./facts.ts";
import type { CountryWeights } from "./model.ts";
import { round1 } from "./result.ts";

export interface CountryPart {
  part: "covered" | "cahra" | "labour" | "governance";
  points: number;
  evidence: string;
}

/**
 * Splits one country's risk into parts (covered country, CAHRA, ILAB labour goods, governance). The Dodd-Frank
 * covered-country part applies to 3TG only (§1502 covers tin, tantalum, tungsten and gold, not cobalt or copper).
 */
export function countryPoints(country: CountryRisk, weights: CountryWeights, metal: string): CountryPart[] {
  const label = `${country.name} (${country.iso2})`;
  const parts: CountryPart[] = [];
  if (country.covered && isConflictMineral(metal) && weights.coveredCountry !== 0) {
    parts.push({
      part: "covered",
      points: weights.coveredCountry,
      evidence: `${label} is a Dodd-Frank covered country`,
    });
  }
  if (country.cahra === "country" && weights.cahraCountry !== 0) {
    parts.push({
      part: "cahra",
      points: weights.cahraCountry,
      evidence: `${label} is listed as a whole on the EU CAHRA list`,
    });
  } else if (country.cahra === "regions" && weights.cahraRegion !== 0) {
    parts.push({ part: "cahra", points: weights.cahraRegion, evidence: `${label} has regions on the EU CAHRA list` });
  }
  const labour = (country.childLabour ? weights.childLabour : 0) + (country.forcedLabour ? weights.forcedLabour : 0);
  if ((country.childLabour || country.forcedLabour) && labour !== 0) {
    const kinds = [country.childLabour ? "child" : null, country.forcedLabour ? "forced" : null]
      .filter(Boolean)
      .join(" and ");
    parts.push({
      part: "labour",
      points: labour,
      evidence: `ILAB lists ${metal} from ${label} as made with ${kinds} labour`,
    });
  }
  if (country.governancePercentile !== null && weights.governance !== 0) {
    const points = round1(weights.governance * (1 - country.governancePercentile / 100));
    parts.push({
      part: "governance",
      points,
      evidence: `${label} WGI governance percentile ${round1(country.governancePercentile)}`,
    });
  }
  return parts;
}

/** For each part, the worst country among `countries` (ties keep the first). */
export function worstCountryParts(
  countries: readonly CountryRisk[],
  weights: CountryWeights,
  metal: string,
): CountryPart[] {
  const worst = new Map<CountryPart["part"], CountryPart>();
  for (const country of countries) {
    for (const p of countryPoints(country, weights, metal)) {
      const seen = worst.get(p.part);
      if (!seen || p.points > seen.points) worst.set(p.part, p);
    }
  }
  return [...worst.values()];
}

export interface PlacedPart extends CountryPart {
  basis: "location" | "origin";
}

/**
 * Location and origin parts, each part counted once: the larger of the facility's country and the worst reported
 * mine country (a DRC smelter reporting DRC ore is one covered country, not two). Ties go to the origin.
 */
export function countryParts(
  location: CountryRisk | null,
  origin: readonly CountryRisk[],
  weights: { location: CountryWeights; origin: CountryWeights },
  metal: string,
): PlacedPart[] {
  const out = new Map<CountryPart["part"], PlacedPart>();
  for (const p of worstCountryParts(origin, weights.origin, metal)) out.set(p.part, { ...p, basis: "origin" });
  for (const p of location ? countryPoints(location, weights.location, metal) : []) {
    const seen = out.get(p.part);
    if (!seen || p.points > seen.points) out.set(p.part, { ...p, basis: "location" });
  }
  const order: CountryPart["part"][] = ["covered", "cahra", "labour", "governance"];
  return order.flatMap((k) => (out.has(k) ? [out.get(k)!] : []));
}
