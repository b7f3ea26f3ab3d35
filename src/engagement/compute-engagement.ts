import { campaignEvents, campaignWindow, type CampaignWindow } from "./campaign.ts";
import { engagementStatus, type SupplierEngagement } from "./engagement-status.ts";
import type { EngagementInputs } from "./gather.ts";
import type { OutreachEvent } from "./inputs.ts";
import { applyLinkDecisions, linkDeclarations, type LinkResult } from "./link-declarations.ts";
import { engagementMetrics, responseTimeline, type EngagementMetric, type TimelinePoint } from "./metrics.ts";
import type { OutreachConfig } from "./outreach-config.ts";
import type { ScopeConfig } from "./scope-config.ts";
import { scopeSupplier } from "./scope.ts";
import { groupBy } from "../group-by.ts";

export interface EngagementSettings {
  asOf: string;
  period: string;
  scope: ScopeConfig;
  outreach: OutreachConfig;
}

export interface EngagementResult {
  period: string;
  asOf: string;
  window: CampaignWindow;
  engagements: SupplierEngagement[];
  metrics: EngagementMetric[];
  timeline: TimelinePoint[];
  links: LinkResult;
  warnings: string[];
}

/** Scope, declaration links, per-supplier status, metrics and timelines for one campaign: pure, `asOf` explicit. */
export function computeEngagement(inputs: EngagementInputs, settings: EngagementSettings): EngagementResult {
  const { asOf, period } = settings;
  const window = campaignWindow(period, settings.outreach);
  const warnings = [...inputs.warnings];
  const known = new Set(inputs.suppliers.map((s) => s.supplierId));
  const unknownIds = [...new Set(inputs.events.map((e) => e.supplierId).filter((id) => !known.has(id)))];
  if (unknownIds.length > 0)
    warnings.push(
      `outreach log names suppliers missing from the supplier master: ${unknownIds.slice(0, 10).join(", ")}${unknownIds.length > 10 ? ", …" : ""}`,
    );

  const events = groupBy<OutreachEvent>(campaignEvents(inputs.events, window, asOf), (e) => e.supplierId);
  const links = applyLinkDecisions(
    linkDeclarations(inputs.suppliers, inputs.declarations),
    inputs.linkDecisions ?? [],
    inputs.suppliers,
  );
  const declarations = groupBy(links.links, (l) => l.supplierId);
  const engagements = inputs.suppliers.map((supplier) =>
    engagementStatus({
      supplier,
      scope: scopeSupplier(supplier, settings.scope),
      events: events.get(supplier.supplierId) ?? [],
      declarations: (declarations.get(supplier.supplierId) ?? []).map((l) => l.declaration),
      window,
      config: settings.outreach,
      asOf,
    }),
  );
  return {
    period,
    asOf,
    window,
    engagements,
    metrics: engagementMetrics(engagements, inputs.bomLines),
    timeline: [
      ...responseTimeline(engagements, window, asOf, "week"),
      ...responseTimeline(engagements, window, asOf, "month"),
    ],
    links,
    warnings,
  };
}
