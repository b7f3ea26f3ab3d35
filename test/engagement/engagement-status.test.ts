import { describe, expect, it } from "vitest";
import { campaignEvents, campaignWindow } from "../../src/engagement/campaign.ts";
import { engagementStatus } from "../../src/engagement/engagement-status.ts";
import {
  DeclarationRef,
  OutreachEvent,
  Supplier,
  type DeclarationRefInput,
  type OutreachEventInput,
} from "../../src/engagement/inputs.ts";
import { OutreachConfig } from "../../src/engagement/outreach-config.ts";
import { ScopeConfig, scopeSupplier } from "../../src/engagement/scope.ts";

const config = OutreachConfig.parse({});
const window = campaignWindow("2026", config);
const supplier = Supplier.parse({
  supplierId: "S-100",
  name: "Kunshan Precision Connectors Co., Ltd.",
  commodity: "Connectors",
  contactEmail: "li.wei@example.cn",
});
const scope = scopeSupplier(supplier, ScopeConfig.parse({}));

type Ev = [date: string, event: OutreachEventInput["event"], contact?: string];
const events = (list: Ev[]) =>
  list.map(([date, event, contact]) =>
    OutreachEvent.parse({ supplierId: "S-100", date, event, contact: contact ?? "li.wei@example.cn" }),
  );
const declaration = (extra: Partial<DeclarationRefInput> = {}) =>
  DeclarationRef.parse({
    declarationId: "D-1",
    companyName: supplier.name,
    template: "CMRT",
    version: "6.5",
    effectiveDate: "2026-02-10",
    ...extra,
  });
const errorFinding = {
  severity: "error" as const,
  code: "missing-required",
  sheet: "Declaration",
  cell: "D8",
  message: "company name is empty",
};

function status(list: Ev[], asOf: string, declarations: DeclarationRef[] = []) {
  return engagementStatus({
    supplier,
    scope,
    events: campaignEvents(events(list), window, asOf),
    declarations,
    window,
    config,
    asOf,
  });
}

