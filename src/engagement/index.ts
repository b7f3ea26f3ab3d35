export { ScopeConfig, ScopeCategory, DEFAULT_CATEGORIES, parseScopeConfig } from "./scope-config.ts";
export { scopeSupplier, scopeSuppliers, type ScopeDecision, type ScopeRule } from "./scope.ts";
export { OutreachConfig, parseOutreachConfig, DEFAULT_GUIDANCE, DEFAULT_TEMPLATE_VERSIONS } from "./outreach-config.ts";
export { Supplier, OutreachEvent, DeclarationRef, DeclarationFinding, BomLine } from "./inputs.ts";
export { campaignWindow, campaignEvents, type CampaignWindow } from "./campaign.ts";
export {
  linkDeclarations,
  companyKey,
  compactId,
  type LinkResult,
  type DeclarationLink,
  type UnlinkedDeclaration,
} from "./link-declarations.ts";
export { engagementStatus, EngagementStatus, NextAction, type SupplierEngagement } from "./engagement-status.ts";
export { engagementMetrics, responseTimeline, quantile, type EngagementMetric, type TimelinePoint } from "./metrics.ts";
export { computeEngagement, type EngagementResult, type EngagementSettings } from "./compute-engagement.ts";
export { gatherEngagementInputs, type EngagementInputs } from "./gather.ts";
export { runEngagement, type RunEngagementOptions, type RunEngagementResult } from "./run-engagement.ts";
export { writeOutreach, type DraftSelection, type OutreachSummary } from "./write-outreach.ts";
