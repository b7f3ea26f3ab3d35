import { countryToIso2 } from "../text/countries.ts";
import { cleanText } from "../text/normalize.ts";

export interface MineCountries {
  /** ISO alpha-2 codes in the order first written, without duplicates. */
  countries: string[];
  /** True when the text says the material is recycled or scrap. */
  recycled: boolean;
  /** Pieces that are neither a country nor recycled/unknown wording. */
  unknown: string[];
}

const RECYCLED =
  /^(recycled|recycle|recycling|scrap|secondary|reclaimed|urban mining)( (material|materials|sources?|gold|metal))?$/i;
const NO_ANSWER = /^(unknown|n\/?a|none|not known|tbd|-+|0|various|multiple|mixed|other|others)$/i;

/**
 * Parses a supplier's free-text mine-country cell ("China, Rwanda, recycled", "CONGO, DEMOCRATIC REPUBLIC OF
 * THE; Rwanda", "DRC/Rwanda and Burundi"). Comma pieces are re-joined when only the joined text is a country.
 */
export function parseMineCountries(text: string | null | undefined): MineCountries {
  const out: MineCountries = { countries: [], recycled: false, unknown: [] };
  const clean = cleanText(text);
  if (!clean) return out;
  const whole = countryToIso2(clean);
  if (whole) return { ...out, countries: [whole] };
  const groups = clean.split(/\s*(?:[;|\n/+&]|\band\b|、|，)\s*/i).filter((s) => s.trim() !== "");
  for (const group of groups) {
    const pieces = group
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    for (let i = 0; i < pieces.length; ) {
      let taken = 0;
      for (let n = Math.min(3, pieces.length - i); n >= 1; n--) {
        const candidate = pieces.slice(i, i + n).join(", ");
        const iso2 = countryToIso2(candidate.replace(/^(mine[sd]? in|from|origin:?)\s+/i, ""));
        if (iso2) {
          if (!out.countries.includes(iso2)) out.countries.push(iso2);
          taken = n;
          break;
        }
      }
      if (taken === 0) {
        const piece = pieces[i]!;
        if (RECYCLED.test(piece)) out.recycled = true;
        else if (!NO_ANSWER.test(piece)) out.unknown.push(piece);
        taken = 1;
      }
      i += taken;
    }
  }
  return out;
}

/**
 * A mine-country cell naming this many countries or more is boilerplate (a company-wide list of ~40 countries pasted
 * into every row), not the origin of one smelter's ore: it is reported as a finding and never used as origin.
 */
export const BOILERPLATE_MIN_COUNTRIES = 15;

export function isBoilerplateMineList(parsed: MineCountries): boolean {
  return parsed.countries.length >= BOILERPLATE_MIN_COUNTRIES;
}
