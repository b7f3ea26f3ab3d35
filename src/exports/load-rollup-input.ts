import type { Database } from "../db/database.ts";
import { DECLARATIONS_AS_OF } from "../periods/declarations-as-of.ts";
import { RollupInput } from "./rollup-input.ts";
import { groupBy } from "../group-by.ts";
import { auditCycleMonths } from "../scoring/gather.ts";

interface DeclRow {
  declaration_id: string;
  supplier_id: string;
  template: string;
  version: string;
  effective_date: string | null;
  error_count: number;
}

/**
 * Reads the roll-up's inputs from DuckDB: the declarations current on `asOf` (default: today's) linked to suppliers by the latest
 * engagement run (declaration_links) or their supplier_key, the supplier master (all in scope) or, without one,
 * every declaring company; reference names and RMAP status; country risk; BOM products.
 */
function parseHits(json: unknown): Array<{ list: string; id: string; name: string; program: string }> {
  try {
    const v: unknown = JSON.parse(typeof json === "string" ? json : "[]");
    if (!Array.isArray(v)) return [];
    return v.map((h: Record<string, unknown>) => ({
      list: String(h.list ?? ""),
      id: String(h.id ?? ""),
      name: String(h.name ?? ""),
      program: String(h.program ?? ""),
    }));
  } catch {
    return [];
  }
}

function parseTemplates(json: string | null): string[] | null {
  try {
    const v: unknown = JSON.parse(json ?? "null");
    return Array.isArray(v) && v.length > 0 ? v.map(String) : null;
  } catch {
    return null;
  }
}

