import type { Database } from "../db/database.ts";
import { normalizeCid } from "../rmi/identifiers.ts";
import { normalizeMetal } from "../rmi/minerals.ts";
import type { CountryRiskDatasets } from "../../loaders/reference/country-risk-datasets.ts";
import { mineRisks, storeSmelterCountryRisk, type SmelterCountryRisk } from "./smelter-country-risk.ts";

/**
 * Rebuilds the `mine` rows of smelter_country_risk from ingested declarations: Smelter List mine-country cells
 * (smelter_rows.mine_countries) and EMRT Mine List countries (mines.country, tied to the smelter row of the same
 * declaration, metal and smelter name), by the row's resolved CID (resolved_smelter_rows). Rows without one are
 * skipped here (reported-country-risk.ts rates them by their reported name, as scoring keys them).
 */
export async function refreshMineCountryRisk(db: Database, data: CountryRiskDatasets): Promise<number> {
  // Each row's resolved identity (resolved_smelter_rows): the CID matching found, else a reference CID typed.
  const reported = await db.all<{ cid: string | null; metal: string | null; text: string; source: string }>(
    `SELECT s.cid, s.metal, s.mine_countries AS text, s.declaration_id || ' smelter row ' || s."row" AS source
       FROM resolved_smelter_rows s WHERE s.mine_countries IS NOT NULL AND s.cid IS NOT NULL
     UNION ALL
     SELECT s.cid, s.metal, m.country AS text, m.declaration_id || ' mine list row ' || m."row" AS source
       FROM mines m JOIN resolved_smelter_rows s
         ON s.declaration_id = m.declaration_id AND s.reported_metal = m.metal AND lower(trim(s.name)) = lower(trim(m.smelter_name))
      WHERE m.country IS NOT NULL AND s.cid IS NOT NULL
     ORDER BY 1, 2, 4`,
  );
  const bySmelter = new Map<string, { cid: string; metal: string; reports: { text: string; source: string }[] }>();
  for (const r of reported) {
    const cid = normalizeCid(r.cid);
    const metal = normalizeMetal(r.metal);
    if (!cid || !metal) continue;
    const key = `${metal}|${cid}`;
    const entry = bySmelter.get(key) ?? { cid, metal, reports: [] };
    entry.reports.push({ text: r.text, source: r.source });
    bySmelter.set(key, entry);
  }
  const rows: SmelterCountryRisk[] = [...bySmelter.values()].flatMap((s) => mineRisks(s, s.reports, data));
  await storeSmelterCountryRisk(db, rows, ["mine"]);
  return rows.length;
}
