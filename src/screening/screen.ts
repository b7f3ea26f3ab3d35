import { z } from "zod";
import { countryToIso2 } from "../text/countries.ts";
import { compareNames } from "./compare-names.ts";
import { COUNTRY_PROGRAMS, countryPrograms, type CountryProgram } from "./country-programs.ts";
import { rankHits } from "./designation-strength.ts";
import { tokenWeight, type SanctionsIndex } from "./sanctions-index.ts";
import { nameVariants, screeningName } from "./screening-name.ts";

export const ScreeningOptions = z.object({
  /** Score at or above which a name match is a hit. */
  hit: z.number().min(0).max(1).default(0.88),
  /** Score at or above which a name match needs review. */
  review: z.number().min(0).max(1).default(0.7),
  /** Same country in the listed address: added; different country: subtracted. */
  countryMatchBonus: z.number().default(0.08),
  countryMismatchPenalty: z.number().default(0.3),
  /** Lists without addresses (UK) only give the regime country: weaker evidence. */
  regimeMatchBonus: z.number().default(0.04),
  regimeMismatchPenalty: z.number().default(0.12),
  /** Screen individuals, vessels and aircraft too. */
  allTypes: z.boolean().default(false),
  /** Date at which country programmes are evaluated (YYYY-MM-DD). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ScreeningOptions = z.input<typeof ScreeningOptions>;

export const ScreeningQuery = z.object({
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  country: z.string().nullable().default(null),
  metal: z.string().nullable().default(null),
  /** Street/city/region text, for regional programmes (Crimea, …). */
  address: z.string().nullable().default(null),
});
export type ScreeningQuery = z.input<typeof ScreeningQuery>;

export const Decision = z.enum(["hit", "review", "clear"]);
export type Decision = z.infer<typeof Decision>;

export interface ScreeningHit {
  list: string;
  id: string;
  name: string;
  program: string;
  score: number;
  reasons: string[];
}

export interface ScreeningResult {
  query: string;
  decision: Decision;
  /** Evidence order (designation-strength.ts): hits before reviews, asset freezes/SDN before sectoral lists before import bans. */
  hits: ScreeningHit[];
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Screens one party (a name with its aliases and optional country and metal) against the listed names and
 * the country programmes. Pure: the index, the options and `asOf` are the only inputs.
 */
export function screen(
  index: SanctionsIndex,
  queryInput: ScreeningQuery,
  optionsInput: ScreeningOptions,
  programs: readonly CountryProgram[] = COUNTRY_PROGRAMS,
): ScreeningResult {
  const query = ScreeningQuery.parse(queryInput);
  const o = ScreeningOptions.parse(optionsInput);
  const iso2 = query.country ? countryToIso2(query.country) : null;
  const best = new Map<number, ScreeningHit>();
  const weight = (t: string) => tokenWeight(index, t);
  const spellings = [...new Set([query.name, ...query.aliases].flatMap((n) => nameVariants(n)))];
  for (const spelling of spellings) {
    const q = screeningName(spelling);
    if (q.distinctive.length === 0) continue;
    const candidates = new Set<number>();
    for (const t of q.distinctive) {
      for (const id of index.byToken.get(t) ?? []) candidates.add(id);
      if (t.length >= 5) for (const id of index.byPrefix.get(t.slice(0, 4)) ?? []) candidates.add(id);
    }
    for (const id of candidates) {
      const listed = index.names[id]!;
      const entry = index.entries[listed.entry]!;
      if (!o.allTypes && entry.type !== "entity") continue;
      const cmp = compareNames(q, listed.name, weight);
      if (cmp.score < o.review - o.countryMatchBonus) continue;
      const reasons = [
        `name "${spelling}" ~ listed ${listed.nameType} "${listed.name.original}" (similarity ${round(cmp.score)})`,
      ];
      const variants = cmp.pairs.filter((p) => p.similarity < 1 || p.query !== p.listed);
      if (variants.length)
        reasons.push(`spelling variants: ${variants.map((p) => `${p.query} ≈ ${p.listed}`).join(", ")}`);
      if (q.legalForms.length || listed.name.legalForms.length) {
        reasons.push(`legal forms ignored: ${[...new Set([...q.legalForms, ...listed.name.legalForms])].join(", ")}`);
      }
      if (cmp.capped) reasons.push(`capped: ${cmp.capped}`);
      let score = cmp.score;
      if (iso2 && entry.countries.length > 0) {
        const source = entry.countriesFromAddress ? "listed address" : "sanctions regime";
        if (entry.countries.includes(iso2)) {
          score += entry.countriesFromAddress ? o.countryMatchBonus : o.regimeMatchBonus;
          reasons.push(`country ${iso2} matches ${source} country`);
        } else {
          score -= entry.countriesFromAddress ? o.countryMismatchPenalty : o.regimeMismatchPenalty;
          reasons.push(`country ${iso2} differs from ${source} countries ${entry.countries.join(", ")}`);
        }
      }
      score = round(Math.max(0, Math.min(1, score)));
      if (score < o.review) continue;
      const seen = best.get(listed.entry);
      if (!seen || score > seen.score) {
        best.set(listed.entry, {
          list: entry.list,
          id: entry.id,
          name: entry.name,
          program: entry.programs.join("; "),
          score,
          reasons,
        });
      }
    }
  }
  const hits = [...best.values()];
  for (const m of countryPrograms(iso2, query.metal, o.asOf, query.address, programs)) {
    hits.push({
      list: `${m.program.authority} country programme`,
      id: m.program.id,
      name: m.program.basis,
      program: m.program.program,
      score: m.program.scope === "sectoral" ? o.review : 1,
      reasons: [m.reason],
    });
  }
  const top = Math.max(0, ...hits.map((h) => h.score));
  const decision: Decision = top >= o.hit ? "hit" : top >= o.review ? "review" : "clear";
  return { query: query.name, decision, hits: rankHits(hits, o.hit, programs) };
}
