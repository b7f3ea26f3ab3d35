import { toCsv } from "../text/csv.ts";
import type { RolledSmelter } from "./rollup-smelters.ts";

/** The deduplicated smelter list as CSV; supplier text is neutralised against formula injection. */
export function smelterAnnexCsv(smelters: readonly RolledSmelter[]): string {
  return toCsv(
    ["metal", "standard_name", "cid", "country", "country_iso2", "rmap_status", "supplier_count"],
    smelters.map((s) => [s.metal, s.name, s.cid, s.country, s.countryIso2, s.rmiStatus, s.suppliers.length]),
  );
}
