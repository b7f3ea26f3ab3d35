import type { Database } from "../db/database.ts";
import { normalizeName } from "../text/normalize.ts";
import type { CountryRisk, DeclarationFacts, ProductFacts, RmiStatus, SanctionsDecision, SmelterFacts, SupplierFacts } from "./facts.ts";
import { questionKey, templateQuestions } from "./template-questions.ts";

export interface ReferenceVintage {
  kind: string;
  loadId: number | null;
  vintage: string | null;
  sourceFile: string | null;
  sha256: string | null;
}

export interface ScoringInputs {
  smelters: SmelterFacts[];
  suppliers: SupplierFacts[];
  products: ProductFacts[];
  vintages: ReferenceVintage[];
  /** Tables the gather step looked for and did not find (their factors score as unknown). */
  missing: string[];
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
const date = (v: unknown): string | null => str(v)?.slice(0, 10) ?? null;

/** "1 Year", "3 years", "24 months" → months. */
export function auditCycleMonths(text: string | null): number | null {
  const m = /(\d+)\s*(year|yr|month|mo)?/i.exec(text ?? "");
  if (!m) return null;
  const n = Number(m[1]);
  return /^mo/i.test(m[2] ?? "") ? n : n * 12;
}

function sanctionsDecision(v: string | null): SanctionsDecision | null {
  const d = (v ?? "").toLowerCase();
  if (d === "") return null;
  if (d === "hit" || d === "match" || d === "confirmed") return "hit";
  if (d.includes("review") || d === "possible") return "review";
  return "clear";
}

function countryRisk(r: Row): CountryRisk {
  const cahra = str(r.cahra)?.toLowerCase() ?? null;
  return {
    iso2: String(r.country_iso2),
    name: String(r.country_name),
    covered: r.covered === true,
    cahra: cahra === null || cahra === "none" || cahra === "false" ? null : cahra.includes("region") ? "regions" : "country",
    childLabour: r.child_labour === true,
    forcedLabour: r.forced_labour === true,
    governancePercentile: typeof r.governance_percentile === "number" ? r.governance_percentile : null,
  };
}

function smelterKey(cid: string | null, metal: string, name: string): string {
  return cid ?? `unmatched:${metal}:${normalizeName(name)}`;
}

/**
 * Reads every fact the scoring layer needs from the warehouse. Tables written by other stages are read by
 * their documented names; a missing table is listed in `missing` and its factors are treated as unknown.
 */
export async function gatherFacts(db: Database): Promise<ScoringInputs> {
  const tables = new Set(await db.tableNames());
  const missing: string[] = [];
  const has = (t: string) => tables.has(t) || (missing.push(t), false);
  const rows = async (table: string, sql: string): Promise<Row[]> => (has(table) ? db.all<Row>(sql) : []);
  const columns = async (table: string) =>
    new Set((await db.all<{ c: string }>("SELECT column_name AS c FROM information_schema.columns WHERE table_name = ?", [table])).map((r) => r.c));

  const vintages: ReferenceVintage[] = (
    await rows("current_reference_loads", "SELECT kind, load_id, CAST(vintage AS VARCHAR) AS vintage, source_file, sha256 FROM current_reference_loads ORDER BY kind")
  ).map((r) => ({ kind: String(r.kind), loadId: Number(r.load_id), vintage: date(r.vintage), sourceFile: str(r.source_file), sha256: str(r.sha256) }));
  for (const r of await rows("smelter_country_risk", "SELECT DISTINCT source FROM smelter_country_risk WHERE source IS NOT NULL ORDER BY 1")) {
    vintages.push({ kind: "country-risk", loadId: null, vintage: null, sourceFile: str(r.source), sha256: null });
  }

  // Declarations: the latest per supplier (is_current when the ingest marks it, else the newest effective date).
  const declCols = tables.has("declarations") ? await columns("declarations") : new Set<string>();
  const declRows = await rows(
    "declarations",
    `SELECT declaration_id, ${declCols.has("supplier_id") ? "supplier_id" : "NULL AS supplier_id"}, company_name,
       ${declCols.has("unique_id") ? "unique_id" : "NULL AS unique_id"}, template, CAST(effective_date AS VARCHAR) AS effective_date
     FROM declarations ${declCols.has("is_current") ? "WHERE is_current" : ""}
     ORDER BY effective_date DESC NULLS LAST, declaration_id DESC`,
  );
  const answers = await rows("answers", "SELECT declaration_id, question, mineral, answer FROM answers");
  const companyAnswers = await rows("company_answers", "SELECT declaration_id, question, answer FROM company_answers");
  const findings = await rows("findings", "SELECT declaration_id, lower(severity) AS severity, count(*) AS n FROM findings GROUP BY ALL");
  const matchJoin = tables.has("smelter_matches")
    ? "LEFT JOIN smelter_matches m ON m.declaration_id = s.declaration_id AND m.row = s.row AND m.decision = 'matched'"
    : "LEFT JOIN (SELECT NULL AS cid) m ON false";
  if (!tables.has("smelter_matches")) missing.push("smelter_matches");
  const smelterRows = await rows(
    "smelter_rows",
    `SELECT s.declaration_id, s.row, s.metal, s.name, s.country, s.recycled_scrap,
       coalesce(m.cid, CASE WHEN s.cid IN (SELECT cid FROM current_ref_smelters) THEN s.cid END) AS cid
     FROM smelter_rows s ${matchJoin}`,
  );

  // Suppliers: the master list, linked to declarations by supplier_id, then unique ID, then company name.
  const master = await rows("suppliers", "SELECT supplier_id, name, duns, declaration_name FROM suppliers ORDER BY supplier_id");
  const byName = new Map<string, string>();
  const byUid = new Map<string, string>();
  for (const s of master) {
    byName.set(normalizeName(String(s.declaration_name ?? s.name)), String(s.supplier_id));
    byName.set(normalizeName(String(s.name)), String(s.supplier_id));
    if (str(s.duns)) byUid.set(String(s.duns).replace(/\W/g, ""), String(s.supplier_id));
  }
  const latest = new Map<string, Row>();
  const names = new Map<string, string>(master.map((s) => [String(s.supplier_id), String(s.name)]));
  for (const d of declRows) {
    const uid = str(d.unique_id)?.replace(/\W/g, "");
    const company = str(d.company_name) ?? String(d.declaration_id);
    const id = str(d.supplier_id) ?? (uid ? byUid.get(uid) : undefined) ?? byName.get(normalizeName(company)) ?? `company:${normalizeName(company)}`;
    if (!latest.has(id)) latest.set(id, d);
    if (!names.has(id)) names.set(id, company);
  }

  const group = <T extends Row>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of list) m.set(String(r.declaration_id), [...(m.get(String(r.declaration_id)) ?? []), r]);
    return m;
  };
  const answersBy = group(answers);
  const companyBy = group(companyAnswers);
  const findingsBy = group(findings);
  const rowsBy = group(smelterRows);

  const smelterSeeds = new Map<string, { cid: string | null; metal: string; name: string; recycled: boolean[] }>();
  const suppliers: SupplierFacts[] = [...names.keys()].map((supplierId) => {
    const d = latest.get(supplierId);
    if (!d) return { supplierId, name: names.get(supplierId)!, declaration: null };
    const id = String(d.declaration_id);
    const q = templateQuestions(str(d.template));
    const answer = new Map<string, string | null>();
    for (const a of answersBy.get(id) ?? []) answer.set(`${questionKey(String(a.question))}|${String(a.mineral).toLowerCase()}`, str(a.answer));
    const minerals = [...new Set((answersBy.get(id) ?? []).map((a) => String(a.mineral).toLowerCase()))];
    const inScope = minerals.filter((m) => /^yes/i.test(answer.get(`${q.intentional}|${m}`) ?? "") && !/^no$/i.test(answer.get(`${q.remains}|${m}`) ?? ""));
    const programme: Record<string, string | null> = {};
    for (const a of companyBy.get(id) ?? []) {
      const k = questionKey(String(a.question));
      if (programme[k] === undefined || /^yes/i.test(String(a.answer ?? ""))) programme[k] = str(a.answer);
    }
    const keys: string[] = [];
    for (const r of rowsBy.get(id) ?? []) {
      const metal = String(r.metal ?? "").toLowerCase();
      const name = str(r.name);
      if (!metal || !name) continue;
      const key = smelterKey(str(r.cid), metal, name);
      keys.push(key);
      const seed = smelterSeeds.get(key) ?? { cid: str(r.cid), metal, name, recycled: [] };
      seed.recycled.push(/^yes/i.test(String(r.recycled_scrap ?? "")));
      smelterSeeds.set(key, seed);
    }
    const count = (sev: string) => Number((findingsBy.get(id) ?? []).find((f) => f.severity === sev)?.n ?? 0);
    const declaration: DeclarationFacts = {
      declarationId: id,
      template: str(d.template) ?? "CMRT",
      effectiveDate: date(d.effective_date),
      mineralsInScope: inScope,
      findings: { error: count("error"), warning: count("warning") },
      programme,
      programmeTest: q.programmeTest,
      surveyCoverage: Object.fromEntries(inScope.map((m) => [m, answer.get(`${q.surveyCoverage}|${m}`) ?? null])),
      incompleteSmelterList: inScope.filter((m) => q.completeness.some((c) => /^no$/i.test(answer.get(`${c}|${m}`) ?? ""))),
      smelterKeys: [...new Set(keys)],
    };
    return { supplierId, name: names.get(supplierId)!, declaration };
  });

  const smelters = await smelterFacts(smelterSeeds, rows);
  const bom = await rows("bom_lines", "SELECT product_id, list(DISTINCT supplier_id ORDER BY supplier_id) AS ids FROM bom_lines GROUP BY product_id ORDER BY product_id");
  const products: ProductFacts[] = bom.map((b) => ({ product: String(b.product_id), supplierIds: (b.ids as unknown[]).map(String) }));
  return { smelters, suppliers, products, vintages, missing: [...new Set(missing)].sort() };
}

