import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "../db/database.ts";
import { normalizeCid } from "../rmi/identifiers.ts";
import { normalizeMetal } from "../rmi/minerals.ts";
import { parseCsv } from "../../loaders/reference/parse-csv.ts";
import { countryToIso2 } from "../text/countries.ts";
import { cleanText } from "../text/normalize.ts";
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

/** Reads RMI look-up CSV exports (metal, smelter_lookup_name, standard_smelter_name, country, smelter_id, …). */
export function readLookupCsv(files: readonly string[]): ReferenceSmelter[] {
  const byKey = new Map<string, ReferenceSmelter>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    const [header, ...records] = parseCsv(readFileSync(file, "utf8"));
    const col = (name: string) => header?.fields.indexOf(name) ?? -1;
    const c = {
      metal: col("metal"),
      alias: col("smelter_lookup_name"),
      name: col("standard_smelter_name"),
      country: col("country"),
      cid: col("smelter_id"),
      street: col("street"),
      city: col("city"),
      state: col("state_province"),
    };
    for (const { fields } of records) {
      const cid = normalizeCid(fields[c.cid]);
      const metal = normalizeMetal(fields[c.metal]);
      const name = cleanText(fields[c.name]);
      if (!cid || !metal || !name) continue;
      const key = `${metal}|${cid}`;
      let s = byKey.get(key);
      if (!s) {
        const country = cleanText(fields[c.country]);
        const address = [fields[c.street], fields[c.city], fields[c.state]]
          .map((v) => cleanText(v))
          .filter(Boolean)
          .join(", ");
        s = { cid, metal, name, country, countryIso2: countryToIso2(country), aliases: [], address: address || null };
        byKey.set(key, s);
      }
      const alias = cleanText(fields[c.alias]);
      if (alias && alias !== s.name && !s.aliases.includes(alias)) s.aliases.push(alias);
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
  return readLookupCsv(SHIPPED_LOOKUPS);
}
