import { auditCurrentAt } from "../../exports/facility-status.ts";
import { loadFacilityReference } from "../../exports/load-rollup-input.ts";
import { periodEnd } from "../../periods/as-of.ts";
import { canonicalMineral, familyMinerals } from "../../rmi/minerals.ts";
import { currentAndPrevious, ratio, str, type RunRef, type Warehouse } from "./_warehouse.ts";
import { clearanceKey, sanctionsClearances } from "./_clearances.ts";

// The one definition of each headline figure (issue #18). Overview, Suppliers, Smelters, Sanctions, Products and the
// executive report read these numbers; the drafts' roll-up (src/exports/survey-coverage.ts) counts the same suppliers
// and smelters, which test/site/figures.test.ts checks on a built company.

/** One supplier of the run as every page counts it: a supplier-master entry the scoring run scored. */
export interface SupplierFigureRow {
  id: string;
  name: string;
  inScope: boolean;
  contacted: boolean;
  /** Answered the request (any declaration received). */
  responded: boolean;
  /** Sent a usable declaration: current and without errors (the filings' "responded"). */
  usable: boolean;
  band: string;
  status: string;
  nextAction: string | null;
  dueDate: string | null;
  overdue: boolean;
}

/** A declaration no supplier-master entry matches: listed by file, never counted as a supplier. */
export interface UnlinkedDeclaration {
  declarationId: string;
  file: string;
  companyName: string | null;
  template: string | null;
  reason: string;
  /** What the analyst can do: the decisions-file line that links it to its supplier (docs/inputs.md). */
  action: string;
}

