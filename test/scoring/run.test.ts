import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { auditCycleMonths, gatherFacts } from "../../src/scoring/gather.ts";
import { loadRiskModel } from "../../src/scoring/load-model.ts";
import { DEFAULT_RISK_MODEL } from "../../src/scoring/model.ts";
import { runScoring } from "../../src/scoring/run.ts";
import { DECLARATION_COLUMNS, seedWarehouse } from "./_warehouse.ts";

describe("gatherFacts", () => {
  it("reads smelters, suppliers, products and vintages from the warehouse", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      const f = await gatherFacts(db, { period: "2024" });
      expect(f.smelters.map((s) => [s.key, s.status, s.name])).toEqual([
        ["CID000004", "conformant", "A.L.M.T. Corp."],
        ["CID001070", "active", "China Tin Group Co., Ltd."],
        ["unmatched:tin:unknown tin works", "unknown", "Unknown Tin Works"],
      ]);
      const almt = f.smelters[0]!;
      expect(almt).toMatchObject({
        lastAuditDate: "2024-02-29",
        auditCycleMonths: 12,
        location: { iso2: "JP", governancePercentile: 90.5 },
      });
      expect(f.smelters[1]!.location?.cahra).toBe("regions");
      const hokuriku = f.suppliers.find((s) => s.supplierId === "S-001")!;
      expect(hokuriku.declaration, "linked by company name").toMatchObject({
        declarationId: "D-2024",
        mineralsInScope: ["tungsten", "tin"],
        surveyCoverage: { tungsten: "100%", tin: "Greater than 90%" },
        programme: { policy: "Yes", "sec-eu-filer": "No" },
        programmeTest: ["policy", "due-diligence-measures", "review-suppliers", "corrective-action"],
        origin: {
          tungsten: { covered: "No", cahra: "Unknown", recycled: "No" },
          tin: { covered: null, cahra: null, recycled: null },
        },
        smelterRows: { tungsten: { rows: 1, recycled: 0 }, tin: { rows: 2, recycled: 0 } },
        findings: { error: 0, warning: 1 },
      });
      expect(f.suppliers.find((s) => s.supplierId === "S-002")?.declaration).toBeNull();
      expect(f.products).toEqual([{ product: "WF6-300", supplierIds: ["S-001", "S-002"] }]);
    });
  });
});

describe("runScoring", () => {
  it("records the period, as-of, model version and every reference vintage with the run", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      const summary = await runScoring(db, { period: "2024", asOf: "2024-06-30", model: DEFAULT_RISK_MODEL });
      const run = await db.one<{
        period: string;
        as_of: string;
        model_version: string;
        reference_vintages: string;
        model: string;
      }>(
        "SELECT period, CAST(as_of AS VARCHAR) AS as_of, model_version, CAST(reference_vintages AS VARCHAR) AS reference_vintages, CAST(model AS VARCHAR) AS model FROM scoring_runs WHERE run_id = ?",
        [summary.runId],
      );
      expect(run).toMatchObject({ period: "2024", as_of: "2024-06-30", model_version: "assay-risk-2.0.0" });
      expect(JSON.parse(run!.model)).toEqual(DEFAULT_RISK_MODEL);
      const vintages = JSON.parse(run!.reference_vintages) as {
        datasets: { kind: string; vintage: string | null; loadId: number | null; sourceFile: string | null }[];
      };
      expect(vintages.datasets).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "ofac-sdn", loadId: 3, vintage: "2024-05-03" }),
          expect.objectContaining({
            kind: "rmi-smelter-lookup",
            loadId: 1,
            vintage: "2025-04-25",
            sourceFile: "rmi_smelter_lookup_CMRT_6.5.csv",
          }),
          expect.objectContaining({ kind: "rmi-status-conformant", loadId: 2, vintage: "2023-02-15" }),
          expect.objectContaining({ kind: "country-risk", sourceFile: "wgi_2022_latest.csv" }),
        ]),
      );
    });
  });

  it("writes explained scores for smelters, suppliers and products, with coverage beside the product score", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      const { runId } = await runScoring(db, { period: "2024", asOf: "2024-06-30", model: DEFAULT_RISK_MODEL });
      const smelters = await db.all<{ smelter_key: string; band: string; score: number; supplier_count: number }>(
        "SELECT smelter_key, band, score, supplier_count FROM smelter_scores WHERE run_id = ? ORDER BY smelter_key",
        [runId],
      );
      expect(smelters.map((s) => [s.smelter_key, s.band])).toEqual([
        ["CID000004", "Low"],
        ["CID001070", "Low"],
        ["unmatched:tin:unknown tin works", "Medium"],
      ]);
      const supplier = await db.one<{ band: string; reasons: string }>(
        "SELECT band, CAST(reasons AS VARCHAR) AS reasons FROM supplier_scores WHERE run_id = ? AND supplier_id = 'S-002'",
        [runId],
      );
      expect(supplier?.band).toBe("Data gap");
      const product = await db.one<{ coverage: number; data_gap: boolean; band: string; reasons: string }>(
        "SELECT coverage, data_gap, band, CAST(reasons AS VARCHAR) AS reasons FROM product_scores WHERE run_id = ?",
        [runId],
      );
      expect(product).toMatchObject({ coverage: 0.5, data_gap: true });
      expect(product?.band).not.toBe("Low");
      expect(JSON.parse(product!.reasons)).toContainEqual({
        factor: "coverage",
        points: 12.5,
        evidence: "1 of 2 in-scope suppliers answered; no answer from Silent Supplier Ltd.",
      });
    });
  });

  it("stores a custom model under a distinct version", async () => {
    const model = loadRiskModel({ smelter: { status: { active: 25 } } });
    expect(model.version).toBe("assay-risk-2.0.0+custom");
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      const { runId } = await runScoring(db, { period: "2024", asOf: "2024-06-30", model });
      expect(
        await db.scalar("SELECT score FROM smelter_scores WHERE run_id = ? AND smelter_key = 'CID001070'", [runId]),
      ).toBeGreaterThanOrEqual(25);
    });
  });
});

