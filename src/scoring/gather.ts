import type { Database, SqlParams } from "../db/database.ts";
import { DECLARATIONS_AS_OF } from "../periods/declarations-as-of.ts";
import { normalizeName } from "../text/normalize.ts";
import type { CountryRisk, ProductFacts, RmiStatus, SanctionsDecision, SmelterFacts, SupplierFacts } from "./facts.ts";
import { declarationFacts, mergeDeclarations, type SmelterSeed } from "./declaration-facts.ts";
import { groupBy } from "../group-by.ts";
import { activeDecisions } from "../decisions/store.ts";
import type { Decision } from "../decisions/decision.ts";

export interface ReferenceVintage {
  kind: string;
  loadId: number | null;
  vintage: string | null;
  sourceFile: string | null;
  sha256: string | null;
}

/** A current declaration that links to no supplier-master entry: its smelters are scored, credited to no supplier. */
export interface UnlinkedDeclarationFacts {
  declarationId: string;
  companyName: string | null;
  smelterKeys: string[];
}

export interface ScoringInputs {
  smelters: SmelterFacts[];
  suppliers: SupplierFacts[];
  /** Declarations no supplier-master entry matches (none when there is no supplier master: each company is one). */
  unlinked: UnlinkedDeclarationFacts[];
  products: ProductFacts[];
  vintages: ReferenceVintage[];
  /** Inputs that hold no rows yet (nothing loaded, or their stage has not run): their factors score as unknown. */
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
    cahra:
      cahra === null || cahra === "none" || cahra === "false" ? null : cahra.includes("region") ? "regions" : "country",
    childLabour: r.child_labour === true,
    forcedLabour: r.forced_labour === true,
    governancePercentile: typeof r.governance_percentile === "number" ? r.governance_percentile : null,
  };
}

// The inputs whose absence leaves smelter factors unknown (RMI status, sanctions, country risk), in report order.
const UNKNOWN_WHEN_EMPTY = [
  "current_ref_smelters",
  "current_ref_facility_status",
  "smelter_screening",
  "smelter_country_risk",
] as const;

/**
 * Reads every fact the scoring layer needs from the warehouse (every table and view comes from src/db/migrations).
 * An input that holds no rows yet is listed in `missing` and its factors are treated as unknown.
 */
