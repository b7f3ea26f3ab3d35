import type { Database, Row } from "../../db/database.ts";
import type { Decision } from "../../decisions/decision.ts";
import { readDecisions } from "../../decisions/store.ts";
import { openWarehouse, parseStringList, str } from "./_warehouse.ts";

export interface DecisionNote {
  decisionId: string;
  action: Decision["action"];
  status: string;
  text: string;
}

const VERB: Record<Decision["action"], string> = {
  "clear-sanctions": "cleared",
  "confirm-match": "mapped",
  "link-declaration": "linked",
  "follow-up": "follow-up noted",
};

/** "cleared by Dana Whitfield on 2025-11-03: a different company" (and why it no longer holds when expired). */
export function noteText(
  d: Pick<Decision, "action" | "who" | "when" | "why" | "subject" | "value">,
  status: string,
  detail: string,
): string {
  const what =
    d.action === "confirm-match"
      ? ` ${JSON.stringify(d.subject)} to ${d.value}`
      : d.action === "link-declaration"
        ? ` ${d.subject}`
        : "";
  const base = `${VERB[d.action]}${what} by ${d.who} on ${d.when}: ${d.why}`;
  return status === "active" ? base : `${base} (${status}: ${detail})`;
}

/** Where a decision shows: the smelter keys, supplier ids and product ids it affects. */
export function noteSubjects(
  d: Pick<Decision, "action" | "subject" | "value">,
  targets: readonly string[],
): { smelters: string[]; suppliers: string[]; products: string[] } {
  const out = { smelters: [] as string[], suppliers: [] as string[], products: [] as string[] };
  if (d.action === "clear-sanctions")
    out.smelters = targets.filter((t) => !t.startsWith("entry:")).map((t) => t.replace(/\|[^|]*$/, ""));
  if (d.action === "clear-sanctions" && out.smelters.length === 0) out.smelters = [d.subject];
  if (d.action === "confirm-match" && d.value) out.smelters = [d.value];
  if (d.action === "link-declaration" && d.value) out.suppliers = [d.value];
  for (const t of d.action === "follow-up" ? targets : []) {
    const [kind, ...rest] = t.split(":");
    const id = rest.join(":");
    if (kind === "supplier") out.suppliers.push(id);
    else if (kind === "product") out.products.push(id);
    else if (kind === "smelter") out.smelters.push(id);
  }
  // An expired follow-up resolves no targets: show it where its subject (a supplier, product or smelter id) is.
  if (d.action === "follow-up" && targets.length === 0) {
    out.suppliers.push(d.subject);
    out.products.push(d.subject);
    out.smelters.push(d.subject);
  }
  return out;
}

/** Decisions page: every decision with its status, the audit log, and the notes the smelter and supplier pages show. */
export async function decisionsData(db: Database) {
  const w = await openWarehouse(db);
  const status = new Map(
    (
      await w.rows<Row>(
        "SELECT decision_id, status, detail, CAST(targets AS VARCHAR) AS targets, CAST(as_of AS VARCHAR) AS as_of FROM decision_status",
      )
    ).map((r) => [
      String(r.decision_id),
      {
        status: String(r.status),
        detail: String(r.detail),
        targets: parseStringList(r.targets),
        asOf: String(r.as_of),
      },
    ]),
  );
  const decisions = (await readDecisions(db)).map((d) => {
    const s = status.get(d.decisionId) ?? {
      status: "not evaluated",
      detail: "no build has evaluated it yet",
      targets: [],
      asOf: null,
    };
    return {
      id: d.decisionId,
      action: d.action,
      subject: d.subject,
      metal: d.metal,
      value: d.value,
      who: d.who,
      when: d.when,
      why: d.why,
      expires: d.expires,
      status: s.status,
      detail: s.detail,
      file: `${d.file.replace(/^.*[\\/]/, "")}:${d.line}`,
      targets: s.targets,
    };
  });
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const events = (
    await w.rows<Row>(
      "SELECT event_id, CAST(logged_at AS VARCHAR) AS logged_at, CAST(as_of AS VARCHAR) AS as_of, decision_id, event, detail FROM decision_events ORDER BY event_id DESC",
    )
  ).map((r) => {
    const d = byId.get(String(r.decision_id));
    return {
      at: String(r.logged_at).slice(0, 19),
      asOf: String(r.as_of),
      id: String(r.decision_id),
      action: d?.action ?? "(removed from the file)",
      subject: d?.subject ?? "",
      who: d?.who ?? "",
      event: String(r.event),
      detail: str(r.detail) ?? "",
    };
  });
  const bySmelter: Record<string, DecisionNote[]> = {};
  const bySupplier: Record<string, DecisionNote[]> = {};
  const byProduct: Record<string, DecisionNote[]> = {};
  for (const d of decisions) {
    const note = { decisionId: d.id, action: d.action, status: d.status, text: noteText(d, d.status, d.detail) };
    const where = noteSubjects(d, d.targets);
    for (const k of where.smelters) (bySmelter[k] ??= []).push(note);
    for (const k of where.suppliers) (bySupplier[k] ??= []).push(note);
    for (const k of where.products) (byProduct[k] ??= []).push(note);
  }
  return { decisions: decisions.map(({ targets: _, ...d }) => d), events, bySmelter, bySupplier, byProduct };
}
export type DecisionsData = Awaited<ReturnType<typeof decisionsData>>;
