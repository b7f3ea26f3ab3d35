import type { Database, Row } from "../db/database.ts";
import type { Decision, DecisionStatus } from "./decision.ts";
import { evaluateDecisions, type DecisionContext, type DecisionEvidence, type ScreeningTarget } from "./evaluate.ts";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Every loaded decision, in file and line order. */
export async function readDecisions(db: Database): Promise<Decision[]> {
  const rows = await db.all<Row>(
    `SELECT decision_id, action, subject, metal, value, who, CAST(decided_on AS VARCHAR) AS decided_on, why, CAST(expires_on AS VARCHAR) AS expires_on, source, line
     FROM decisions ORDER BY source, line`,
  );
  return rows.map((r) => ({
    decisionId: String(r.decision_id),
    action: r.action as Decision["action"],
    subject: String(r.subject),
    metal: str(r.metal),
    value: str(r.value),
    who: String(r.who),
    when: String(r.decided_on),
    why: String(r.why),
    expires: str(r.expires_on),
    file: String(r.source),
    line: Number(r.line),
  }));
}

const listOf = (v: unknown): string[] => {
  try {
    const parsed: unknown = typeof v === "string" ? JSON.parse(v) : v;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

type Hit = { list?: string; id?: string; name?: string; program?: string };
const hitsOf = (hits: unknown): Hit[] => {
  try {
    const parsed = (typeof hits === "string" ? JSON.parse(hits) : hits) as Hit[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
};
const entryOf = (h: Hit) => `${h.list ?? ""} ${h.id ?? ""}`.trim();

function entriesOf(hits: unknown): string[] {
  return hitsOf(hits).map(entryOf).filter(Boolean);
}

/** What the list says of each entry: the listed name and programme, which a newer vintage may change. */
function evidenceOf(hits: unknown): Record<string, string> {
  return Object.fromEntries(
    hitsOf(hits)
      .filter((h) => entryOf(h))
      .map((h) => [entryOf(h), `${h.name ?? ""}${h.program ? ` (${h.program})` : ""}`]),
  );
}

/** Reads what the decisions may apply to from the warehouse (a stage that has not run leaves its tables empty). */
export async function decisionContext(db: Database, asOf: string): Promise<DecisionContext> {
  const referenceCids = new Map<string, string[]>();
  for (const r of await db.all<Row>("SELECT DISTINCT cid, metal FROM current_ref_smelters")) {
    referenceCids.set(String(r.cid), [...(referenceCids.get(String(r.cid)) ?? []), String(r.metal).toLowerCase()]);
  }
  const screening: ScreeningTarget[] = [
    ...(
      await db.all<Row>("SELECT cid, metal, name, decision, hits FROM smelter_screening WHERE decision <> 'clear'")
    ).map((r) => ({
      key: String(r.cid),
      cid: String(r.cid),
      metal: String(r.metal),
      names: [String(r.name)],
      decision: String(r.decision),
      entries: entriesOf(r.hits),
      evidence: evidenceOf(r.hits),
    })),
    ...(
      await db.all<Row>(
        "SELECT smelter_key, cid, metal, name, spellings, decision, hits FROM reported_smelter_screening WHERE decision <> 'clear'",
      )
    ).map((r) => ({
      key: String(r.smelter_key),
      cid: str(r.cid),
      metal: String(r.metal),
      names: [String(r.name), ...listOf(r.spellings)],
      decision: String(r.decision),
      entries: entriesOf(r.hits),
      evidence: evidenceOf(r.hits),
    })),
  ];
  const reported = (
    await db.all<Row>("SELECT DISTINCT metal, name, lookup_name FROM smelter_rows WHERE metal IS NOT NULL")
  ).map((r) => ({
    metal: String(r.metal).toLowerCase(),
    name: str(r.name),
    lookupName: str(r.lookup_name),
  }));
  const declarations = (
    await db.all<Row>("SELECT CAST(declaration_id AS VARCHAR) AS id, file_name, company_name FROM declarations")
  ).map((r) => ({
    declarationId: String(r.id),
    file: str(r.file_name),
    companyName: str(r.company_name),
  }));
  const suppliers = new Set((await db.all<Row>("SELECT supplier_id FROM suppliers")).map((r) => String(r.supplier_id)));
  const products = new Set(
    (await db.all<Row>("SELECT DISTINCT product_id FROM bom_lines")).map((r) => String(r.product_id)),
  );
  const smelterKeys = new Set([
    ...referenceCids.keys(),
    ...(await db.all<Row>("SELECT DISTINCT smelter_key FROM reported_smelter_screening")).map((r) =>
      String(r.smelter_key),
    ),
  ]);
  const facilities = new Map<string, string>();
  const status = new Map(
    (
      await db.all<Row>(
        "SELECT cid, metal, string_agg(DISTINCT status, '/' ORDER BY status) AS status FROM current_ref_facility_status GROUP BY 1, 2",
      )
    ).map((r) => [`${String(r.cid)}|${String(r.metal).toLowerCase()}`, String(r.status)]),
  );
  for (const r of await db.all<Row>("SELECT cid, metal, standard_name FROM current_ref_smelters ORDER BY 1, 2")) {
    const k = `${String(r.cid)}|${String(r.metal).toLowerCase()}`;
    facilities.set(k, `${String(r.standard_name)}; ${status.get(k) ?? "no RMAP status"}`);
  }
  const evidence = new Map<string, DecisionEvidence>(
    (
      await db.all<Row>(
        "SELECT decision_id, CAST(evidence AS VARCHAR) AS evidence, expired_detail FROM decision_evidence",
      )
    ).map((r) => [
      String(r.decision_id),
      { evidence: JSON.parse(String(r.evidence)) as Record<string, string>, expired: str(r.expired_detail) },
    ]),
  );
  return {
    asOf,
    referenceCids,
    screening,
    reported,
    declarations,
    suppliers,
    products,
    smelterKeys,
    facilities,
    evidence,
  };
}

const EVENT: Record<DecisionStatus["status"], string> = {
  active: "applied",
  expired: "expired",
  "no-match": "matches nothing",
};

/** Evaluates every decision against the warehouse and replaces decision_status with the result. */
export async function refreshDecisionStatus(db: Database, asOf: string): Promise<DecisionStatus[]> {
  const decisions = await readDecisions(db);
  const ctx = await decisionContext(db, asOf);
  const statuses = evaluateDecisions(decisions, ctx);
  const previous = new Map(
    (await db.all<Row>("SELECT decision_id, status, detail FROM decision_status")).map((r) => [
      String(r.decision_id),
      `${String(r.status)}|${String(r.detail)}`,
    ]),
  );
  await db.transaction(async () => {
    await db.run("DELETE FROM decision_status");
    await db.insertRows(
      "decision_status",
      ["decision_id", "status", "detail", "targets", "as_of"],
      statuses.map((s) => [s.decisionId, s.status, s.detail, JSON.stringify(s.targets), asOf]),
    );
    for (const s of statuses) {
      const before = ctx.evidence.get(s.decisionId);
      // The evidence of its first application is kept; an expiry for changed evidence stays (the date one need not).
      if (s.status === "active" && !before) {
        await db.run(
          "INSERT INTO decision_evidence (decision_id, evidence, first_applied) VALUES (?, ?, CAST(? AS DATE))",
          [s.decisionId, JSON.stringify(s.evidence ?? {}), asOf],
        );
      } else if (s.status === "expired" && before && !before.expired && !s.detail.startsWith("expired on ")) {
        await db.run("UPDATE decision_evidence SET expired_detail = ? WHERE decision_id = ?", [s.detail, s.decisionId]);
      }
    }
    const changed = statuses.filter((s) => previous.get(s.decisionId) !== `${s.status}|${s.detail}`);
    await db.insertRows(
      "decision_events",
      ["as_of", "decision_id", "event", "detail"],
      changed.map((s) => [asOf, s.decisionId, EVENT[s.status], s.detail]),
    );
  });
  return statuses;
}

/** The active decisions of one action with what each applies to. */
export async function activeDecisions(
  db: Database,
  action: Decision["action"],
): Promise<(Decision & { targets: string[] })[]> {
  const status = new Map(
    (await db.all<Row>("SELECT decision_id, targets FROM decision_status WHERE status = 'active'")).map((r) => [
      String(r.decision_id),
      listOf(r.targets),
    ]),
  );
  return (await readDecisions(db))
    .filter((d) => d.action === action && status.has(d.decisionId))
    .map((d) => ({ ...d, targets: status.get(d.decisionId)! }));
}
