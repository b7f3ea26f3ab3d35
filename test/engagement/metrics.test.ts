import { describe, expect, it } from "vitest";
import { computeEngagement } from "../../src/engagement/compute-engagement.ts";
import { BomLine, DeclarationRef, OutreachEvent, Supplier } from "../../src/engagement/inputs.ts";
import { quantile } from "../../src/engagement/metrics.ts";
import { OutreachConfig } from "../../src/engagement/outreach-config.ts";
import { ScopeConfig } from "../../src/engagement/scope-config.ts";

const suppliers = [
  ["S1", "Alder Electronics Sdn. Bhd.", "Capacitors"],
  ["S2", "Bluefin Capacitor Limited", "Capacitors"],
  ["S3", "Vireo Solder Limited", "Solder and alloys"],
  ["S4", "Orion Circuits Co., Ltd.", "Printed circuit boards"],
  ["S5", "Penang Legal Sdn. Bhd.", "Legal services"],
].map(([supplierId, name, commodity]) => Supplier.parse({ supplierId, name, commodity }));

const log: [string, string, string, string?][] = [
  ["S1", "2025-01-06", "requested"],
  ["S2", "2025-01-06", "requested"],
  ["S3", "2025-01-06", "requested"],
  ["S4", "2025-01-20", "requested"],
  ["S1", "2025-01-16", "response-received"],
  ["S2", "2025-02-05", "response-received"],
  ["S3", "2025-02-10", "reminder"],
  ["S3", "2025-03-07", "response-received"],
  ["S4", "2025-02-25", "responded-no-data"],
];
const events = log.map(([supplierId, date, event]) =>
  OutreachEvent.parse({ supplierId, date, event, contact: "buyer@example.com" }),
);
const declarations = [
  DeclarationRef.parse({ declarationId: "D1", companyName: "Alder Electronics Sdn Bhd", effectiveDate: "2025-01-15" }),
  DeclarationRef.parse({
    declarationId: "D2",
    companyName: "Bluefin Capacitor Ltd.",
    effectiveDate: "2025-02-01",
    findings: [{ severity: "error", code: "x", sheet: "Declaration", cell: "D8", message: "m" }],
  }),
  DeclarationRef.parse({ declarationId: "D3", companyName: "Vireo Solder Limited", effectiveDate: "2025-03-01" }),
  DeclarationRef.parse({ declarationId: "D4", companyName: "Unknown Trading GmbH", effectiveDate: "2025-03-01" }),
];
const bomLines = [
  ["P1", "Flow meter", "S1"],
  ["P1", "Flow meter", "S4"],
  ["P1", "Flow meter", "S5"],
  ["P2", "Gas analyser", "S2"],
  ["P2", "Gas analyser", "S3"],
].map(([productId, productName, supplierId]) => BomLine.parse({ productId, productName, supplierId }));

const result = computeEngagement(
  { suppliers, events, declarations, bomLines, warnings: [] },
  { asOf: "2025-03-31", period: "2025", scope: ScopeConfig.parse({}), outreach: OutreachConfig.parse({}) },
);

describe("engagement metrics on a small explicit log", () => {
  it("counts overall response, validity and time to respond", () => {
    const all = result.metrics.find((m) => m.dimension === "all");
    // In scope: S1–S4 (S5 is a law firm). Responded: S1, S2, S3 (10, 30, 60 days). Usable: S1, S3.
    expect(all).toMatchObject({
      inScope: 4,
      contacted: 4,
      responded: 3,
      respondedWithoutData: 1,
      usable: 2,
      delinquent: 0,
    });
    expect(all?.responseRate).toBe(0.75);
    expect(all?.validShare).toBe(0.6667);
    expect(all?.coverage).toBe(0.5);
    expect(all?.medianDaysToRespond).toBe(30);
    expect(all?.p90DaysToRespond).toBe(54);
  });

  it("splits by commodity", () => {
    const caps = result.metrics.find((m) => m.dimension === "commodity" && m.groupKey === "capacitors");
    expect(caps).toMatchObject({
      groupLabel: "Capacitors",
      inScope: 2,
      responded: 2,
      usable: 1,
      validShare: 0.5,
      medianDaysToRespond: 20,
    });
    const legal = result.metrics.find((m) => m.dimension === "commodity" && m.groupKey === "legal services");
    expect(legal).toMatchObject({ inScope: 0, responseRate: 0, validShare: null });
  });

  it("splits by product through the bill of materials, ignoring out-of-scope suppliers", () => {
    const p1 = result.metrics.find((m) => m.dimension === "product" && m.groupKey === "P1");
    expect(p1).toMatchObject({ groupLabel: "Flow meter", inScope: 2, responded: 1, usable: 1, responseRate: 0.5 });
    const p2 = result.metrics.find((m) => m.dimension === "product" && m.groupKey === "P2");
    expect(p2).toMatchObject({ inScope: 2, responded: 2, usable: 1, coverage: 0.5 });
  });

  it("builds a cumulative monthly and weekly timeline through asOf", () => {
    const months = result.timeline.filter((t) => t.granularity === "month");
    expect(months.map((m) => [m.bucketStart, m.bucketEnd, m.contacted, m.responded, m.usable])).toEqual([
      ["2025-01-01", "2025-01-31", 4, 1, 1],
      ["2025-02-01", "2025-02-28", 4, 2, 1],
      ["2025-03-01", "2025-03-31", 4, 3, 2],
    ]);
    const weeks = result.timeline.filter((t) => t.granularity === "week");
    expect(weeks[0]).toMatchObject({ bucketStart: "2024-12-30", bucketEnd: "2025-01-05", contacted: 0 });
    expect(weeks.find((w) => w.bucketStart === "2025-01-13")).toMatchObject({
      bucketEnd: "2025-01-19",
      contacted: 3,
      responded: 1,
      responseRate: 0.25,
    });
    expect(weeks.at(-1)?.bucketEnd).toBe("2025-03-31");
  });

  it("reports the declaration it cannot link", () => {
    expect(result.links.unlinked.map((u) => u.declaration.declarationId)).toEqual(["D4"]);
  });
});

describe("quantile", () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[10, 30, 60], 0.5, 30],
    [[60, 10, 30], 0.9, 54],
    [[1, 2, 3, 4], 0.5, 2.5],
  ])("%j at %s → %s", (values, p, expected) => {
    expect(quantile(values, p)).toBe(expected);
  });
});