export async function loadRollupInput(db: Database, options: { asOf?: string } = {}): Promise<RollupInput> {
  const asOf = { asOf: options.asOf ?? null };
  const master = await db.all<{ supplier_id: string; name: string }>(
    `SELECT supplier_id, name FROM suppliers ORDER BY supplier_id`,
  );
  // Scope and requested templates from the engagement stage's latest run (the one declaration_links below comes
  // from): suppliers it excluded are not relevant, whatever the supplier master lists.
  const engagement = new Map(
    (
      await db.all<{ supplier_id: string; in_scope: boolean; templates: string; usable: boolean }>(
        `SELECT e.supplier_id, e.in_scope, CAST(e.templates AS VARCHAR) AS templates, e.usable FROM supplier_engagement e
       WHERE e.run_id = (SELECT max(run_id) FROM engagement_runs)`,
      )
    ).map((r) => [r.supplier_id, { inScope: r.in_scope, templates: parseTemplates(r.templates), answered: r.usable }]),
  );
  const decls = await db.all<DeclRow>(
    `WITH links AS (
       SELECT l.declaration_id, l.supplier_id FROM declaration_links l
       WHERE l.run_id = (SELECT max(run_id) FROM engagement_runs) AND l.supplier_id IS NOT NULL)
     SELECT d.declaration_id, coalesce(k.supplier_id, d.supplier_key, d.company_name, d.declaration_id) AS supplier_id,
            d.template, d.version, CAST(d.effective_date AS VARCHAR) AS effective_date, d.error_count
     FROM (${DECLARATIONS_AS_OF}) d LEFT JOIN links k USING (declaration_id)
     ORDER BY d.declaration_id`,
    asOf,
  );
  const answers = await db.all<{
    declaration_id: string;
    question: string;
    meaning: string | null;
    mineral: string;
    answer: string | null;
    comment: string | null;
  }>(
    `SELECT a.declaration_id, a.question, a.meaning, a.mineral, a.answer, a.comment FROM answers a
     JOIN (${DECLARATIONS_AS_OF}) d USING (declaration_id)`,
    asOf,
  );
  // Smelter rows with the match stage's resolved identity (CID and metal): one facility however the supplier spelt it;
  // a row matching resolved nothing for keeps the CID the supplier typed, and the reference look-up below names it.
  const smelters = await db.all<{
    declaration_id: string;
    metal: string | null;
    cid: string | null;
    reported_cid: string | null;
    name: string | null;
    lookup_name: string | null;
    country: string | null;
    mine_countries: string | null;
    recycled_scrap: string | null;
  }>(
    `SELECT s.declaration_id, coalesce(s.metal, s.reported_metal) AS metal, s.cid, s.reported_cid, s.name, s.lookup_name, s.country, s.mine_countries, s.recycled_scrap
     FROM resolved_smelter_rows s JOIN (${DECLARATIONS_AS_OF}) d USING (declaration_id) ORDER BY s.declaration_id, s."row"`,
    asOf,
  );
  const mines = await db.all<{
    declaration_id: string;
    metal: string | null;
    smelter_name: string | null;
    name: string | null;
    mine_id: string | null;
    id_source: string | null;
    country: string | null;
  }>(
    `SELECT m.declaration_id, m.metal, m.smelter_name, m.name, m.mine_id, m.id_source, m.country
     FROM mines m JOIN (${DECLARATIONS_AS_OF}) d USING (declaration_id) ORDER BY m.declaration_id, m."row"`,
    asOf,
  );
  const names = new Map(
    (
      await db.all<{ declaration_id: string; company_name: string | null }>(
        `SELECT declaration_id, company_name FROM (${DECLARATIONS_AS_OF})`,
        asOf,
      )
    ).map((r) => [r.declaration_id, r.company_name]),
  );

  const byDeclaration = <T extends { declaration_id: string }>(rows: T[]) => {
    const groups = groupBy(rows, (r) => r.declaration_id);
    return (id: string) => groups.get(id) ?? [];
  };
  const answersOf = byDeclaration(answers);
  const smeltersOf = byDeclaration(smelters);
  const minesOf = byDeclaration(mines);
  const suppliers = new Map(
    master.map((m) => {
      const e = engagement.get(m.supplier_id);
      return [
        m.supplier_id,
        {
          supplierId: m.supplier_id,
          name: m.name,
          inScope: e?.inScope ?? true,
          templates: e?.templates ?? null,
          answered: e?.answered ?? null,
          declarations: [] as unknown[],
        },
      ];
    }),
  );
  for (const d of decls) {
    let s = suppliers.get(d.supplier_id);
    if (!s) {
      // A declaration from a company outside the supplier master counts as a response, not as a relevant supplier.
      s = {
        supplierId: d.supplier_id,
        name: names.get(d.declaration_id) ?? d.supplier_id,
        inScope: master.length === 0,
        templates: null,
        answered: null,
        declarations: [],
      };
      suppliers.set(d.supplier_id, s);
    }
    s.declarations.push({
      declarationId: d.declaration_id,
      template: d.template,
      version: d.version,
      effectiveDate: d.effective_date,
      usable: Number(d.error_count) === 0,
      answers: answersOf(d.declaration_id),
      smelters: smeltersOf(d.declaration_id).map((r) => ({
        metal: r.metal,
        cid: r.cid ?? r.reported_cid,
        name: r.name ?? r.lookup_name,
        lookupName: r.lookup_name,
        country: r.country,
        mineCountries: r.mine_countries,
        recycledScrap: r.recycled_scrap,
      })),
      mines: minesOf(d.declaration_id).map((m) => ({
        metal: m.metal,
        smelterName: m.smelter_name,
        name: m.name,
        mineId: m.mine_id,
        idSource: m.id_source,
        country: m.country,
      })),
    });
  }

  const reference = await loadFacilityReference(db);
  const countries = await db.all<{ iso2: string; name: string; covered: boolean; cahra: boolean }>(
    `SELECT country_iso2 AS iso2, any_value(country_name) AS name, bool_or(covered) AS covered, bool_or(cahra IS NOT NULL) AS cahra
     FROM smelter_country_risk GROUP BY country_iso2 ORDER BY 1`,
  );
  const bom = await db.all<{ product_id: string; product_name: string | null; supplier_ids: string[] }>(
    `SELECT product_id, any_value(product_name) AS product_name, list(DISTINCT supplier_id ORDER BY supplier_id) AS supplier_ids
     FROM bom_lines GROUP BY product_id ORDER BY product_id`,
  );

  // What suppliers typed for facilities no CID identifies is screened too (screen stage, migration 032).
  const reportedSanctions = (
    await db.all<{ key: string; hits: string }>(
      `SELECT smelter_key AS key, hits FROM reported_smelter_screening WHERE decision = 'hit' AND smelter_key LIKE 'unmatched:%'`,
    )
  ).map((r) => ({ key: r.key, hits: parseHits(r.hits) }));
  const parsed = RollupInput.safeParse({
    suppliers: [...suppliers.values()],
    reportedSanctions,
    reference,
    countries: countries.map((c) => ({ iso2: c.iso2, names: [c.name], covered: c.covered, cahra: c.cahra })),
    products: bom.map((p) => ({ number: p.product_id, name: p.product_name, supplierIds: p.supplier_ids })),
  });
  if (!parsed.success) throw new Error(`roll-up input from the database is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Reference facts per CID: RMAP status (the scoring run's when scored, honouring manual decisions), the conformant
 * list's audit dates and re-audit flag with that list's vintage, and the sanctions screening's hits. The roll-up and
 * the site's figures (src/site/data/figures.ts) judge audit currency on these.
 */
export async function loadFacilityReference(db: Database): Promise<RollupInput["reference"]> {
  const rows = (
    await db.all<Record<string, unknown>>(
      `WITH status AS (
         SELECT s.cid, s.metal,
                arg_min(lower(s.status), CASE lower(s.status) WHEN 'conformant' THEN 1 WHEN 'active' THEN 2 ELSE 3 END) AS status,
                max(s.last_audit_date) FILTER (WHERE lower(s.status) = 'conformant') AS last_audit_date,
                arg_max(s.audit_cycle, s.last_audit_date) FILTER (WHERE lower(s.status) = 'conformant') AS audit_cycle,
                bool_or(coalesce(s.reaudit_in_progress, false)) FILTER (WHERE lower(s.status) = 'conformant') AS reaudit,
                max(l.vintage) AS vintage
         FROM current_ref_facility_status s LEFT JOIN reference_loads l USING (load_id) GROUP BY s.cid, s.metal),
       scored AS (
         SELECT cid, metal, arg_max(rmi_status, run_id) AS status, arg_max(sanctions, run_id) AS sanctions
         FROM smelter_scores WHERE cid IS NOT NULL GROUP BY cid, metal)
       SELECT r.cid, r.metal, r.standard_name AS "standardName", r.country, r.country_iso2 AS "countryIso2",
              coalesce(sc.status, st.status, 'unknown') AS "rmiStatus",
              CAST(st.last_audit_date AS VARCHAR) AS "lastAuditDate", st.audit_cycle AS "auditCycle", st.reaudit AS "reauditInProgress",
              CAST(st.vintage AS VARCHAR) AS "statusVintage",
              CASE WHEN coalesce(sc.sanctions, scr.decision) = 'hit' THEN scr.hits END AS hits
       FROM current_ref_smelters r
       LEFT JOIN status st ON st.cid = r.cid AND st.metal = r.metal
       LEFT JOIN scored sc ON sc.cid = r.cid AND sc.metal = r.metal
       LEFT JOIN smelter_screening scr ON scr.cid = r.cid AND scr.metal = r.metal
       ORDER BY r.metal, r.cid`,
    )
  ).map(({ auditCycle, hits, ...r }) => ({
    ...r,
    auditCycleMonths: auditCycleMonths(auditCycle === null ? null : String(auditCycle)),
    sanctions: parseHits(hits),
  }));
  return RollupInput.shape.reference.parse(rows);
}