describe("engagementStatus transitions", () => {
  it.each<[string, Ev[], string, string, string | null, string | null]>([
    ["nothing logged", [], "2026-03-01", "not-contacted", "send-request", "2026-01-01"],
    [
      "first request, within 30 days",
      [["2026-02-01", "requested"]],
      "2026-03-03",
      "requested",
      "send-reminder",
      "2026-03-03",
    ],
    [
      "first request, 31 days",
      [["2026-02-01", "requested"]],
      "2026-03-04",
      "no-response",
      "send-reminder",
      "2026-03-03",
    ],
    [
      "reminder sent",
      [
        ["2026-02-01", "requested"],
        ["2026-03-05", "reminder"],
      ],
      "2026-03-10",
      "second-request",
      "escalate",
      "2026-03-19",
    ],
    [
      "reminder unanswered",
      [
        ["2026-02-01", "requested"],
        ["2026-03-05", "reminder"],
      ],
      "2026-03-20",
      "no-response",
      "escalate",
      "2026-03-19",
    ],
    [
      "escalated to a manager",
      [
        ["2026-02-01", "requested"],
        ["2026-03-05", "reminder"],
        ["2026-03-20", "escalated", "ceo@example.cn"],
      ],
      "2026-04-01",
      "escalated",
      "escalate",
      "2026-04-03",
    ],
    [
      "three requests, two contacts, unanswered",
      [
        ["2026-02-01", "requested"],
        ["2026-03-05", "reminder"],
        ["2026-03-20", "escalated", "ceo@example.cn"],
      ],
      "2026-04-04",
      "delinquent",
      "corrective-action",
      "2026-04-03",
    ],
    [
      "three requests to one contact: not delinquent yet",
      [
        ["2026-02-01", "requested"],
        ["2026-03-05", "reminder"],
        ["2026-03-20", "escalated"],
      ],
      "2026-04-30",
      "no-response",
      "escalate-to-another-contact",
      "2026-04-03",
    ],
    [
      "no-data reply",
      [
        ["2026-02-01", "requested"],
        ["2026-02-10", "responded-no-data"],
      ],
      "2026-02-15",
      "responded-without-data",
      "follow-up",
      "2026-02-24",
    ],
    [
      "no-data reply followed by a reminder",
      [
        ["2026-02-01", "requested"],
        ["2026-02-10", "responded-no-data"],
        ["2026-02-25", "reminder"],
      ],
      "2026-03-01",
      "second-request",
      "escalate",
      "2026-03-11",
    ],
    [
      "the only request bounced",
      [
        ["2026-02-01", "requested"],
        ["2026-02-01", "bounced"],
      ],
      "2026-02-05",
      "not-contacted",
      "fix-contact",
      "2026-02-01",
    ],
    [
      "bounce on the second contact keeps the first request",
      [
        ["2026-02-01", "requested"],
        ["2026-03-05", "reminder", "sales@example.cn"],
        ["2026-03-06", "bounced", "SALES@example.cn"],
      ],
      "2026-03-07",
      "no-response",
      "fix-contact",
      "2026-03-06",
    ],
    [
      "resent after a bounce",
      [
        ["2026-02-01", "requested", "old@example.cn"],
        ["2026-02-02", "bounced", "old@example.cn"],
        ["2026-02-03", "requested"],
      ],
      "2026-02-04",
      "requested",
      "send-reminder",
      "2026-03-05",
    ],
    [
      "response logged, declaration not ingested yet",
      [
        ["2026-02-01", "requested"],
        ["2026-02-20", "response-received"],
      ],
      "2026-02-21",
      "responded",
      "review-declaration",
      "2026-02-20",
    ],
  ])("%s", (_, list, asOf, expected, next, due) => {
    const s = status(list, asOf);
    expect(s.status, `status on ${asOf}`).toBe(expected);
    expect(s.nextAction, "next action").toBe(next);
    expect(s.dueDate, "due date").toBe(due);
    expect(s.overdue).toBe(due !== null && asOf > due);
  });

  it("bounced requests do not count towards delinquency", () => {
    const s = status(
      [
        ["2026-01-05", "requested"],
        ["2026-02-05", "reminder", "b@example.cn"],
        ["2026-02-05", "bounced", "b@example.cn"],
        ["2026-02-20", "escalated", "c@example.cn"],
      ],
      "2026-04-01",
    );
    expect(s.requests).toBe(2);
    expect(s.contacts).toBe(2);
    expect(s.status).toBe("no-response");
  });

  it("a usable declaration makes the supplier responded, next due for its yearly update, and measures time to respond", () => {
    const s = status([["2026-02-01", "requested"]], "2026-03-15", [
      declaration({ receivedDate: "2026-03-01", effectiveDate: "2026-02-27" }),
    ]);
    expect(s).toMatchObject({
      status: "responded",
      nextAction: "request-update",
      dueDate: "2027-02-27",
      overdue: false,
      usable: true,
      responseDate: "2026-02-27",
      daysToRespond: 26,
    });
    expect(s.lastEvent).toBe("declaration-received");
    expect(s.lastEventDate).toBe("2026-02-27");
  });

  it("a response-received event dates the response even when the declaration's effective date is older", () => {
    const s = status(
      [
        ["2026-02-01", "requested"],
        ["2026-02-11", "response-received"],
      ],
      "2026-03-15",
      [declaration({ effectiveDate: "2025-06-30" })],
    );
    expect(s).toMatchObject({
      status: "responded",
      usable: true,
      responseDate: "2026-02-11",
      daysToRespond: 10,
      lastEvent: "response-received",
    });
  });

  it("last year's declaration does not answer this campaign", () => {
    const s = status([["2026-02-01", "requested"]], "2026-02-10", [declaration({ effectiveDate: "2025-05-01" })]);
    expect(s.status).toBe("requested");
    expect(s.declaration).toBeNull();
  });

  it("a superseded declaration is ignored", () => {
    const s = status([], "2026-03-01", [declaration({ isCurrent: false })]);
    expect(s.status).toBe("not-contacted");
  });

  it("a declaration with error findings asks for a clarification, then a reminder once the clarification is sent", () => {
    const bad = [declaration({ findings: [errorFinding, { ...errorFinding, severity: "warning", code: "w" }] })];
    const first = status([["2026-02-01", "requested"]], "2026-02-12", bad);
    expect(first).toMatchObject({
      status: "responded",
      usable: false,
      nextAction: "request-clarification",
      dueDate: "2026-02-17",
      errorCount: 1,
      warningCount: 1,
    });
    const after = status(
      [
        ["2026-02-01", "requested"],
        ["2026-02-15", "reminder"],
      ],
      "2026-03-05",
      bad,
    );
    expect(after).toMatchObject({
      status: "responded",
      nextAction: "send-reminder",
      dueDate: "2026-03-01",
      overdue: true,
    });
  });

  it("a usable declaration wins over an erroneous one", () => {
    const s = status([], "2026-03-01", [
      declaration({ declarationId: "D-bad", findings: [errorFinding] }),
      declaration({ declarationId: "D-good", template: "EMRT" }),
    ]);
    expect(s.usable).toBe(true);
    expect(s.declaration?.declarationId).toBe("D-good");
  });

  it("ignores events after asOf and outside the campaign window", () => {
    const s = status(
      [
        ["2025-11-01", "requested"],
        ["2026-02-01", "requested"],
        ["2026-05-01", "reminder"],
      ],
      "2026-02-15",
    );
    expect(s).toMatchObject({
      status: "requested",
      requests: 1,
      firstRequestDate: "2026-02-01",
      lastEventDate: "2026-02-01",
    });
  });

  it("out-of-scope suppliers get a status but no next action", () => {
    const service = Supplier.parse({ supplierId: "S-200", name: "Baker & Partners LLP", commodity: "Legal services" });
    const s = engagementStatus({
      supplier: service,
      scope: scopeSupplier(service, ScopeConfig.parse({})),
      events: [],
      declarations: [],
      window,
      config,
      asOf: "2026-03-01",
    });
    expect(s).toMatchObject({ inScope: false, status: "not-contacted", nextAction: null, dueDate: null });
    expect(s.reason).toContain("service provider");
  });

  it("configurable intervals move the due dates", () => {
    const fast = OutreachConfig.parse({ intervals: { request: 10 } });
    const s = engagementStatus({
      supplier,
      scope,
      events: events([["2026-02-01", "requested"]]),
      declarations: [],
      window,
      config: fast,
      asOf: "2026-02-12",
    });
    expect(s).toMatchObject({ status: "no-response", dueDate: "2026-02-11" });
  });

  it("a configured delinquency rule of two requests to one contact", () => {
    const strict = OutreachConfig.parse({ delinquent: { requests: 2, contacts: 1 } });
    const s = engagementStatus({
      supplier,
      scope,
      events: events([
        ["2026-02-01", "requested"],
        ["2026-03-05", "reminder"],
      ]),
      declarations: [],
      window,
      config: strict,
      asOf: "2026-03-20",
    });
    expect(s.status).toBe("delinquent");
  });
});

