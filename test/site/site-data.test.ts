import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { SHARDS, shardOf } from "../../src/site/data/_warehouse.ts";
import { overviewData } from "../../src/site/data/overview-data.ts";
import { productsData } from "../../src/site/data/products-data.ts";
import { qualityData } from "../../src/site/data/quality-data.ts";
import { reportData } from "../../src/site/data/report-data.ts";
import { reportMarkdown } from "../../src/site/data/report-markdown.ts";
import { sanctionsData } from "../../src/site/data/sanctions-data.ts";
import { smelterShards } from "../../src/site/data/smelter-details.ts";
import { smelterList } from "../../src/site/data/smelters-data.ts";
import { supplierShards } from "../../src/site/data/supplier-details.ts";
import { suppliersData } from "../../src/site/data/suppliers-data.ts";
import { repoRoot } from "../helpers/paths.ts";
import { seedWarehouse } from "./_seed.ts";

const CONTACT = /jane\d*@|Jane Contact/;

describe("site query functions", () => {
  it("overview KPIs compare the current period with the previous one", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 40 });
      const o = await overviewData(db);
      expect(o.current?.period, "current period").toBe("2026");
      expect(o.previous?.period, "previous period").toBe("2025");
      const rate = o.kpis.find((k) => k.key === "responseRate")!;
      // 2026 (engagement stage): 36 of 40 in scope (i % 10 !== 9), 20 of them with a usable declaration (answered and
      // i % 4 !== 1): the filings' survey share. 2025 has no engagement run: 20 of 40 answered, as the scores say.
      expect(rate.value, "response rate now").toBe(0.5556);
      expect(rate.previous, "response rate before").toBe(0.5);
      expect(rate.previous!, "response rate before").toBeLessThan(rate.value!);
      const hits = o.kpis.find((k) => k.key === "sanctionsHits")!;
      expect([hits.value, hits.better], "sanctions hits: one, and fewer is better").toEqual([1, "down"]);
      expect(o.topSmelters[0]?.band, "riskiest smelter first").toBe("Critical");
    });
  });

  it("returns empty page data, not an error, before any scoring run", async () => {
    await withDatabase(async (db) => {
      expect((await overviewData(db)).kpis).toEqual([]);
      expect(await smelterList(db)).toEqual([]);
      expect((await suppliersData(db, { redact: false })).suppliers).toEqual([]);
      expect((await reportData(db)).headline).toMatch(/No scoring run/);
    });
  });

  it("lists every smelter with its reporting suppliers and puts each in exactly one shard", async () => {
    await withDatabase(async (db) => {
      const { smelterKeys } = await seedWarehouse(db, { suppliers: 30 });
      const list = await smelterList(db);
      expect(list.map((s) => s.key).sort()).toEqual([...smelterKeys].sort());
      const reported = list.find((s) => s.supplierCount > 0)!;
      expect(reported.suppliers, "reporting suppliers named").toMatch(/Supplier \d+ GmbH/);
      const shards = await smelterShards(db);
      expect(shards).toHaveLength(SHARDS);
      for (const key of smelterKeys) expect(shards[shardOf(key, SHARDS)]![key], `shard of ${key}`).toBeDefined();
      const detail = shards[shardOf(reported.key, SHARDS)]![reported.key] as {
        reporters: unknown[];
        history: unknown[];
      };
      expect(detail.reporters).toHaveLength(reported.supplierCount);
      expect(detail.history, "one score per period").toHaveLength(2);
    });
  });

  it("the browser's shard function agrees with the loader's", async () => {
    const js = (await import(pathToFileURL(resolve(repoRoot, "pages/components/shard.js")).href)) as {
      shardOf(k: string, n?: number): number;
      SHARDS: number;
    };
    expect(js.SHARDS).toBe(SHARDS);
    for (const key of ["S0001", "CID000211", "unmatched:tin:smelter ünï", "", "x".repeat(300)])
      expect(js.shardOf(key), key).toBe(shardOf(key, SHARDS));
  });

  it("keeps contact details on analyst data only, and drops them entirely when redacting", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 12 });
      const open = await suppliersData(db, { redact: false });
      expect(open.suppliers[0]?.contactEmail, "analyst view has contacts").toMatch(/@/);
      expect(JSON.stringify(await supplierShards(db, { redact: false }))).toMatch(CONTACT);
      const redacted = [await suppliersData(db, { redact: true }), await supplierShards(db, { redact: true })];
      expect(JSON.stringify(redacted), "redacted data").not.toMatch(CONTACT);
      // Pages that are not analyst pages never carry contacts, redacted or not.
      const others = [
        await overviewData(db),
        await smelterList(db),
        await smelterShards(db),
        await productsData(db),
        await sanctionsData(db),
        await qualityData(db),
        await reportData(db),
      ];
      expect(JSON.stringify(others), "non-analyst page data").not.toMatch(CONTACT);
    });
  });

  it("derives engagement from the outreach log when the engagement stage has not run", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 20, engagement: false });
      const { funnel, suppliers } = await suppliersData(db, { redact: true });
      expect(funnel.map((f) => f.stage)).toEqual(["In scope", "Contacted", "Responded", "Valid declaration"]);
      expect(funnel[0]!.n).toBe(20);
      expect(funnel[2]!.n, "responded").toBe(suppliers.filter((s) => s.responded).length);
      for (let i = 1; i < funnel.length; i++)
        expect(funnel[i]!.n, `funnel narrows at ${funnel[i]!.stage}`).toBeLessThanOrEqual(funnel[i - 1]!.n);
    });
  });

  it("counts findings by code and by supplier for the declarations in use", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 24 });
      const q = await qualityData(db);
      const codes = Object.fromEntries(q.byCode.map((c) => [String(c.code), Number(c.findings)]));
      expect(codes).toEqual({ "effective-date-missing": 5, "smelter-not-listed": 4 });
      expect(q.bySupplier.reduce((n, s) => n + Number(s.errors) + Number(s.warnings), 0)).toBe(9);
      expect(q.findingsTotal).toBe(9);
    });
  });

  it("the executive report names companies and smelters but no people, and survives pipes in names", async () => {
    await withDatabase(async (db) => {
      await seedWarehouse(db, { suppliers: 30, hostile: "A|B\n" });
      const md = reportMarkdown(await reportData(db));
      expect(md).toMatch(/^# Responsible-minerals programme/);
      expect(md).toMatch(/## Top risks\n\n\| Smelter/);
      expect(md).not.toMatch(CONTACT);
      for (const line of md.split("\n").filter((l) => l.startsWith("| ")))
        expect(line, "table row keeps its columns").not.toMatch(/[^\\]\|B/);
    });
  });
});
