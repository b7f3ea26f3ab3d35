import { auditCurrentAt, rankedSanctions } from "./facility-status.ts";
import { toCsv } from "../text/csv.ts";
import type { RolledSmelter } from "./rollup-smelters.ts";

export const ANNEX_COLUMNS = [
  "metal",
  "standard_name",
  "cid",
  "country",
  "country_iso2",
  "rmap_status",
  "rmap_status_vintage",
  "last_audit_date",
  "audit_current_at_period_end",
  "sanctions",
  "supplier_count",
] as const;

/**
 * The deduplicated smelter list as CSV (one row per metal and facility): audit currency at `periodEnd` honours
 * "Reaudit In Progress"; sanctions list the strongest designation first. Supplier text is neutralised against formulas.
 */
export function smelterAnnexCsv(smelters: readonly RolledSmelter[], periodEnd: string): string {
  return toCsv(
    [...ANNEX_COLUMNS],
    smelters.map((s) => [
      s.metal,
      s.name,
      s.cid,
      s.country,
      s.countryIso2,
      s.rmiStatus,
      s.statusVintage,
      s.lastAuditDate,
      auditCurrentAt(s, periodEnd),
      rankedSanctions(s.sanctions).join("; "),
      s.suppliers.length,
    ]),
  );
}