/** The decisions-file line that links a declaration, to complete with the supplier id, who, when and why. */
export function linkDeclarationLine(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const subject = /[",\n]/.test(base) ? `"${base.replace(/"/g, '""')}"` : base;
  return `link-declaration,${subject},,<supplier id>,<your name>,<date>,<why>`;
}

export interface SmelterFigureRow {
  key: string;
  cid: string | null;
  metal: string;
  rmiStatus: string;
  /** Whether the RMAP audit was current at the period end (src/exports/facility-status.ts). */
  auditCurrent: "yes" | "no" | "unknown";
  sanctionsHit: boolean;
  band: string;
}

export interface FamilyFigures {
  reported: number;
  identified: number;
  conformant: number;
}

export interface Figures {
  periodEnd: string;
  suppliersInScope: number;
  responded: number;
  validDeclarations: number;
  /** Usable declarations over suppliers in scope: the filings' survey response share. */
  responseRate: number | null;
  highRiskSuppliers: number;
  unlinkedDeclarations: number;
  smelters: number;
  smeltersIdentified: number;
  /** Identified smelters RMAP conformant with an audit current at the period end. */
  conformant: number;
  /** Listed as conformant, but the audit had lapsed by the period end (not counted as conformant). */
  conformantLapsed: number;
  conformantShare: number | null;
  /** Smelters your suppliers report that are sanctions hits ("your supply chain"). */
  sanctionsHits: number;
  /** Sanctions hits on RMI reference facilities none of your suppliers reports ("the reference list"). */
  referenceSanctionsHits: number;
  highRiskSmelters: number;
  products: number;
  highRiskProducts: number;
  /** Suppliers in scope with a next action, and those whose action is overdue. */
  actionsOpen: number;
  actionsOverdue: number;
  conformantByMetal: { metal: string; identified: number; conformant: number; share: number | null }[];
  byFamily: { CMRT: FamilyFigures; EMRT: FamilyFigures };
}

const HIGH = new Set(["High", "Critical"]);

/**
 * The suppliers of a run: supplier-master entries the run scored (every declaring company when there is no master),
 * with scope, response and next action from the engagement stage of the run's period (derived from the scores when
 * that stage did not run for it). Scored declarations no master entry matches are returned as `unlinked`.
 */
export async function supplierFigureRows(
  w: Warehouse,
  run: RunRef,
): Promise<{ suppliers: SupplierFigureRow[]; unlinked: UnlinkedDeclaration[] }> {
  const master = new Set(
    (await w.rows<{ id: string }>("SELECT supplier_id AS id FROM suppliers")).map((r) => String(r.id)),
  );
  const scored = await w.rows<{
    id: string;
    name: string;
    declarationId: string | null;
    responded: boolean;
    band: string;
  }>(
    `SELECT supplier_id AS id, name, declaration_id AS "declarationId", responded, band FROM supplier_scores WHERE run_id = ? ORDER BY name, supplier_id`,
    [run.runId],
  );
  const engagement = new Map(
    (
      await w.rows<Record<string, unknown>>(
        `SELECT supplier_id AS id, in_scope, status, next_action, CAST(due_date AS VARCHAR) AS due_date, overdue, usable, response_date IS NOT NULL AS answered
         FROM current_supplier_engagement WHERE run_id = (SELECT max(run_id) FROM latest_engagement_runs WHERE period = ?)`,
        [run.period],
      )
    ).map((r) => [String(r.id), r]),
  );
  const outreach = new Map(
    (
      await w.rows<{ id: string; event: string }>(
        "SELECT supplier_id AS id, arg_max(event, event_date) AS event FROM outreach_events GROUP BY 1",
      )
    ).map((r) => [r.id, r.event]),
  );
  const isSupplier = (id: string) => master.size === 0 || master.has(id);
  const suppliers = scored
    .filter((s) => isSupplier(String(s.id)))
    .map((s): SupplierFigureRow => {
      const id = String(s.id);
      const e = engagement.get(id);
      const band = String(s.band);
      const scoredAnswer = s.responded === true;
      if (e) {
        const status = str(e.status) ?? "not-contacted";
        return {
          id,
          name: String(s.name),
          inScope: e.in_scope === true,
          contacted: status !== "not-contacted",
          responded: e.answered === true || status === "responded",
          usable: e.usable === true,
          band,
          status,
          nextAction: str(e.next_action),
          dueDate: str(e.due_date)?.slice(0, 10) ?? null,
          overdue: e.overdue === true,
        };
      }
      const event = outreach.get(id);
      const usable = scoredAnswer && band !== "Data gap" && band !== "Excluded";
      return {
        id,
        name: String(s.name),
        inScope: true,
        contacted: scoredAnswer || event !== undefined,
        responded: scoredAnswer,
        usable,
        band,
        status: scoredAnswer
          ? band === "Data gap"
            ? "responded-without-data"
            : "responded"
          : event
            ? event === "bounced"
              ? "no-response"
              : event
            : "not-contacted",
        nextAction: scoredAnswer
          ? band === "Data gap"
            ? "request-clarification"
            : HIGH.has(band)
              ? "corrective-action"
              : null
          : event
            ? "send-reminder"
            : "send-request",
        dueDate: null,
        overdue: false,
      };
    });
  // Unlinked: what the engagement stage could not link, and any scored declaration outside the master.
  const unlinked = new Map<string, UnlinkedDeclaration>();
  for (const r of await w.rows<Record<string, unknown>>(
    `SELECT u.declaration_id AS id, coalesce(d.file_name, u.file) AS file, u.company_name AS company, d.template, u.reason
     FROM unlinked_declarations u LEFT JOIN declarations d USING (declaration_id)
     WHERE u.period = ? ORDER BY 2, 1`,
    [run.period],
  )) {
    const file = str(r.file) ?? String(r.id);
    unlinked.set(String(r.id), {
      declarationId: String(r.id),
      file,
      companyName: str(r.company),
      template: str(r.template),
      reason: str(r.reason) ?? "no supplier-master match",
      action: linkDeclarationLine(file),
    });
  }
  // The declarations the scoring run linked to nobody (also when the engagement stage did not run), and any scored
  // supplier outside the master (runs scored before unlinked declarations were kept apart).
  const unscored = await w.rows<{ id: string; company: string | null }>(
    "SELECT DISTINCT declaration_id AS id, company_name AS company FROM unlinked_smelter_reports WHERE run_id = ? ORDER BY 1",
    [run.runId],
  );
  const outside = [
    ...unscored.map((u) => ({ declarationId: String(u.id), name: str(u.company) })),
    ...scored
      .filter((s) => !isSupplier(String(s.id)) && s.declarationId)
      .map((s) => ({ declarationId: String(s.declarationId), name: String(s.name) })),
  ].filter((o) => !unlinked.has(o.declarationId));
  if (outside.length) {
    const decls = new Map(
      (
        await w.rows<Record<string, unknown>>(
          `SELECT declaration_id AS id, file_name AS file, company_name AS company, template FROM declarations WHERE declaration_id IN (${outside.map(() => "?").join(", ")})`,
          outside.map((s) => s.declarationId),
        )
      ).map((r) => [String(r.id), r]),
    );
    for (const s of outside) {
      const id = s.declarationId;
      if (unlinked.has(id)) continue;
      const d = decls.get(id);
      const file = str(d?.file) ?? id;
      unlinked.set(id, {
        declarationId: id,
        file,
        companyName: str(d?.company) ?? s.name,
        template: str(d?.template),
        reason: "no supplier-master match",
        action: linkDeclarationLine(file),
      });
    }
  }
  return {
    suppliers,
    unlinked: [...unlinked.values()].sort(
      (a, b) => a.file.localeCompare(b.file) || a.declarationId.localeCompare(b.declarationId),
    ),
  };
}

/** The smelters of a run with their audit currency at the period end and whether they are sanctions hits. */
export async function smelterFigureRows(w: Warehouse, run: RunRef): Promise<SmelterFigureRow[]> {
  const end = periodEnd(run.period) ?? run.asOf;
  const reference = new Map((await loadFacilityReference(w.db)).map((r) => [`${r.metal}|${r.cid}`, r]));
  const cleared = await sanctionsClearances(w);
  const rows = await w.rows<{
    key: string;
    cid: string | null;
    metal: string;
    status: string;
    sanctions: string | null;
    band: string;
  }>(
    `SELECT smelter_key AS key, cid, metal, rmi_status AS status, sanctions, band FROM smelter_scores WHERE run_id = ? ORDER BY smelter_key`,
    [run.runId],
  );
  return rows.map((r) => {
    const ref = r.cid ? reference.get(`${r.metal}|${r.cid}`) : undefined;
    const facts = {
      rmiStatus: r.status,
      lastAuditDate: ref?.lastAuditDate ?? null,
      auditCycleMonths: ref?.auditCycleMonths ?? null,
      reauditInProgress: ref?.reauditInProgress ?? null,
      sanctions: [],
    };
    return {
      key: r.key,
      cid: r.cid,
      metal: r.metal,
      rmiStatus: r.status,
      auditCurrent: r.cid ? auditCurrentAt(facts, end) : "no",
      sanctionsHit: r.sanctions === "hit" && !cleared.has(clearanceKey(r.key, r.metal)),
      band: r.band,
    };
  });
}

function familyFigures(rows: readonly SmelterFigureRow[]): FamilyFigures {
  const identified = rows.filter((r) => r.cid !== null);
  return {
    reported: rows.length,
    identified: identified.length,
    conformant: identified.filter((r) => r.auditCurrent === "yes").length,
  };
}

/** Every headline figure of one scoring run. */
export async function figuresForRun(w: Warehouse, run: RunRef): Promise<Figures> {
  const { suppliers, unlinked } = await supplierFigureRows(w, run);
  const smelters = await smelterFigureRows(w, run);
  const inScope = suppliers.filter((s) => s.inScope);
  const usable = inScope.filter((s) => s.usable).length;
  const identified = smelters.filter((s) => s.cid !== null);
  const conformant = identified.filter((s) => s.auditCurrent === "yes");
  const scoredCids = new Set(identified.map((s) => `${s.metal}|${s.cid}`));
  const cleared = await sanctionsClearances(w);
  const referenceHits = (
    await w.rows<{ cid: string; metal: string }>(
      "SELECT DISTINCT cid, metal FROM smelter_screening WHERE decision = 'hit'",
    )
  ).filter((r) => !cleared.has(clearanceKey(r.cid, r.metal)));
  const products = await w.rows<{ n: number; high: number }>(
    "SELECT count(*) AS n, count(*) FILTER (WHERE band IN ('High', 'Critical')) AS high FROM product_scores WHERE run_id = ?",
    [run.runId],
  );
  const metals = [...new Set(identified.map((s) => s.metal))].sort();
  const cmrt = new Set(familyMinerals("CMRT").map((m) => m.toLowerCase()));
  const isCmrt = (s: SmelterFigureRow) => cmrt.has((canonicalMineral(s.metal) ?? s.metal).toLowerCase());
  return {
    periodEnd: periodEnd(run.period) ?? run.asOf,
    suppliersInScope: inScope.length,
    responded: inScope.filter((s) => s.responded).length,
    validDeclarations: usable,
    responseRate: ratio(usable, inScope.length),
    highRiskSuppliers: inScope.filter((s) => HIGH.has(s.band)).length,
    unlinkedDeclarations: unlinked.length,
    smelters: smelters.length,
    smeltersIdentified: identified.length,
    conformant: conformant.length,
    conformantLapsed: identified.filter((s) => s.rmiStatus === "conformant" && s.auditCurrent === "no").length,
    conformantShare: ratio(conformant.length, identified.length),
    sanctionsHits: smelters.filter((s) => s.sanctionsHit).length,
    referenceSanctionsHits: referenceHits.filter((r) => !scoredCids.has(`${r.metal}|${r.cid}`)).length,
    highRiskSmelters: smelters.filter((s) => HIGH.has(s.band)).length,
    products: Number(products[0]?.n ?? 0),
    highRiskProducts: Number(products[0]?.high ?? 0),
    actionsOpen: inScope.filter((s) => s.nextAction !== null).length,
    actionsOverdue: inScope.filter((s) => s.overdue).length,
    conformantByMetal: metals.map((metal) => {
      const of = identified.filter((s) => s.metal === metal);
      const c = of.filter((s) => s.auditCurrent === "yes").length;
      return { metal, identified: of.length, conformant: c, share: ratio(c, of.length) };
    }),
    byFamily: { CMRT: familyFigures(smelters.filter(isCmrt)), EMRT: familyFigures(smelters.filter((s) => !isCmrt(s))) },
  };
}

/** The figures of the current run (null before any scoring run): what each page states next to its rows. */
export async function currentFigures(w: Warehouse): Promise<Figures | null> {
  const { current } = await currentAndPrevious(w);
  return current ? figuresForRun(w, current) : null;
}
