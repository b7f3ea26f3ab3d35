import type { Database } from "../db/database.ts";
import type { ReferenceSmelter } from "./reference-smelters.ts";
import type { SanctionsIndex } from "./sanctions-index.ts";
import { screeningEvidence, topScore } from "./designation-strength.ts";
import { screen, type ScreeningOptions, type ScreeningResult } from "./screen.ts";

export type SmelterScreening = ScreeningResult & { cid: string; metal: string };

/** Screens every reference smelter (standard name and aliases, with its country, metal and address). */
export function screenSmelters(
  index: SanctionsIndex,
  smelters: readonly ReferenceSmelter[],
  options: ScreeningOptions,
): SmelterScreening[] {
  return smelters.map((s) => ({
    ...screen(
      index,
      { name: s.name, aliases: s.aliases, country: s.countryIso2 ?? s.country, metal: s.metal, address: s.address },
      options,
    ),
    cid: s.cid,
    metal: s.metal,
  }));
}

/** Replaces the smelter_screening table with these results (scoring joins it by cid and metal). */
export async function storeSmelterScreening(
  db: Database,
  results: readonly SmelterScreening[],
  smelters: readonly ReferenceSmelter[],
  loadIds: readonly number[],
): Promise<void> {
  const byKey = new Map(smelters.map((s) => [`${s.metal}|${s.cid}`, s]));
  await db.transaction(async () => {
    await db.run("DELETE FROM smelter_screening");
    await db.insertRows(
      "smelter_screening",
      ["cid", "metal", "name", "country_iso2", "decision", "score", "evidence", "hits", "load_ids"],
      results.map((r) => {
        return [
          r.cid,
          r.metal,
          r.query,
          byKey.get(`${r.metal}|${r.cid}`)?.countryIso2 ?? null,
          r.decision,
          topScore(r.hits),
          screeningEvidence(r.hits),
          JSON.stringify(r.hits),
          loadIds.join(","),
        ];
      }),
    );
  });
}
