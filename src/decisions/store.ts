import type { Database, Row } from "../db/database.ts";
import type { Decision, DecisionStatus } from "./decision.ts";
import { evaluateDecisions, type DecisionContext, type ScreeningTarget } from "./evaluate.ts";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function tables(db: Database): Promise<Set<string>> {
  return new Set(await db.tableNames());
}

/** Every loaded decision, in file and line order. */
export async function readDecisions(db: Database): Promise<Decision[]> {
  if (!(await tables(db)).has("decisions")) return [];
  const rows = await db.all<Row>(
    `SELECT decision_id, action, subject, metal, value, who, CAST(decided_on AS VARCHAR) AS decided_on, why, CAST(expires_on AS VARCHAR) AS expires_on, source, line
     FROM decisions ORDER BY source, line`,
  );
  return rows.map((r) => ({
    decisionId: String(r.decision_id), action: r.action as Decision["action"], subject: String(r.subject), metal: str(r.metal), value: str(r.value),
    who: String(r.who), when: String(r.decided_on), why: String(r.why), expires: str(r.expires_on), file: String(r.source), line: Number(r.line),
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

function entriesOf(hits: unknown): string[] {
  try {
    const parsed = (typeof hits === "string" ? JSON.parse(hits) : hits) as { list?: string; id?: string }[];
    return Array.isArray(parsed) ? parsed.map((h) => `${h.list ?? ""} ${h.id ?? ""}`.trim()).filter(Boolean) : [];
  } catch {
    return [];
  }
}

/** Reads what the decisions may apply to from the warehouse (each source only when its stage has run). */
export async function decisionContext(db: Database, asOf: string): Promise<DecisionContext> {
  const t = await tables(db);
  const all = async (table: string, sql: string) => (t.has(table) ? db.all<Row>(sql) : []);
  const referenceCids = new Map<string, string[]>();
  for (const r of await all("ref_smelters", "SELECT DISTINCT cid, lower(metal) AS metal FROM current_ref_smelters")) {
    referenceCids.set(String(r.cid), [...(referenceCids.get(String(r.cid)) ?? []), String(r.metal)]);
  }
  const screening: ScreeningTarget[] = [
    ...(await all("smelter_screening", "SELECT cid, metal, name, decision, hits FROM smelter_screening WHERE decision <> 'clear'")).map((r) => ({
      key: String(r.cid), cid: String(r.cid), metal: String(r.metal), names: [String(r.name)], decision: String(r.decision), entries: entriesOf(r.hits),
    })),
    ...(await all("reported_smelter_screening", "SELECT smelter_key, cid, metal, name, spellings, decision, hits FROM reported_smelter_screening WHERE decision <> 'clear'")).map((r) => ({
      key: String(r.smelter_key), cid: str(r.cid), metal: String(r.metal), names: [String(r.name), ...listOf(r.spellings)], decision: String(r.decision), entries: entriesOf(r.hits),
    })),
  ];
  const reported = (await all("smelter_rows", "SELECT DISTINCT lower(metal) AS metal, name, lookup_name FROM smelter_rows WHERE metal IS NOT NULL")).map((r) => ({
    metal: String(r.metal), name: str(r.name), lookupName: str(r.lookup_name),
  }));
  const declarations = (await all("declarations", "SELECT CAST(declaration_id AS VARCHAR) AS id, file_name, company_name FROM declarations")).map((r) => ({
    declarationId: String(r.id), file: str(r.file_name), companyName: str(r.company_name),
  }));
  const suppliers = new Set((await all("suppliers", "SELECT supplier_id FROM suppliers")).map((r) => String(r.supplier_id)));
  const products = new Set((await all("bom_lines", "SELECT DISTINCT product_id FROM bom_lines")).map((r) => String(r.product_id)));
  const smelterKeys = new Set([...referenceCids.keys(), ...(await all("reported_smelter_screening", "SELECT DISTINCT smelter_key FROM reported_smelter_screening")).map((r) => String(r.smelter_key))]);
  const clearedBefore = new Map(
    (await all("decision_status", "SELECT decision_id, targets FROM decision_status WHERE status = 'active'")).map((r) => [
      String(r.decision_id), listOf(r.targets).filter((x) => x.startsWith("entry:")).map((x) => x.slice(6)),
    ]),
  );
  return { asOf, referenceCids, screening, reported, declarations, suppliers, products, smelterKeys, clearedBefore };
}

/** Evaluates every decision against the warehouse and replaces decision_status with the result. */
export async function refreshDecisionStatus(db: Database, asOf: string): Promise<DecisionStatus[]> {
  const decisions = await readDecisions(db);
  const statuses = evaluateDecisions(decisions, await decisionContext(db, asOf));
  await db.transaction(async () => {
    await db.run("DELETE FROM decision_status");
    await db.insertRows("decision_status", ["decision_id", "status", "detail", "targets", "as_of"], statuses.map((s) => [s.decisionId, s.status, s.detail, JSON.stringify(s.targets), asOf]));
  });
  return statuses;
}

/** The active decisions of one action with what each applies to. */
export async function activeDecisions(db: Database, action: Decision["action"]): Promise<(Decision & { targets: string[] })[]> {
  if (!(await tables(db)).has("decision_status")) return [];
  const status = new Map((await db.all<Row>("SELECT decision_id, targets FROM decision_status WHERE status = 'active'")).map((r) => [String(r.decision_id), listOf(r.targets)]));
  return (await readDecisions(db)).filter((d) => d.action === action && status.has(d.decisionId)).map((d) => ({ ...d, targets: status.get(d.decisionId)! }));
}
