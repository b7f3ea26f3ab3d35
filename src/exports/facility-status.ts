import { addMonths } from "../scoring/dates.ts";
import { designationStrength } from "../screening/designation-strength.ts";

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

/** The hits strongest first ("asset freeze/SDN before import bans"), as "OFAC SDN 36123 (RUSSIA-EO14024)". */
export function rankedSanctions(hits: FacilityFacts["sanctions"]): string[] {
  return [...hits]
    .map((h, i) => ({ h, i, rank: designationStrength(h) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ h }) => `${h.list} ${h.id}${h.program ? ` (${h.program})` : ""}`);
}