describe("gatherFacts: links and scope from the engagement stage", () => {
  it("links a declaration through declaration_links, merges a supplier's CMRT and EMRT, and drops out-of-scope BOM suppliers", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      await db.insertRows("declarations", DECLARATION_COLUMNS, [
        [
          "D-EMRT",
          "h2",
          "inbox/hokuriku-emrt.xlsx",
          "hokuriku-emrt.xlsx",
          "EMRT",
          "2.1",
          "Hokuriku Metals K.K.",
          "2025-01-10",
          2,
          0,
        ],
        ["D-SILENT", "h3", "inbox/ssl.xlsx", "ssl.xlsx", "CMRT", "6.5", "SSL GmbH (renamed)", "2025-02-01", 0, 0],
      ]);
      await db.insertRows(
        "answers",
        ["declaration_id", "file_hash", "question", "mineral", "answer"],
        [
          ["D-EMRT", "h2", "1", "Cobalt", "Yes"],
          ["D-EMRT", "h2", "5", "Cobalt", "50% or less"],
        ],
      );
      await db.run(
        "INSERT INTO engagement_runs (run_id, period, as_of, config) VALUES (1, '2025', DATE '2025-06-30', '{}')",
      );
      await db.run(
        "INSERT INTO declaration_links (run_id, declaration_id, supplier_id, method) VALUES (1, 'D-SILENT', 'S-002', 'manual')",
      );
      await db.run(
        `INSERT INTO supplier_engagement (run_id, supplier_id, supplier_name, in_scope, scope_rule, reason, templates, status, overdue, requests, contacts, usable, error_count, warning_count)
         VALUES (1, 'S-001', 'Hokuriku Metals K.K.', false, 'commodity', 'packaging only', ['CMRT'], 'responded', false, 1, 1, true, 0, 0)`,
      );
      const f = await gatherFacts(db, { period: "2025" });
      const hokuriku = f.suppliers.find((s) => s.supplierId === "S-001")!.declaration!;
      expect(hokuriku.declarationId, "the CMRT leads").toBe("D-2024");
      expect(hokuriku.mineralsInScope).toEqual(["tungsten", "tin", "cobalt"]);
      expect(hokuriku.surveyCoverage.cobalt).toBe("50% or less");
      expect(hokuriku.findings).toEqual({ error: 2, warning: 1 });
      expect(
        f.suppliers.find((s) => s.supplierId === "S-002")?.declaration?.declarationId,
        "linked by the engagement stage, not by name",
      ).toBe("D-SILENT");
      expect(f.products).toEqual([{ product: "WF6-300", supplierIds: ["S-002"] }]);
      await db.insertRows(
        "suppliers",
        ["supplier_id", "name", "source", "line"],
        [["S-003", "Stellar Pallets s.r.o.", "suppliers.csv", 4]],
      );
      await db.run(
        `INSERT INTO supplier_engagement (run_id, supplier_id, supplier_name, in_scope, scope_rule, reason, templates, status, overdue, requests, contacts, usable, error_count, warning_count)
         VALUES (1, 'S-003', 'Stellar Pallets s.r.o.', false, 'commodity', 'pallets', [], 'not-requested', false, 0, 0, false, 0, 0)`,
      );
      const again = await gatherFacts(db, { period: "2025" });
      expect(
        again.suppliers.map((s) => s.supplierId),
        "out of scope and silent: not scored; out of scope but answered: kept",
      ).toEqual(["S-001", "S-002"]);
      expect(
        (await gatherFacts(db, { period: "2024" })).products[0]?.supplierIds,
        "no engagement run for 2024: everyone stays in scope",
      ).toEqual(["S-001", "S-002"]);
    });
  });
});