async function smelterFacts(
  seeds: Map<string, { cid: string | null; metal: string; name: string; recycled: boolean[] }>,
  rows: (table: string, sql: string) => Promise<Row[]>,
): Promise<SmelterFacts[]> {
  const k = (cid: unknown, metal: unknown) => `${String(cid)}|${String(metal).toLowerCase()}`;
  const ref = new Map((await rows("current_ref_smelters", "SELECT cid, metal, standard_name FROM current_ref_smelters")).map((r) => [k(r.cid, r.metal), r]));
  const statusRows = await rows(
    "current_ref_facility_status",
    `SELECT cid, metal, status, CAST(last_audit_date AS VARCHAR) AS last_audit_date, audit_cycle, reaudit_in_progress, lbma, rjc
     FROM current_ref_facility_status`,
  );
  const status = new Map<string, Row[]>();
  for (const r of statusRows) status.set(k(r.cid, r.metal), [...(status.get(k(r.cid, r.metal)) ?? []), r]);
  const removed = new Set(
    (await rows("current_ref_facility_revisions", "SELECT cid, metal FROM current_ref_facility_revisions WHERE revision = 'removed'")).map((r) => String(r.cid)),
  );
  const screening = new Map((await rows("smelter_screening", "SELECT cid, metal, decision, evidence FROM smelter_screening")).map((r) => [k(r.cid, r.metal), r]));
  const risk = new Map<string, Row[]>();
  for (const r of await rows("smelter_country_risk", "SELECT * FROM smelter_country_risk")) risk.set(k(r.cid, r.metal), [...(risk.get(k(r.cid, r.metal)) ?? []), r]);

  const out: SmelterFacts[] = [];
  for (const [key, seed] of seeds) {
    const id = seed.cid ? k(seed.cid, seed.metal) : null;
    const st = id ? status.get(id) ?? [] : [];
    const conformant = st.filter((r) => r.status === "conformant").sort((a, b) => String(b.last_audit_date ?? "").localeCompare(String(a.last_audit_date ?? "")))[0];
    let rmi: RmiStatus = "unknown";
    if (seed.cid && removed.has(seed.cid) && !conformant) rmi = "removed";
    else if (conformant) rmi = "conformant";
    else if (st.some((r) => r.status === "active")) rmi = "active";
    else if (seed.cid && statusRows.length > 0) rmi = "not-participating";
    const scr = id ? screening.get(id) : undefined;
    const countries = id ? (risk.get(id) ?? []) : [];
    const refRow = id ? ref.get(id) : undefined;
    out.push({
      key,
      cid: seed.cid,
      name: str(refRow?.standard_name) ?? seed.name,
      metal: seed.metal,
      matched: seed.cid !== null,
      status: rmi,
      lastAuditDate: date(conformant?.last_audit_date),
      auditCycleMonths: auditCycleMonths(str(conformant?.audit_cycle)),
      reauditInProgress: conformant?.reaudit_in_progress === true,
      lbma: st.some((r) => r.lbma === true),
      rjc: st.some((r) => r.rjc === true),
      sanctions: sanctionsDecision(str(scr?.decision)),
      sanctionsEvidence: str(scr?.evidence),
      location: countries.filter((r) => /^loc/i.test(String(r.basis))).map(countryRisk)[0] ?? null,
      mineCountries: countries.filter((r) => !/^loc/i.test(String(r.basis))).map(countryRisk),
      recycled: seed.recycled.length > 0 && seed.recycled.every(Boolean),
      adverseFlags: [],
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