describe("campaignWindow", () => {
  it.each([
    ["2025", "2025-01-01", "2025-12-31"],
    ["2024-Q1", "2024-01-01", "2024-03-31"],
    ["2024H2", "2024-07-01", "2024-12-31"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["RY-current", null, null],
  ])("%s → %s … %s", (period, start, end) => {
    expect(campaignWindow(period, config)).toMatchObject({ start, end });
  });

  it("takes a configured window", () => {
    const c = OutreachConfig.parse({
      campaigns: { "2025": { start: "2026-01-15", end: "2026-06-30", deadline: "2026-03-31" } },
    });
    expect(campaignWindow("2025", c)).toEqual({
      period: "2025",
      start: "2026-01-15",
      end: "2026-06-30",
      deadline: "2026-03-31",
    });
    const bad = OutreachConfig.parse({ campaigns: { "2025": { start: "2026-06-01", end: "2026-01-01" } } });
    expect(() => campaignWindow("2025", bad)).toThrow(
      "outreach.campaigns.2025: end 2026-01-01 is before start 2026-06-01",
    );
  });

  it("an explicit campaign label on an event wins over its date", () => {
    const list = [
      OutreachEvent.parse({ supplierId: "S", date: "2026-01-10", event: "requested", campaign: "2025" }),
      OutreachEvent.parse({ supplierId: "S", date: "2026-01-11", event: "reminder" }),
    ];
    expect(campaignEvents(list, campaignWindow("2026", config), "2026-12-31").map((e) => e.event)).toEqual([
      "reminder",
    ]);
    expect(campaignEvents(list, campaignWindow("2025", config), "2026-12-31").map((e) => e.event)).toEqual([
      "requested",
    ]);
  });
});
