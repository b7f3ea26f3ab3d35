import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { runEngagement } from "../../src/engagement/run-engagement.ts";
import { seed, seedWarehouse } from "./_seed.ts";

describe("runEngagement on a seeded warehouse", () => {
  it("stores per-supplier status, metrics, timeline and declaration links under one run", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      const result = await runEngagement(db, { asOf: "2025-04-15", period: "2025" });
      expect(result.runId).toBe(1);
      const rows = await db.all<Record<string, unknown>>(
        "SELECT supplier_id, in_scope, status, next_action, CAST(due_date AS VARCHAR) AS due, declaration_id, usable, CAST(templates AS VARCHAR) AS templates FROM current_supplier_engagement ORDER BY supplier_id",
      );
      expect(rows).toEqual([
        {
          supplier_id: "SUP-01",
          in_scope: true,
          status: "responded",
          next_action: "request-update",
          due: "2026-02-28",
          declaration_id: "d-alder",
          usable: true,
          templates: JSON.stringify(["CMRT", "EMRT"]),
        },
        {
          supplier_id: "SUP-02",
          in_scope: true,
          status: "delinquent",
          next_action: "corrective-action",
          due: "2025-04-01",
          declaration_id: null,
          usable: false,
          templates: JSON.stringify(["CMRT", "EMRT"]),
        },
        {
          supplier_id: "SUP-03",
          in_scope: true,
          status: "not-contacted",
          next_action: "fix-contact",
          due: "2025-01-14",
          declaration_id: null,
          usable: false,
          templates: JSON.stringify(["CMRT", "EMRT"]),
        },
        {
          supplier_id: "SUP-04",
          in_scope: false,
          status: "not-contacted",
          next_action: null,
          due: null,
          declaration_id: null,
          usable: false,
          templates: "[]",
        },
        {
          supplier_id: "SUP-05",
          in_scope: true,
          status: "responded-without-data",
          next_action: "follow-up",
          due: "2025-03-05",
          declaration_id: null,
          usable: false,
          templates: JSON.stringify(["CMRT", "EMRT"]),
        },
      ]);
      const all = await db.one(
        "SELECT in_scope, responded, usable, response_rate, median_days_to_respond FROM engagement_metrics WHERE run_id = 1 AND dimension = 'all'",
      );
      expect(all).toEqual({ in_scope: 4, responded: 1, usable: 1, response_rate: 0.25, median_days_to_respond: 42 });
      const product = await db.one(
        "SELECT in_scope, responded FROM engagement_metrics WHERE dimension = 'product' AND group_key = 'PRD-1'",
      );
      expect(product).toEqual({ in_scope: 2, responded: 1 });
      expect(
        await db.scalar("SELECT count(*) FROM engagement_timeline WHERE run_id = 1 AND granularity = 'month'"),
      ).toBe(4);
      const unlinked = await db.all("SELECT declaration_id, reason FROM unlinked_declarations");
      expect(unlinked).toEqual([
        { declaration_id: "d-orphan", reason: 'no supplier in the master matches company name "Zenith Tantalum Ltd"' },
      ]);
    });
  });

  it("keeps earlier runs; the period's latest run is current", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      await runEngagement(db, { asOf: "2025-02-01", period: "2025" });
      await runEngagement(db, { asOf: "2025-04-15", period: "2025" });
      expect(await db.scalar("SELECT count(*) FROM engagement_runs")).toBe(2);
      expect(await db.scalar("SELECT status FROM current_supplier_engagement WHERE supplier_id = 'SUP-02'")).toBe(
        "delinquent",
      );
      expect(
        await db.scalar("SELECT status FROM supplier_engagement WHERE run_id = 1 AND supplier_id = 'SUP-02'"),
      ).toBe("requested");
    });
  });

  it("counts only declarations sent by the as-of date, so a past period's rebuild keeps its own response figures", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      // Orion answers in September, after the April as-of date of the first run.
      await seed(db, "declarations", [
        {
          declaration_id: "d-orion",
          file: "inbox/Orion-2025-09-10.xlsx",
          company_name: "Orion Circuits Co., Ltd.",
          supplier_key: "orion circuits",
          template: "CMRT",
          version: "6.5",
          effective_date: "2025-09-10",
          is_current: true,
        },
      ]);
      const april = await runEngagement(db, { asOf: "2025-04-15", period: "2025", store: false });
      expect(april.engagements.find((e) => e.supplierId === "SUP-02")).toMatchObject({
        status: "delinquent",
        declaration: null,
      });
      expect(april.metrics.find((m) => m.dimension === "all")).toMatchObject({ responded: 1 });
      const october = await runEngagement(db, { asOf: "2025-10-01", period: "2025", store: false });
      expect(october.engagements.find((e) => e.supplierId === "SUP-02")).toMatchObject({
        status: "responded",
        declaration: { declarationId: "d-orion" },
      });
      expect(october.metrics.find((m) => m.dimension === "all")).toMatchObject({ responded: 2 });
    });
  });

  it("applies the scope configuration and rejects a bad one with the key path", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      const r = await runEngagement(db, {
        asOf: "2025-04-15",
        period: "2025",
        scopeConfig: { minAnnualSpend: 10000 },
        store: false,
      });
      expect(r.engagements.find((e) => e.supplierId === "SUP-05")).toMatchObject({
        inScope: false,
        reason: expect.stringContaining("annual spend 5,000 below threshold 10,000"),
      });
      expect(r.runId).toBeNull();
      await expect(
        runEngagement(db, { asOf: "2025-04-15", period: "2025", scopeConfig: { minAnnualSpend: "lots" } }),
      ).rejects.toThrow("scope.minAnnualSpend");
    });
  });

  it("works on an empty warehouse", async () => {
    await withDatabase(async (db) => {
      const r = await runEngagement(db, { asOf: "2025-04-15", period: "2025" });
      expect(r.engagements).toEqual([]);
      expect(r.metrics[0]).toMatchObject({ dimension: "all", inScope: 0, responseRate: 0 });
    });
  });
});
