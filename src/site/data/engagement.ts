import { str, type Warehouse } from "./_warehouse.ts";

export interface EngagementRow {
  supplierId: string;
  inScope: boolean;
  contacted: boolean;
  status: string;
  nextAction: string | null;
  dueDate: string | null;
  overdue: boolean;
  lastEvent: string | null;
  lastEventDate: string | null;
  /** Null when derived without the engagement stage (the supplier score's `responded` then counts). */
  responded: boolean | null;
  usable: boolean | null;
}

/**
 * Engagement status per supplier. Uses the engagement stage's table when it exists; otherwise derives a
 * plain status from the outreach log and whether the supplier's declaration was scored.
 */
export async function engagementRows(w: Warehouse, runId: number): Promise<Map<string, EngagementRow>> {
  const out = new Map<string, EngagementRow>();
  const events = new Map<string, { event: string; date: string; n: number }>();
  for (const e of await w.rows<{ id: string; event: string; date: string; n: number }>(
    `SELECT supplier_id AS id, arg_max(event, event_date) AS event, CAST(max(event_date) AS VARCHAR) AS date, count(*) AS n FROM outreach_events GROUP BY 1`,
  )) events.set(e.id, e);
  const scored = await w.rows<{ id: string; responded: boolean; band: string }>(
    "SELECT supplier_id AS id, responded, band FROM supplier_scores WHERE run_id = ?",
    [runId],
  );
  for (const s of scored) {
    const e = events.get(s.id);
    const status = s.responded ? (s.band === "Data gap" ? "responded-without-data" : "responded") : e ? (e.event === "bounced" ? "no-response" : e.event) : "not-contacted";
    out.set(s.id, {
      supplierId: s.id,
      inScope: true,
      contacted: s.responded || Boolean(e),
      status,
      nextAction: s.responded ? (s.band === "Data gap" ? "request-clarification" : s.band === "High" || s.band === "Critical" ? "corrective-action" : null) : e ? "send-reminder" : "send-request",
      dueDate: null,
      overdue: false,
      lastEvent: e?.event ?? null,
      lastEventDate: e?.date ?? null,
      responded: null,
      usable: null,
    });
  }
  // The engagement run of the scored period; when that period has none, the newest engagement run.
  const rows = await w.rows<Record<string, unknown>>(
    `SELECT supplier_id AS id, in_scope AS "inScope", status, next_action AS "nextAction", CAST(due_date AS VARCHAR) AS "dueDate", overdue,
       last_event AS "lastEvent", CAST(last_event_date AS VARCHAR) AS "lastEventDate", usable, response_date IS NOT NULL AS answered
     FROM current_supplier_engagement
     WHERE run_id = coalesce((SELECT max(run_id) FROM latest_engagement_runs WHERE period = (SELECT period FROM scoring_runs WHERE run_id = ?)),
                             (SELECT max(run_id) FROM latest_engagement_runs))`,
    [runId],
  );
  for (const r of rows) {
    const id = String(r.id);
    const base = out.get(id);
    const status = str(r.status) ?? base?.status ?? "not-contacted";
    out.set(id, {
      supplierId: id,
      inScope: r.inScope === true,
      contacted: status !== "not-contacted",
      status,
      nextAction: str(r.nextAction),
      dueDate: str(r.dueDate)?.slice(0, 10) ?? null,
      overdue: r.overdue === true,
      lastEvent: str(r.lastEvent) ?? base?.lastEvent ?? null,
      lastEventDate: str(r.lastEventDate)?.slice(0, 10) ?? base?.lastEventDate ?? null,
      responded: r.answered === true || status === "responded",
      usable: r.usable === true,
    });
  }
  return out;
}
