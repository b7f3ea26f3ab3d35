import { activeDecisions } from "../../decisions/store.ts";
import { normalizeName } from "../../text/normalize.ts";
import { normalizeCid } from "../../rmi/identifiers.ts";
import type { Warehouse } from "./_warehouse.ts";

/** What an active confirm-match decision says where its facility shows. */
export interface MatchNote {
  decisionId: string;
  /** The facility it maps to (the smelter key of a CID). */
  cid: string;
  /** `mapped by decision d7: "Golden Hills Refinery" (Gold) → CID001007, by R. Ortiz on 2026-04-02: …` */
  text: string;
}

/**
 * The active confirm-match decisions by the facility they map rows to (`byKey`), and by `supplier id|facility` for the
 * suppliers whose declarations in this run hold a row the decision maps (`bySupplier`): the Smelters list and the
 * supplier pages note them on the facility's row.
 */
export async function matchNotes(
  w: Warehouse,
  runId: number,
): Promise<{ byKey: Map<string, MatchNote[]>; bySupplier: Map<string, MatchNote[]> }> {
  const byKey = new Map<string, MatchNote[]>();
  const bySupplier = new Map<string, MatchNote[]>();
  const decisions = await activeDecisions(w.db, "confirm-match");
  if (decisions.length === 0) return { byKey, bySupplier };
  // Whose declarations: the one the run scored for a supplier, and those the engagement stage linked.
  const rows = await w.rows<{ supplier: string; metal: string | null; name: string | null; lookup: string | null }>(
    `WITH owner AS (
       SELECT declaration_id, supplier_id FROM supplier_scores WHERE run_id = ? AND declaration_id IS NOT NULL
       UNION SELECT declaration_id, supplier_id FROM declaration_links
       WHERE supplier_id IS NOT NULL AND run_id = (SELECT max(run_id) FROM engagement_runs))
     SELECT DISTINCT o.supplier_id AS supplier, s.metal, s.name, s.lookup_name AS lookup
     FROM smelter_rows s JOIN owner o USING (declaration_id)`,
    [runId],
  );
  const reporters = new Map<string, Set<string>>();
  for (const r of rows)
    for (const n of [r.name, r.lookup]) {
      if (!n || !r.metal) continue;
      const k = `${r.metal.toLowerCase()}|${normalizeName(n)}`;
      reporters.set(k, (reporters.get(k) ?? new Set()).add(String(r.supplier)));
    }
  for (const d of decisions) {
    const cid = normalizeCid(d.value);
    if (!cid) continue;
    const note: MatchNote = {
      decisionId: d.decisionId,
      cid,
      text: `mapped by decision ${d.decisionId}: ${JSON.stringify(d.subject)}${d.metal ? ` (${d.metal})` : ""} → ${cid}, by ${d.who} on ${d.when}: ${d.why}`,
    };
    byKey.set(cid, [...(byKey.get(cid) ?? []), note]);
    const suppliers = new Set(d.targets.flatMap((t) => [...(reporters.get(t) ?? [])]));
    for (const s of suppliers) {
      const k = `${s}|${cid}`;
      bySupplier.set(k, [...(bySupplier.get(k) ?? []), note]);
    }
  }
  return { byKey, bySupplier };
}