describe("unlinked declarations", () => {
  // A CMRT from a company the supplier master does not list: one smelter it shares with Hokuriku, one only it names.
  async function addUnlinked(db: Parameters<Parameters<typeof withDatabase>[0]>[0]): Promise<void> {
    await db.insertRows("declarations", DECLARATION_COLUMNS, [
      [
        "D-HARB",
        "h9",
        "inbox/harbourline.xlsx",
        "harbourline.xlsx",
        "CMRT",
        "6.5",
        "Harbourline Trading Pte. Ltd.",
        "2024-03-01",
        0,
        0,
      ],
    ]);
    await db.insertRows(
      "smelter_rows",
      ["declaration_id", "file_hash", "row", "metal", "name", "country", "cid", "recycled_scrap"],
      [
        ["D-HARB", "h9", 5, "Tungsten", "A.L.M.T. Corp.", "JAPAN", "CID000004", "No"],
        ["D-HARB", "h9", 6, "Tin", "Harbour Tin Smelting", "MALAYSIA", null, "No"],
      ],
    );
  }

  it("are no supplier: their smelters are scored apart, credited to nobody, and a smelter only they name is in no supply-chain table", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      await addUnlinked(db);
      const facts = await gatherFacts(db, { period: "2024" });
      expect(
        facts.suppliers.map((s) => s.supplierId),
        "the master's suppliers only",
      ).toEqual(["S-001", "S-002"]);
      expect(facts.unlinked).toEqual([
        {
          declarationId: "D-HARB",
          companyName: "Harbourline Trading Pte. Ltd.",
          smelterKeys: ["CID000004", "unmatched:tin:harbour tin smelting"],
        },
      ]);
      const { runId } = await runScoring(db, { period: "2024", asOf: "2024-06-30", model: DEFAULT_RISK_MODEL });
      expect(
        await db.all("SELECT supplier_id FROM supplier_scores WHERE run_id = ? ORDER BY 1", [runId]),
        "no company: supplier",
      ).toEqual([{ supplier_id: "S-001" }, { supplier_id: "S-002" }]);
      expect(
        await db.scalar("SELECT count(*) FROM supplier_smelter_links WHERE run_id = ? AND supplier_id NOT LIKE 'S-%'", [
          runId,
        ]),
      ).toBe(0);
      expect(
        await db.all("SELECT smelter_key, supplier_count FROM smelter_scores WHERE run_id = ? ORDER BY 1", [runId]),
        "the supply chain: what the master's suppliers report, counted by them alone",
      ).toEqual([
        { smelter_key: "CID000004", supplier_count: 1 },
        { smelter_key: "CID001070", supplier_count: 1 },
        { smelter_key: "unmatched:tin:unknown tin works", supplier_count: 1 },
      ]);
      expect(
        await db.all(
          "SELECT declaration_id, smelter_key, in_supply_chain, band IS NOT NULL AS scored FROM unlinked_smelter_reports WHERE run_id = ? ORDER BY 2",
          [runId],
        ),
      ).toEqual([
        { declaration_id: "D-HARB", smelter_key: "CID000004", in_supply_chain: true, scored: true },
        {
          declaration_id: "D-HARB",
          smelter_key: "unmatched:tin:harbour tin smelting",
          in_supply_chain: false,
          scored: true,
        },
      ]);
    });
  });

  it("linked by the engagement stage (a link-declaration decision), it joins the decided supplier", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      await addUnlinked(db);
      await db.run(
        "INSERT INTO engagement_runs (run_id, period, as_of, config) VALUES (1, '2024', DATE '2024-06-30', '{}')",
      );
      await db.run(
        "INSERT INTO declaration_links (run_id, declaration_id, supplier_id, method) VALUES (1, 'D-HARB', 'S-002', 'decision'), (1, 'D-2024', 'S-001', 'name')",
      );
      const facts = await gatherFacts(db, { period: "2024" });
      expect(facts.unlinked).toEqual([]);
      expect(facts.suppliers.find((s) => s.supplierId === "S-002")?.declaration?.smelterKeys).toEqual([
        "CID000004",
        "unmatched:tin:harbour tin smelting",
      ]);
    });
  });

  it("left unlinked by the engagement stage, it is not linked by a looser name match", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      await db.run(
        "INSERT INTO engagement_runs (run_id, period, as_of, config) VALUES (1, '2024', DATE '2024-06-30', '{}')",
      );
      await db.run(
        "INSERT INTO declaration_links (run_id, declaration_id, supplier_id, method, reason) VALUES (1, 'D-2024', NULL, NULL, 'ambiguous: company name matches suppliers S-001, S-009')",
      );
      const facts = await gatherFacts(db, { period: "2024" });
      expect(
        facts.suppliers.find((s) => s.supplierId === "S-001")?.declaration,
        "as the Suppliers page lists it",
      ).toBeNull();
      expect(facts.unlinked.map((u) => u.declarationId)).toEqual(["D-2024"]);
    });
  });

  it("without any supplier master, each declaring company is a supplier of its own", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db);
      await db.run("DELETE FROM suppliers");
      const facts = await gatherFacts(db, { period: "2024" });
      expect(facts.suppliers.map((s) => s.supplierId)).toEqual(["company:hokuriku metals k k"]);
      expect(facts.unlinked).toEqual([]);
    });
  });
});

describe("auditCycleMonths", () => {
  it.each([
    ["1 year", 12],
    ["3 Years", 36],
    ["2 years", 24],
    ["18 months", 18],
    [null, null],
    ["n/a", null],
  ])("%s → %s", (text, months) => expect(auditCycleMonths(text)).toBe(months));
});