export async function gatherFacts(db: Database, options: { period: string; asOf?: string }): Promise<ScoringInputs> {
  const rows = (sql: string, params?: SqlParams): Promise<Row[]> => db.all<Row>(sql, params);

  const vintages: ReferenceVintage[] = (
    await rows(
      "SELECT kind, load_id, CAST(vintage AS VARCHAR) AS vintage, source_file, sha256 FROM current_reference_loads ORDER BY kind",
    )
  ).map((r) => ({
    kind: String(r.kind),
    loadId: Number(r.load_id),
    vintage: date(r.vintage),
    sourceFile: str(r.source_file),
    sha256: str(r.sha256),
  }));
  for (const r of await rows("SELECT DISTINCT source FROM smelter_country_risk WHERE source IS NOT NULL ORDER BY 1")) {
    vintages.push({ kind: "country-risk", loadId: null, vintage: null, sourceFile: str(r.source), sha256: null });
  }

  // Current declarations as of the run's date: per supplier and scope the newest one effective on or before asOf
  // (the rule of migration 010's is_current, minus what had not been sent yet), so an earlier period can be
  // re-scored as it stood. A supplier may hold several (a CMRT and an EMRT); they are merged below, the CMRT leading.
  const declRows = await rows(
    `SELECT declaration_id, company_name, unique_id, template, version, CAST(effective_date AS VARCHAR) AS effective_date, error_count, warning_count
     FROM (${DECLARATIONS_AS_OF})
     ORDER BY CASE upper(template) WHEN 'CMRT' THEN 0 WHEN 'EMRT' THEN 1 ELSE 2 END, effective_date DESC NULLS LAST, declaration_id`,
    { asOf: options.asOf ?? null },
  );
  const answers = await rows("SELECT declaration_id, question, meaning, mineral, answer FROM answers");
  const companyAnswers = await rows("SELECT declaration_id, question, meaning, answer FROM company_answers");
  // Each Smelter List row with the identity matching resolved (migration 025's resolved_smelter_rows).
  const smelterRows = applyMatchDecisions(
    await rows(
      `SELECT declaration_id, "row", metal, name, lookup_name, country, recycled_scrap, cid FROM resolved_smelter_rows`,
    ),
    await activeDecisions(db, "confirm-match"),
  );

  // Suppliers: the master list. Declarations link through the engagement stage's declaration_links (analyst
  // link-declaration decisions included), else — for declarations that stage has not seen — by unique ID, else by
  // company name. A declaration that links to no master entry is no supplier: its smelters are scored and credited to
  // nobody (docs/engagement.md). Only without any supplier master is each declaring company a supplier of its own.
  const master = await rows("SELECT supplier_id, name, duns, declaration_name FROM suppliers ORDER BY supplier_id");
  const linkRows = await rows(
    // This period's engagement run, else the newest one: who sent a file does not change with the period.
    `SELECT l.declaration_id, l.supplier_id FROM declaration_links l
     WHERE l.run_id = coalesce(
       (SELECT max(run_id) FROM engagement_runs WHERE period = ?), (SELECT max(run_id) FROM engagement_runs))`,
    [options.period],
  );
  const links = new Map(
    linkRows.filter((r) => str(r.supplier_id)).map((r) => [String(r.declaration_id), String(r.supplier_id)]),
  );
  const unlinkedByStage = new Set(linkRows.filter((r) => !str(r.supplier_id)).map((r) => String(r.declaration_id)));
  const scope = new Map(
    (
      await rows("SELECT supplier_id, in_scope FROM current_supplier_engagement WHERE period = ?", [options.period])
    ).map((r) => [String(r.supplier_id), r.in_scope === true]),
  );
  const byName = new Map<string, string>();
  const byUid = new Map<string, string>();
  for (const s of master) {
    byName.set(normalizeName(String(s.declaration_name ?? s.name)), String(s.supplier_id));
    byName.set(normalizeName(String(s.name)), String(s.supplier_id));
    if (str(s.duns)) byUid.set(String(s.duns).replace(/\W/g, ""), String(s.supplier_id));
  }
  const declsOf = new Map<string, Row[]>();
  const unlinkedRows: Row[] = [];
  const names = new Map<string, string>(master.map((s) => [String(s.supplier_id), String(s.name)]));
  for (const d of declRows) {
    const declarationId = String(d.declaration_id);
    const uid = str(d.unique_id)?.replace(/\W/g, "");
    const company = str(d.company_name) ?? declarationId;
    const id =
      links.get(declarationId) ??
      (unlinkedByStage.has(declarationId)
        ? undefined
        : ((uid ? byUid.get(uid) : undefined) ?? byName.get(normalizeName(company)))) ??
      (master.length === 0 ? `company:${normalizeName(company)}` : undefined);
    if (id === undefined) {
      unlinkedRows.push(d);
      continue;
    }
    declsOf.set(id, [...(declsOf.get(id) ?? []), d]);
    if (!names.has(id)) names.set(id, company);
  }

  const group = <T extends Row>(list: T[]) => groupBy(list, (r) => String(r.declaration_id));
  const answersBy = group(answers);
  const companyBy = group(companyAnswers);
  const rowsBy = group(smelterRows);

  const smelterSeeds = new Map<string, SmelterSeed>();
  const unlinked: UnlinkedDeclarationFacts[] = unlinkedRows.map((d) => ({
    declarationId: String(d.declaration_id),
    companyName: str(d.company_name),
    smelterKeys: declarationFacts(d, answersBy, companyBy, rowsBy, smelterSeeds).smelterKeys,
  }));
  // Suppliers the engagement stage put out of scope and that sent nothing are not part of the due diligence.
  const suppliers: SupplierFacts[] = [...names.keys()]
    .filter((id) => declsOf.has(id) || scope.get(id) !== false)
    .map((supplierId) => {
      const decls = (declsOf.get(supplierId) ?? []).map((d) =>
        declarationFacts(d, answersBy, companyBy, rowsBy, smelterSeeds),
      );
      return { supplierId, name: names.get(supplierId)!, declaration: mergeDeclarations(decls) };
    });

  const evidence = await rows(
    `SELECT facility, cid, metal, flag, evidence_source, CAST(evidence_date AS VARCHAR) AS evidence_date, note FROM smelter_evidence
     WHERE CAST($asOf AS DATE) IS NULL OR evidence_date <= CAST($asOf AS DATE) ORDER BY evidence_date, facility`,
    { asOf: options.asOf ?? null },
  );
  const smelters = await smelterFacts(smelterSeeds, rows, await activeDecisions(db, "clear-sanctions"), evidence);
  const bom = await rows(
    "SELECT product_id, list(DISTINCT supplier_id ORDER BY supplier_id) AS ids FROM bom_lines GROUP BY product_id ORDER BY product_id",
  );
  // Suppliers the engagement stage put out of scope for this period drop out of the roll-up; unknown ones stay in.
  const products: ProductFacts[] = bom.map((b) => ({
    product: String(b.product_id),
    supplierIds: (b.ids as unknown[]).map(String).filter((id) => scope.get(id) !== false),
  }));
  const missing: string[] = [];
  for (const table of UNKNOWN_WHEN_EMPTY) {
    if (!(await db.scalar<boolean>(`SELECT EXISTS (SELECT 1 FROM ${table})`))) missing.push(table);
  }
  return { smelters, suppliers, unlinked, products, vintages, missing };
}

