import { addDays, daysBetween } from "./_dates.ts";
import { campaignStart, type CampaignWindow } from "./campaign.ts";
import type { DeclarationRef, OutreachEvent, Supplier } from "./inputs.ts";
import type { OutreachConfig } from "./outreach-config.ts";
import type { ScopeDecision } from "./scope.ts";

export const EngagementStatus = [
  "not-contacted",
  "requested",
  "responded",
  "responded-without-data",
  "no-response",
  "second-request",
  "escalated",
  "delinquent",
] as const;
export type EngagementStatus = (typeof EngagementStatus)[number];

export const NextAction = [
  "send-request",
  "fix-contact",
  "send-reminder",
  "escalate",
  "escalate-to-another-contact",
  "follow-up",
  "request-clarification",
  "review-declaration",
  "corrective-action",
  "request-update",
] as const;
export type NextAction = (typeof NextAction)[number];

export interface SupplierEngagement {
  supplierId: string;
  supplierName: string;
  commodity: string | null;
  inScope: boolean;
  reason: string;
  scopeRule: ScopeDecision["rule"];
  scopeCategory: string | null;
  templates: string[];
  status: EngagementStatus;
  /** The latest outreach event (or "declaration-received" when a declaration is the latest news). */
  lastEvent: string | null;
  lastEventDate: string | null;
  /** Null only out of scope; a usable answer's next action is its yearly update (request-update). */
  nextAction: NextAction | null;
  dueDate: string | null;
  overdue: boolean;
  /** Delivered requests (requested, reminder, escalated; bounced ones do not count). */
  requests: number;
  contacts: number;
  firstRequestDate: string | null;
  responseDate: string | null;
  daysToRespond: number | null;
  /** The declaration that answers this campaign (the usable one when there is one). */
  declaration: DeclarationRef | null;
  usable: boolean;
  errorCount: number;
  warningCount: number;
}

export interface EngagementInput {
  supplier: Supplier;
  scope: ScopeDecision;
  /** This supplier's events in this campaign up to asOf (see campaignEvents). */
  events: readonly OutreachEvent[];
  /** Declarations linked to this supplier. */
  declarations: readonly DeclarationRef[];
  window: CampaignWindow;
  config: OutreachConfig;
  asOf: string;
}

const REQUESTS = new Set(["requested", "reminder", "escalated"]);
const contactKey = (c: string | null) => (c ?? "").trim().toLowerCase();
const errors = (d: DeclarationRef) => d.findings.filter((f) => f.severity === "error").length;
const declarationDate = (d: DeclarationRef) => d.effectiveDate ?? d.receivedDate;

/**
 * The engagement state of one supplier in one campaign, evaluated on `asOf`. Events are replayed in date order
 * (input order within a day): requests accumulate, a bounce withdraws the request it answers, responses are noted.
 * Then, in order: a usable declaration → responded (next: its yearly update); any declaration or response → responded (clarify or review);
 * a no-data reply after the last request → responded-without-data; no delivered request → not-contacted;
 * ≥ delinquent.requests requests to ≥ delinquent.contacts contacts, the last one unanswered past its interval → delinquent;
 * otherwise the request stage (requested / second-request / escalated), or no-response once its interval has passed.
 */
