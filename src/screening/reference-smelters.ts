import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "../db/database.ts";
import { lookupFacilities, readLookupCsv } from "../rmi/smelter-lookup.ts";
import { countryToIso2 } from "../text/countries.ts";
import { REPO_ROOT } from "../repo-root.ts";

export interface ReferenceSmelter {
  cid: string;
  metal: string;
  name: string;
  country: string | null;
  countryIso2: string | null;
  aliases: string[];
  /** Street, city and state joined, for regional programmes. */
  address: string | null;
}

/** The shipped sample look-ups used until `assay reference add` has loaded the user's own template. */
export const SHIPPED_LOOKUPS = ["rmi_smelter_lookup_CMRT_6.5.csv", "rmi_smelter_lookup_EMRT_2.1.csv"].map((f) =>
  path.join(REPO_ROOT, "data/reference/rmi", f),
);

/** Reference smelters of shipped look-up CSVs (missing files are skipped; the first file naming a facility wins). */
export function readLookupFiles(files: readonly string[]): ReferenceSmelter[] {
  const byKey = new Map<string, ReferenceSmelter>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const f of lookupFacilities(readLookupCsv(readFileSync(file, "utf8"), path.basename(file)).rows)) {
      const key = `${f.metal}|${f.cid}`;
      if (byKey.has(key)) continue;
      byKey.set(key, {
        cid: f.cid,
        metal: f.metal,
        name: f.standardName,
        country: f.country,
        countryIso2: countryToIso2(f.country),
        aliases: f.aliases.filter((a) => a !== f.standardName),
        address: [f.street, f.city, f.state].filter(Boolean).join(", ") || null,
      });
    }
  }
  return [...byKey.values()];
}

/** Reference smelters from the database (current look-up loads), else from the shipped look-up CSVs. */
export async function readReferenceSmelters(db: Database): Promise<ReferenceSmelter[]> {
  const rows = await db.all<{
    cid: string;
    metal: string;
    standard_name: string;
    country: string | null;
    country_iso2: string | null;
    street: string | null;
    city: string | null;
    state: string | null;
  }>(
    "SELECT cid, metal, standard_name, country, country_iso2, street, city, state FROM current_ref_smelters ORDER BY metal, cid",
  );
  if (rows.length > 0) {
    const aliases = await db.all<{ metal: string; cid: string; alias: string }>(
      "SELECT metal, cid, alias FROM current_ref_smelter_aliases ORDER BY alias",
    );
    const byKey = new Map<string, string[]>();
    for (const a of aliases) byKey.set(`${a.metal}|${a.cid}`, [...(byKey.get(`${a.metal}|${a.cid}`) ?? []), a.alias]);
    return rows.map((r) => ({
      cid: r.cid,
      metal: r.metal,
      name: r.standard_name,
      country: r.country,
      countryIso2: r.country_iso2 ?? countryToIso2(r.country),
      aliases: (byKey.get(`${r.metal}|${r.cid}`) ?? []).filter((a) => a !== r.standard_name),
      address: [r.street, r.city, r.state].filter(Boolean).join(", ") || null,
    }));
  }
  return readLookupFiles(SHIPPED_LOOKUPS);
}
