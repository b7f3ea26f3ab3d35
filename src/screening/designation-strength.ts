import { COUNTRY_PROGRAMS, type CountryProgram } from "./country-programs.ts";

/**
 * Strength of a designation, strongest first: 0 an asset freeze on the party itself (OFAC SDN, UK Sanctions List,
 * EU consolidated financial sanctions), 1 other party lists (OFAC sectoral/non-SDN lists), 2 a comprehensive country
 * programme, 3 an import ban or a sectoral country programme (trade measures that flag a place, not a party).
 * The one ranking used by the screening output, the smelter annex and the drafts.
 */
export function designationStrength(
  hit: { list: string; id: string },
  programs: readonly CountryProgram[] = COUNTRY_PROGRAMS,
): 0 | 1 | 2 | 3 {
  const list = hit.list.toLowerCase();
  if (list.endsWith("country programme"))
    return programs.find((p) => p.id === hit.id)?.scope === "comprehensive" ? 2 : 3;
  if (list === "ofac sdn" || list.startsWith("uk sanctions") || list.startsWith("eu consolidated")) return 0;
  return 1;
}

/**
 * Hits in evidence order: those at hit level before those that only need review, then the strongest designation,
 * then the higher score, then list and id (stable across runs). A fuzzy name that only needs review never outranks
 * a hit; among hits an SDN designation comes before an import ban on the facility's country.
 */
export function rankHits<T extends { list: string; id: string; score: number }>(
  hits: readonly T[],
  hitAt: number,
  programs: readonly CountryProgram[] = COUNTRY_PROGRAMS,
): T[] {
  return [...hits].sort(
    (a, b) =>
      Number(b.score >= hitAt) - Number(a.score >= hitAt) ||
      designationStrength(a, programs) - designationStrength(b, programs) ||
      b.score - a.score ||
      a.list.localeCompare(b.list) ||
      a.id.localeCompare(b.id),
  );
}

/** The evidence text stored with a screening result: its designations in evidence order (at most three, then a count). */
export function screeningEvidence(
  hits: ReadonlyArray<{ list: string; id: string; name: string; program: string; score: number }>,
): string | null {
  if (hits.length === 0) return null;
  const shown = hits.slice(0, 3).map((h) => `${h.list} ${h.id} "${h.name}" (${h.program}; score ${h.score})`);
  return shown.join("; ") + (hits.length > 3 ? `; +${hits.length - 3} more` : "");
}

/** The highest score among the hits (the decision rests on it), 0 when none. */
export function topScore(hits: ReadonlyArray<{ score: number }>): number {
  return Math.max(0, ...hits.map((h) => h.score));
}
