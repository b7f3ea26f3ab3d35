import type { Database } from "../../db/database.ts";
import { redacted } from "../page-data.ts";
import {
  currentAndPrevious,
  openWarehouse,
  parseReasons,
  reasonText,
  topReasons,
  type Warehouse,
} from "./_warehouse.ts";
import { columnar } from "./columnar.ts";
import { currentFigures, supplierFigureRows } from "./figures.ts";

export interface FindingCount {
  declarationId: string;
  errors: number;
  warnings: number;
  info: number;
}

export async function findingCounts(w: Warehouse): Promise<Map<string, FindingCount>> {
  const rows = await w.rows<FindingCount>(
    `SELECT declaration_id AS "declarationId", count(*) FILTER (WHERE lower(severity) = 'error') AS errors,
       count(*) FILTER (WHERE lower(severity) = 'warning') AS warnings, count(*) FILTER (WHERE lower(severity) = 'info') AS info
     FROM findings GROUP BY 1`,
  );
  return new Map(rows.map((r) => [String(r.declarationId), r]));
}

/**
 * Suppliers page: the engagement funnel and one row per supplier. Contact names and e-mails are analyst
 * data: they are included only when `redact` is false (the default follows ASSAY_REDACT).
 */
export async function suppliersData(db: Database, options: { redact?: boolean } = {}) {
  const redact = options.redact ?? redacted();
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  if (!current) return { funnel: [], suppliers: [], statuses: [], unlinked: [] };
  // Who counts as a supplier, in scope and responding is defined once (figures.ts): declarations no supplier-master
  // entry matches are listed apart as unlinked, never as suppliers.
  const { suppliers: rows, unlinked } = await supplierFigureRows(w, current);
  const findings = await findingCounts(w);
  const master = new Map(
    (
      await w.rows<Record<string, unknown>>(
        "SELECT supplier_id, country, commodity, contact_name, contact_email FROM suppliers",
      )
    ).map((r) => [String(r.supplier_id), r]),
  );
  const scores = new Map(
    (
      await w.rows<Record<string, unknown>>(
        `SELECT supplier_id, declaration_id, score, smelter_count, CAST(reasons AS VARCHAR) AS reasons FROM supplier_scores WHERE run_id = ?`,
        [current.runId],
      )
    ).map((r) => [String(r.supplier_id), r]),
  );
  const suppliers = rows.map((r) => {
    const m = master.get(r.id);
    const s = scores.get(r.id);
    const f = s?.declaration_id ? findings.get(String(s.declaration_id)) : undefined;
    return {
      id: r.id,
      name: r.name,
      inScope: r.inScope,
      country: m?.country ? String(m.country) : null,
      commodity: m?.commodity ? String(m.commodity) : null,
      status: r.status,
      nextAction: r.nextAction,
      dueDate: r.dueDate,
      overdue: r.overdue,
      responded: r.responded,
      usable: r.usable,
      band: r.band,
      score: s?.score === null || s?.score === undefined ? null : Number(s.score),
      smelters: Number(s?.smelter_count ?? 0),
      errors: f?.errors ?? 0,
      warnings: f?.warnings ?? 0,
      // In full: the page wraps it and the CSV carries every character.
      reasons: topReasons(parseReasons(s?.reasons), 1).map(reasonText).join("; "),
      ...(redact
        ? {}
        : {
            contactName: m?.contact_name ? String(m.contact_name) : null,
            contactEmail: m?.contact_email ? String(m.contact_email) : null,
          }),
    };
  });
  const inScope = rows.filter((s) => s.inScope);
  const funnel = [
    { stage: "In scope", n: inScope.length },
    { stage: "Contacted", n: inScope.filter((s) => s.contacted).length },
    { stage: "Responded", n: inScope.filter((s) => s.responded).length },
    { stage: "Valid declaration", n: inScope.filter((s) => s.usable).length },
  ];
  const counts = new Map<string, number>();
  for (const s of suppliers) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const statuses = [...counts]
    .map(([status, n]) => ({ status, n }))
    .sort((a, b) => b.n - a.n || a.status.localeCompare(b.status));
  return { funnel, suppliers, statuses, unlinked };
}
export type SuppliersData = Awaited<ReturnType<typeof suppliersData>>;

/** What the suppliers page loads: the funnel, status counts and the supplier rows by column (see columnar.ts). */
export async function suppliersPageData(db: Database) {
  const data = await suppliersData(db);
  const f = await currentFigures(await openWarehouse(db));
  const figures = f && {
    suppliersInScope: f.suppliersInScope,
    responded: f.responded,
    validDeclarations: f.validDeclarations,
    highRiskSuppliers: f.highRiskSuppliers,
    actionsOpen: f.actionsOpen,
    actionsOverdue: f.actionsOverdue,
    unlinkedDeclarations: f.unlinkedDeclarations,
  };
  return {
    figures,
    funnel: data.funnel,
    statuses: data.statuses,
    unlinked: data.unlinked,
    suppliers: columnar(data.suppliers, { round: { score: 1 } }),
  };
}
