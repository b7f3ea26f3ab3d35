import type { Database } from "../db/database.ts";
import type { ReportedSmelter } from "./reported-smelters.ts";
import type { SanctionsIndex } from "./sanctions-index.ts";
import { screeningEvidence, topScore } from "./designation-strength.ts";
import { screen, type ScreeningOptions, type ScreeningResult } from "./screen.ts";

export type ReportedScreening = ScreeningResult & { smelter: ReportedSmelter };

/**
 * Screens the spellings suppliers typed for each reported smelter, with its country, metal and typed address
 * (so country programmes apply to unmatched smelters too). Groups with no new spelling are not screened again.
 */
export function screenReportedSmelters(
  index: SanctionsIndex,
  smelters: readonly ReportedSmelter[],
  options: ScreeningOptions,
): ReportedScreening[] {
  return smelters.flatMap((s) => {
    const [name, ...aliases] = s.spellings;
    if (name === undefined) return [];
    return [
      {
        ...screen(index, { name, aliases, country: s.countryIso2, metal: s.metal, address: s.address }, options),
        smelter: s,
      },
    ];
  });
}

/** Replaces reported_smelter_screening (gather.ts reads it by smelter key and metal). */
export async function storeReportedScreening(
  db: Database,
  results: readonly ReportedScreening[],
  loadIds: readonly number[],
): Promise<void> {
  await db.transaction(async () => {
    await db.run("DELETE FROM reported_smelter_screening");
    await db.insertRows(
      "reported_smelter_screening",
      [
        "smelter_key",
        "metal",
        "country_iso2",
        "cid",
        "name",
        "spellings",
        "report_rows",
        "decision",
        "score",
        "evidence",
        "hits",
        "load_ids",
      ],
      results.map((r) => {
        const evidence = screeningEvidence(r.hits);
        const s = r.smelter;
        return [
          s.key,
          s.metal,
          s.countryIso2 ?? "",
          s.cid,
          r.query,
          JSON.stringify(s.spellings),
          s.rows,
          r.decision,
          topScore(r.hits),
          evidence === null ? null : `reported as "${r.query}": ${evidence}`,
          JSON.stringify(r.hits),
          loadIds.join(","),
        ];
      }),
    );
  });
}