/** Analyst confirm-match decisions (active ones, decisions stage): the rows naming the decided smelter take its CID. */
export function applyMatchDecisions(
  smelterRows: Row[],
  decisions: readonly (Decision & { targets: string[] })[],
): Row[] {
  if (decisions.length === 0) return smelterRows;
  const cidOf = new Map<string, string>();
  for (const d of decisions) for (const t of d.targets) cidOf.set(t, d.value!);
  return smelterRows.map((r) => {
    const metal = String(r.metal ?? "").toLowerCase();
    const named = [r.name, r.lookup_name]
      .map((n) => (str(n) ? `${metal}|${normalizeName(String(n))}` : ""))
      .find((k) => cidOf.has(k));
    return named ? { ...r, cid: cidOf.get(named)! } : r;
  });
}

/**
 * The analyst's smelter-of-interest evidence naming this smelter: by CID, else by the name suppliers typed or the RMI
 * standard name (normalised), for the row's metal when it gives one. Each flag reads "flag: note (source, date)".
 */
export function adverseFlags(
  evidence: readonly Row[],
  seed: { cid: string | null; metal: string; name: string },
  standardName: string | null,
): string[] {
  const names = new Set([seed.name, standardName].filter((n): n is string => !!n).map(normalizeName));
  return evidence
    .filter(
      (e) =>
        (str(e.metal) === null || String(e.metal).toLowerCase() === seed.metal) &&
        (str(e.cid) !== null ? e.cid === seed.cid : names.has(normalizeName(String(e.facility)))),
    )
    .map(
      (e) =>
        `${String(e.flag)}${str(e.note) ? `: ${String(e.note)}` : ""} (${String(e.evidence_source)}, ${date(e.evidence_date)})`,
    );
}

/** The analyst's clearance of a smelter's sanctions hit, as scoring evidence. */
function clearance(d: Decision, was: string | null): string {
  return `cleared by ${d.who} on ${d.when}: ${d.why}${was ? ` (screening said: ${was})` : ""}`;
}

