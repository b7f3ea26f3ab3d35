import type { Database } from "../../db/database.ts";
import { redacted } from "../page-data.ts";
import { currentAndPrevious, openWarehouse, parseReasons, reasonText, topReasons, type Warehouse } from "./_warehouse.ts";
import { columnar } from "./columnar.ts";
import { engagementRows } from "./engagement.ts";

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
  if (!current) return { funnel: [], suppliers: [], statuses: [] };
  const engagement = await engagementRows(w, current.runId);
  const findings = await findingCounts(w);
  const master = new Map(
    (await w.rows<Record<string, unknown>>("SELECT supplier_id, country, commodity, contact_name, contact_email FROM suppliers")).map((r) => [String(r.supplier_id), r]),
  );
  const scores = await w.rows<Record<string, unknown>>(
    `SELECT supplier_id, name, declaration_id, responded, score, band, smelter_count, CAST(reasons AS VARCHAR) AS reasons
     FROM supplier_scores WHERE run_id = ? ORDER BY name, supplier_id`,
    [current.runId],
  );
  const suppliers = scores.map((s) => {
    const id = String(s.supplier_id);
    const m = master.get(id);
    const e = engagement.get(id);
    const f = s.declaration_id ? findings.get(String(s.declaration_id)) : undefined;
    return {
      id,
      name: String(s.name),
      country: m?.country ? String(m.country) : null,
      commodity: m?.commodity ? String(m.commodity) : null,
      status: e?.status ?? (s.responded ? "responded" : "not-contacted"),
      nextAction: e?.nextAction ?? null,
      dueDate: e?.dueDate ?? null,
      overdue: e?.overdue ?? false,
      responded: s.responded === true,
      band: String(s.band),
      score: s.score === null ? null : Number(s.score),
      smelters: Number(s.smelter_count),
      errors: f?.errors ?? 0,
      warnings: f?.warnings ?? 0,
      reasons: topReasons(parseReasons(s.reasons), 1).map(reasonText).join("; ").slice(0, 160),
      ...(redact ? {} : { contactName: m?.contact_name ? String(m.contact_name) : null, contactEmail: m?.contact_email ? String(m.contact_email) : null }),
    };
  });
  const inScope = suppliers.filter((s) => engagement.get(s.id)?.inScope ?? true);
  const funnel = [
    { stage: "In scope", n: inScope.length },
    { stage: "Contacted", n: inScope.filter((s) => engagement.get(s.id)?.contacted ?? s.responded).length },
    { stage: "Responded", n: inScope.filter((s) => engagement.get(s.id)?.responded ?? s.responded).length },
    { stage: "Valid declaration", n: inScope.filter((s) => engagement.get(s.id)?.usable ?? (s.responded && s.band !== "Data gap" && s.band !== "Excluded")).length },
  ];
  const counts = new Map<string, number>();
  for (const s of suppliers) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const statuses = [...counts].map(([status, n]) => ({ status, n })).sort((a, b) => b.n - a.n || a.status.localeCompare(b.status));
  return { funnel, suppliers, statuses };
}
export type SuppliersData = Awaited<ReturnType<typeof suppliersData>>;

/** What the suppliers page loads: the funnel, status counts and the supplier rows by column (see columnar.ts). */
export async function suppliersPageData(db: Database) {
  const data = await suppliersData(db);
  return { funnel: data.funnel, statuses: data.statuses, suppliers: columnar(data.suppliers, { round: { score: 1 } }) };
}
