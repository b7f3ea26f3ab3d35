import { addMonths } from "../scoring/dates.ts";
import { COUNTRY_PROGRAMS } from "../screening/country-programs.ts";

/** What the annex and the drafts need to know about a facility's RMAP audit and sanctions. */
export interface FacilityFacts {
  rmiStatus: string;
  lastAuditDate: string | null;
  auditCycleMonths: number | null;
  reauditInProgress: boolean | null;
  sanctions: ReadonlyArray<{ list: string; id: string; name: string; program: string }>;
}

/**
 * Whether the facility's RMAP audit was current at `periodEnd` (YYYY-MM-DD): "yes" when conformant and the last audit
 * plus its cycle reaches the period end, or a re-audit is in progress (RMI keeps such a facility conformant);
 * "no" when not conformant or the audit had lapsed; "unknown" when conformant without audit dates.
 */
export function auditCurrentAt(f: FacilityFacts, periodEnd: string): "yes" | "no" | "unknown" {
  if (f.rmiStatus !== "conformant") return "no";
  if (f.reauditInProgress) return "yes";
  if (!f.lastAuditDate || !f.auditCycleMonths) return "unknown";
  if (f.lastAuditDate > periodEnd) return "yes";
  const validUntil = addMonths(f.lastAuditDate, f.auditCycleMonths);
  return validUntil === null ? "unknown" : validUntil >= periodEnd ? "yes" : "no";
}

/**
 * Strength of a sanctions hit, strongest first: 0 an asset freeze (OFAC SDN, UK Sanctions List, EU consolidated
 * financial sanctions), 1 other OFAC lists (sectoral, non-SDN), 2 a comprehensive country programme, 3 import bans
 * and sectoral country programmes.
 */
export function sanctionStrength(hit: { list: string; id: string; program: string; name: string }): number {
  const list = hit.list.toLowerCase();
  if (list.includes("country programme")) return COUNTRY_PROGRAMS.find((p) => p.id === hit.id)?.scope === "comprehensive" ? 2 : 3;
  if (list === "ofac sdn" || list.startsWith("uk sanctions") || list.startsWith("eu consolidated")) return 0;
  return 1;
}

/** The hits strongest first ("asset freeze/SDN before import bans"), as "OFAC SDN 36123 (RUSSIA-EO14024)". */
export function rankedSanctions(hits: FacilityFacts["sanctions"]): string[] {
  return [...hits]
    .map((h, i) => ({ h, i, rank: sanctionStrength(h) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ h }) => `${h.list} ${h.id}${h.program ? ` (${h.program})` : ""}`);
}