async function smelterFacts(
  seeds: Map<string, SmelterSeed>,
  rows: (sql: string) => Promise<Row[]>,
  clearances: readonly (Decision & { targets: string[] })[] = [],
  evidence: readonly Row[] = [],
): Promise<SmelterFacts[]> {
  const clearedBy = new Map<string, Decision>();
  for (const d of clearances) for (const t of d.targets) clearedBy.set(t, d);
  const k = (cid: unknown, metal: unknown) => `${String(cid)}|${String(metal).toLowerCase()}`;
  const ref = new Map(
    (await rows("SELECT cid, metal, standard_name FROM current_ref_smelters")).map((r) => [k(r.cid, r.metal), r]),
  );
  const statusRows = await rows(
    `SELECT cid, metal, status, CAST(last_audit_date AS VARCHAR) AS last_audit_date, audit_cycle, reaudit_in_progress, lbma, rjc
     FROM current_ref_facility_status`,
  );
  const status = groupBy(statusRows, (r) => k(r.cid, r.metal));
  const removed = new Set(
    (await rows("SELECT cid, metal FROM current_ref_facility_revisions WHERE revision = 'removed'")).map((r) =>
      String(r.cid),
    ),
  );
  const screening = new Map(
    (await rows("SELECT cid, metal, decision, evidence FROM smelter_screening")).map((r) => [k(r.cid, r.metal), r]),
  );
  const risk = groupBy(await rows("SELECT * FROM smelter_country_risk"), (r) => k(r.cid, r.metal));
  // What suppliers typed (screen stage, migration 032): spellings screened by smelter key, unmatched rows rated by their typed country.
  const reportedScreening = groupBy(
    await rows(
      "SELECT smelter_key, metal, decision, evidence FROM reported_smelter_screening ORDER BY score DESC, smelter_key",
    ),
    (r) => k(r.smelter_key, r.metal),
  );
  const reportedRisk = groupBy(
    await rows("SELECT * FROM reported_country_risk ORDER BY report_rows DESC, country_iso2"),
    (r) => k(r.smelter_key, r.metal),
  );
  const severity = (r: Row | undefined) =>
    ({ hit: 3, review: 2, clear: 1 })[sanctionsDecision(str(r?.decision)) ?? "clear"] - (r ? 0 : 1);

  const cleared = (decision: SanctionsDecision | null, evidence: string | null, by: Decision | undefined) =>
    by && decision && decision !== "clear"
      ? { sanctions: "clear" as const, sanctionsEvidence: clearance(by, evidence) }
      : { sanctions: decision, sanctionsEvidence: evidence };
  const out: SmelterFacts[] = [];
  for (const [key, seed] of seeds) {
    const id = seed.cid ? k(seed.cid, seed.metal) : null;
    const st = id ? (status.get(id) ?? []) : [];
    const conformant = st
      .filter((r) => r.status === "conformant")
      .sort((a, b) => String(b.last_audit_date ?? "").localeCompare(String(a.last_audit_date ?? "")))[0];
    let rmi: RmiStatus = "unknown";
    if (seed.cid && removed.has(seed.cid) && !conformant) rmi = "removed";
    else if (conformant) rmi = "conformant";
    else if (st.some((r) => r.status === "active")) rmi = "active";
    else if (seed.cid && statusRows.length > 0) rmi = "not-participating";
    const scr = [id ? screening.get(id) : undefined, ...(reportedScreening.get(k(key, seed.metal)) ?? [])].sort(
      (x, y) => severity(y) - severity(x),
    )[0];
    const reported = reportedRisk.get(k(key, seed.metal)) ?? [];
    const countries = [...(id ? (risk.get(id) ?? []) : []), ...reported];
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
      ...cleared(sanctionsDecision(str(scr?.decision)), str(scr?.evidence), clearedBy.get(k(key, seed.metal))),
      location: countries.filter((r) => /^loc/i.test(String(r.basis))).map(countryRisk)[0] ?? null,
      mineCountries: countries.filter((r) => !/^loc/i.test(String(r.basis))).map(countryRisk),
      recycled: seed.recycled.length > 0 && seed.recycled.every(Boolean),
      adverseFlags: adverseFlags(evidence, seed, str(refRow?.standard_name)),
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
