import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../src/db/database.ts";
import { overviewData } from "../../src/site/data/overview-data.ts";
import { reportData } from "../../src/site/data/report-data.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";

// Two campaigns of the sample company built into one warehouse by the real pipeline: the Overview and the
// executive report compare the 2025 period with 2024, with figures that equal SQL on each period's runs.
describe("overview across two periods (assay build --period 2024, then 2025)", () => {
  const work = mkdtempSync(join(tmpdir(), "assay-periods-"));
  const db = join(work, "assay.duckdb");
  let overview: Awaited<ReturnType<typeof overviewData>>;
  let report: Awaited<ReturnType<typeof reportData>>;
  let sql: Record<string, { in_scope: number; responded: number; usable: number; identified: number; high: number }>;

  beforeAll(async () => {
    const company = join(work, "company");
    cpSync(join(repoRoot, "data/sample"), company, { recursive: true });
    const config = join(company, "assay.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        inputs: { inbox: ["inbox"], supplierMaster: "suppliers.csv", boms: ["boms.csv"], outreachLog: "outreach.csv" },
      }),
    );
    for (const [period, asOf] of [
      ["2024", "2025-06-30"],
      ["2025", "2026-06-30"],
    ]) {
      const r = runCli([
        "build",
        "--config",
        config,
        "--db",
        db,
        "--no-site",
        "--period",
        period!,
        "--as-of",
        asOf!,
        "--quiet",
      ]);
      if (r.code !== 0) throw new Error(`assay build --period ${period} failed (${r.code}):\n${r.stderr}`);
    }
    const handle = await Database.open(db, { readOnly: true });
    try {
      overview = await overviewData(handle);
      report = await reportData(handle);
      const rows = await handle.all<{
        period: string;
        in_scope: number;
        responded: number;
        usable: number;
        identified: number;
        high: number;
      }>(
        `SELECT s.period, m.in_scope, m.responded, m.usable,
           (SELECT count(*) FROM smelter_scores x WHERE x.run_id = s.run_id AND x.cid IS NOT NULL) AS identified,
           (SELECT count(*) FROM smelter_scores x WHERE x.run_id = s.run_id AND x.band IN ('High', 'Critical')) AS high
         FROM latest_scoring_runs s
         JOIN latest_engagement_runs e ON e.period = s.period
         JOIN engagement_metrics m ON m.run_id = e.run_id AND m.dimension = 'all'`,
      );
      sql = Object.fromEntries(rows.map(({ period, ...r }) => [period, r]));
    } finally {
      handle.close();
    }
  }, 900_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("compares the 2025 period with 2024", () => {
    expect(overview.current?.period).toBe("2025");
    expect(overview.previous?.period).toBe("2024");
    expect(report.previous?.period).toBe("2024");
  });

  it("shows both periods' KPIs as SQL computes them, and the change between them", () => {
    const kpi = (key: string) => overview.kpis.find((k) => k.key === key)!;
    for (const [key, field] of [
      ["suppliersInScope", "in_scope"],
      ["validDeclarations", "usable"],
      ["smeltersIdentified", "identified"],
      ["highRiskSmelters", "high"],
    ] as const) {
      expect([kpi(key).value, kpi(key).previous], key).toEqual([sql["2025"]![field], sql["2024"]![field]]);
    }
    const rate = (p: string) => Math.round((sql[p]!.usable / sql[p]!.in_scope) * 10_000) / 10_000;
    expect([kpi("responseRate").value, kpi("responseRate").previous]).toEqual([rate("2025"), rate("2024")]);
    // The sample's 2024 campaign had fewer answers: the change is real, not zero.
    const changed = overview.kpis.filter((k) => k.previous !== null && k.value !== k.previous);
    expect(changed.length, "KPIs that moved between the periods").toBeGreaterThan(0);
    expect(report.kpis.map((k) => [k.key, k.value, k.previous])).toEqual(
      overview.kpis.map((k) => [k.key, k.value, k.previous]),
    );
  });

  it("ticks last period's conformance on the by-metal chart", () => {
    expect(overview.conformantByMetal.some((m) => m.previousShare !== null)).toBe(true);
  });
});