export function engagementStatus(input: EngagementInput): SupplierEngagement {
  const { supplier, scope, window, config, asOf } = input;
  const { intervals } = config;
  const events = [...input.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const delivered: OutreachEvent[] = [];
  let pendingBounce: OutreachEvent | null = null;
  let noData: OutreachEvent | null = null;
  let received: OutreachEvent | null = null;
  for (const e of events) {
    if (REQUESTS.has(e.event)) {
      delivered.push(e);
      pendingBounce = null;
    } else if (e.event === "bounced") {
      const key = contactKey(e.contact);
      let index = -1;
      for (let i = delivered.length - 1; i >= 0 && index < 0; i--)
        if (key === "" || contactKey(delivered[i]!.contact) === key) index = i;
      if (index >= 0) delivered.splice(index, 1);
      pendingBounce = e;
    } else if (e.event === "responded-no-data") noData = e;
    else if (e.event === "response-received") received ??= e;
  }

  const current = input.declarations.filter((d) => d.isCurrent);
  const inCampaign = current.filter(
    (d) => received !== null || window.start === null || (declarationDate(d) ?? window.start) >= window.start,
  );
  const usableDecl = inCampaign.find((d) => errors(d) === 0) ?? null;
  const declaration = usableDecl ?? inCampaign[0] ?? null;

  const lastLogged = events.at(-1) ?? null;
  let lastEvent: string | null = lastLogged?.event ?? null;
  let lastEventDate: string | null = lastLogged?.date ?? null;
  const declDate = declaration ? declarationDate(declaration) : null;
  if (
    declaration &&
    received === null &&
    declDate !== null &&
    declDate <= asOf &&
    (lastEventDate === null || declDate > lastEventDate)
  ) {
    lastEvent = "declaration-received";
    lastEventDate = declDate;
  }

  let responseDate: string | null = received?.date ?? (declaration ? declDate : null);
  if (responseDate !== null && responseDate > asOf) responseDate = asOf;
  const firstRequest = delivered[0] ?? null;
  const lastRequest = delivered.at(-1) ?? null;
  const daysToRespond =
    responseDate !== null && firstRequest !== null && firstRequest.date <= responseDate
      ? daysBetween(firstRequest.date, responseDate)
      : null;
  const contacts = new Set(delivered.map((e) => contactKey(e.contact))).size;
  const escalated = delivered.some((e) => e.event === "escalated");

  let status: EngagementStatus;
  let nextAction: NextAction | null;
  let dueDate: string | null;
  if (usableDecl) {
    // A declaration is a snapshot: RMI templates are refreshed yearly, so the next step is the update request.
    [status, nextAction, dueDate] = [
      "responded",
      "request-update",
      addDays(declDate ?? responseDate ?? asOf, intervals.refresh),
    ];
  } else if (declaration || received) {
    status = "responded";
    const since = responseDate ?? asOf;
    if (!declaration) [nextAction, dueDate] = ["review-declaration", since];
    else if (lastRequest && lastRequest.date > since)
      [nextAction, dueDate] = ["send-reminder", addDays(lastRequest.date, intervals.reminder)];
    else [nextAction, dueDate] = ["request-clarification", addDays(since, intervals.clarification)];
  } else if (noData && (!lastRequest || noData.date >= lastRequest.date)) {
    [status, nextAction, dueDate] = [
      "responded-without-data",
      "follow-up",
      addDays(noData.date, intervals.noDataFollowUp),
    ];
  } else if (!lastRequest) {
    status = "not-contacted";
    [nextAction, dueDate] = pendingBounce
      ? ["fix-contact", pendingBounce.date]
      : ["send-request", campaignStart(window, asOf)];
  } else {
    const wait = escalated ? intervals.escalation : delivered.length === 1 ? intervals.request : intervals.reminder;
    dueDate = addDays(lastRequest.date, wait);
    const overdue = asOf > dueDate;
    const { requests: needRequests, contacts: needContacts } = config.delinquent;
    if (overdue && delivered.length >= needRequests && contacts >= needContacts) {
      [status, nextAction] = ["delinquent", "corrective-action"];
    } else {
      const stage: EngagementStatus = escalated ? "escalated" : delivered.length === 1 ? "requested" : "second-request";
      status = overdue ? "no-response" : stage;
      nextAction =
        delivered.length === 1
          ? "send-reminder"
          : escalated && contacts < needContacts
            ? "escalate-to-another-contact"
            : "escalate";
    }
    if (pendingBounce) [nextAction, dueDate] = ["fix-contact", pendingBounce.date];
  }
  if (!scope.inScope) [nextAction, dueDate] = [null, null];

  return {
    supplierId: supplier.supplierId,
    supplierName: supplier.name,
    commodity: supplier.commodity,
    inScope: scope.inScope,
    reason: scope.reason,
    scopeRule: scope.rule,
    scopeCategory: scope.category,
    templates: scope.templates,
    status,
    lastEvent,
    lastEventDate,
    nextAction,
    dueDate,
    overdue: dueDate !== null && asOf > dueDate,
    requests: delivered.length,
    contacts,
    firstRequestDate: firstRequest?.date ?? null,
    responseDate,
    daysToRespond,
    declaration,
    usable: usableDecl !== null,
    errorCount: declaration ? errors(declaration) : 0,
    warningCount: declaration ? declaration.findings.filter((f) => f.severity === "warning").length : 0,
  };
}
