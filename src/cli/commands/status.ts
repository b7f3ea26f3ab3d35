import { formatTable } from "../format-table.ts";
import { booleanOption, type Command } from "../command.ts";
import { engagementSettings, openWarehouse } from "../command-settings.ts";
import { runEngagement } from "../../engagement/run-engagement.ts";
import type { SupplierEngagement } from "../../engagement/engagement-status.ts";

/** The `assay status --json` contract: one object per supplier, these fields only. */
export interface StatusRow {
  supplierId: string;
  supplierName: string;
  inScope: boolean;
  reason: string;
  status: string;
  lastEvent: string | null;
  lastEventDate: string | null;
  nextAction: string | null;
  dueDate: string | null;
}

export function statusRow(e: SupplierEngagement): StatusRow {
  return {
    supplierId: e.supplierId,
    supplierName: e.supplierName,
    inScope: e.inScope,
    reason: e.reason,
    status: e.status,
    lastEvent: e.lastEvent,
    lastEventDate: e.lastEventDate,
    nextAction: e.nextAction,
    dueDate: e.dueDate,
  };
}

export const statusCommand: Command = {
  name: "status",
  summary: "show every supplier's scope and engagement status, and who to chase next",
  usage: "assay status [--json] [--as-of YYYY-MM-DD] [--period P] [--in-scope] [--db <file>]",
  description: `Reads the supplier master, the outreach log and the ingested declarations and prints, per supplier:
whether it is in scope and why, its status in the campaign of the reporting period (not-contacted, requested,
responded, responded-without-data, no-response, second-request, escalated, delinquent), the last event, the next
action and its due date. Scope rules and reminder intervals come from the "scope" and "outreach" keys of the
configuration (docs/engagement.md). Nothing is written; \`assay build\` stores the same results for the site.`,
  options: {
    json: {
      type: "boolean",
      description:
        "print an array of {supplierId, supplierName, inScope, reason, status, lastEvent, lastEventDate, nextAction, dueDate}",
    },
    "as-of": {
      type: "string",
      value: "<YYYY-MM-DD>",
      description:
        "date statuses and due dates are evaluated on (default: config asOf, else the end of a past period, else today)",
    },
    period: {
      type: "string",
      value: "<P>",
      description: "reporting period = campaign (default: config period, else the as-of year)",
    },
    "in-scope": { type: "boolean", description: "list in-scope suppliers only" },
  },
  async run(ctx) {
    const settings = engagementSettings(ctx, "status");
    const db = await openWarehouse(ctx, "status");
    try {
      const result = await runEngagement(db, {
        asOf: settings.asOf,
        period: settings.period,
        scopeConfig: settings.scope,
        outreachConfig: settings.outreach,
        store: false,
      });
      const list = booleanOption(ctx, "in-scope") ? result.engagements.filter((e) => e.inScope) : result.engagements;
      const rows = list.map(statusRow);
      if (booleanOption(ctx, "json")) {
        ctx.io.out(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        ctx.io.out(
          formatTable(
            rows.map((r) => ({
              supplier: `${r.supplierName} (${r.supplierId})`,
              "in scope": r.inScope ? "yes" : "no",
              reason: r.reason,
              status: r.status,
              "last event": r.lastEvent ? `${r.lastEvent} ${r.lastEventDate ?? ""}`.trim() : "",
              "next action": r.nextAction ?? "",
              "due date": r.dueDate ? `${r.dueDate}${r.dueDate < settings.asOf ? " (overdue)" : ""}` : "",
            })),
            ["supplier", "in scope", "reason", "status", "last event", "next action", "due date"],
          ),
        );
        const inScope = result.engagements.filter((e) => e.inScope);
        const responded = inScope.filter((e) => e.status === "responded").length;
        ctx.io.out(
          `\ncampaign ${settings.period} · as of ${settings.asOf} · ${inScope.length} of ${result.engagements.length} suppliers in scope · ${responded} responded · ${inScope.filter((e) => e.overdue).length} actions overdue\n`,
        );
      }
      for (const u of result.links.unlinked)
        ctx.io.err(
          `warning: declaration ${u.declaration.file ?? u.declaration.declarationId} is not linked to a supplier: ${u.reason}\n`,
        );
      for (const w of result.warnings) ctx.io.err(`warning: ${w}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
