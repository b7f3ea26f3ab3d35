import type { Database } from "../db/database.ts";
import { computeEngagement, type EngagementResult } from "./compute-engagement.ts";
import { gatherEngagementInputs } from "./gather.ts";
import { parseOutreachConfig, type OutreachConfig } from "./outreach-config.ts";
import { parseScopeConfig, type ScopeConfig } from "./scope-config.ts";

export interface RunEngagementOptions {
  /** YYYY-MM-DD; statuses and due dates are evaluated against it. */
  asOf: string;
  /** Reporting period = campaign label, e.g. "2025". */
  period: string;
  /** The `scope` key of assay.config.json (validated here; defaults when absent). */
  scopeConfig?: unknown;
  /** The `outreach` key of assay.config.json (validated here; defaults when absent). */
  outreachConfig?: unknown;
  /** Write the results into the engagement tables (default true). */
  store?: boolean;
}

export interface RunEngagementResult extends EngagementResult {
  /** The engagement_runs row written, or null when not stored. */
  runId: number | null;
}

/**
 * Reads suppliers, the outreach log, declarations and BOM lines from the warehouse, computes scope, status and
 * metrics for the campaign of `period`, and stores them in supplier_engagement, engagement_metrics,
 * engagement_timeline and declaration_links under a new engagement_runs row.
 */
export async function runEngagement(db: Database, options: RunEngagementOptions): Promise<RunEngagementResult> {
  const scope = parseScopeConfig(options.scopeConfig);
  const outreach = parseOutreachConfig(options.outreachConfig);
  const inputs = await gatherEngagementInputs(db, { asOf: options.asOf });
  const result = computeEngagement(inputs, { asOf: options.asOf, period: options.period, scope, outreach });
  const runId =
    options.store === false ? null : await storeEngagement(db, result, { scope, outreach }, inputs.declarations.length);
  return { ...result, runId };
}

async function storeEngagement(
  db: Database,
  r: EngagementResult,
  config: { scope: ScopeConfig; outreach: OutreachConfig },
  declarations: number,
): Promise<number> {
  return db.transaction(async () => {
    const runId = Number(
      await db.scalar(
        `INSERT INTO engagement_runs (period, as_of, campaign_start, campaign_end, config, suppliers, in_scope, declarations, unlinked)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING run_id`,
        [
          r.period,
          r.asOf,
          r.window.start,
          r.window.end,
          JSON.stringify(config),
          r.engagements.length,
          r.engagements.filter((e) => e.inScope).length,
          declarations,
          r.links.unlinked.length,
        ],
      ),
    );
    await db.insertRows(
      "supplier_engagement",
      [
        "run_id",
        "supplier_id",
        "supplier_name",
        "commodity",
        "in_scope",
        "scope_rule",
        "scope_category",
        "reason",
        "templates",
        "status",
        "last_event",
        "last_event_date",
        "next_action",
        "due_date",
        "overdue",
        "requests",
        "contacts",
        "first_request_date",
        "response_date",
        "days_to_respond",
        "declaration_id",
        "usable",
        "error_count",
        "warning_count",
      ],
      r.engagements.map((e) => [
        runId,
        e.supplierId,
        e.supplierName,
        e.commodity,
        e.inScope,
        e.scopeRule,
        e.scopeCategory,
        e.reason,
        JSON.stringify(e.templates),
        e.status,
        e.lastEvent,
        e.lastEventDate,
        e.nextAction,
        e.dueDate,
        e.overdue,
        e.requests,
        e.contacts,
        e.firstRequestDate,
        e.responseDate,
        e.daysToRespond,
        e.declaration?.declarationId ?? null,
        e.usable,
        e.errorCount,
        e.warningCount,
      ]),
    );
    await db.insertRows(
      "engagement_metrics",
      [
        "run_id",
        "dimension",
        "group_key",
        "group_label",
        "in_scope",
        "contacted",
        "responded",
        "responded_without_data",
        "usable",
        "delinquent",
        "response_rate",
        "valid_share",
        "coverage",
        "median_days_to_respond",
        "p90_days_to_respond",
      ],
      r.metrics.map((m) => [
        runId,
        m.dimension,
        m.groupKey,
        m.groupLabel,
        m.inScope,
        m.contacted,
        m.responded,
        m.respondedWithoutData,
        m.usable,
        m.delinquent,
        m.responseRate,
        m.validShare,
        m.coverage,
        m.medianDaysToRespond,
        m.p90DaysToRespond,
      ]),
    );
    await db.insertRows(
      "engagement_timeline",
      [
        "run_id",
        "granularity",
        "bucket_start",
        "bucket_end",
        "in_scope",
        "contacted",
        "responded",
        "usable",
        "response_rate",
      ],
      r.timeline.map((t) => [
        runId,
        t.granularity,
        t.bucketStart,
        t.bucketEnd,
        t.inScope,
        t.contacted,
        t.responded,
        t.usable,
        t.responseRate,
      ]),
    );
    const d = (x: {
      declaration: { declarationId: string; companyName: string | null; uniqueId: string | null; file: string | null };
    }) => x.declaration;
    await db.insertRows(
      "declaration_links",
      ["run_id", "declaration_id", "supplier_id", "method", "company_name", "unique_id", "file", "reason"],
      [
        ...r.links.links.map((l) => [
          runId,
          d(l).declarationId,
          l.supplierId,
          l.method,
          d(l).companyName,
          d(l).uniqueId,
          d(l).file,
          null,
        ]),
        ...r.links.unlinked.map((u) => [
          runId,
          d(u).declarationId,
          null,
          null,
          d(u).companyName,
          d(u).uniqueId,
          d(u).file,
          u.reason,
        ]),
      ],
    );
    return runId;
  });
}
