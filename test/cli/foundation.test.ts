import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Database } from "../../src/db/database.ts";
import { overviewData } from "../../src/site/data/overview-data.ts";
import { readTemplate } from "../../loaders/template/read-template.ts";
import { writeTemplate } from "../../src/generate/template/write-template.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";

const work = mkdtempSync(join(tmpdir(), "assay-foundation-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sqlJson<T>(db: string, query: string): T[] {
  const r = runCli(["sql", query, "--json", "--db", db]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T[];
}

function rowCounts(db: string): Record<string, number> {
  const tables = sqlJson<{ name: string }>(
    db,
    "SELECT table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1",
  );
  const union = tables.map((t) => `SELECT '${t.name}' AS name, count(*) AS n FROM "${t.name}"`).join(" UNION ALL ");
  return Object.fromEntries(sqlJson<{ name: string; n: number }>(db, union).map((r) => [r.name, r.n]));
}

describe("assay ingest and assay sql", () => {
  const db = join(work, "ingest.duckdb");

  it("re-ingesting the sample inbox changes no table's row count", () => {
    const first = runCli(["ingest", "data/sample/inbox", "--db", db, "--as-of", "2026-06-30"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/rejected .*upload-interrupted\.xlsx/);
    const before = rowCounts(db);
    expect(before.declarations, "declarations stored").toBeGreaterThan(10);
    expect(before.smelter_rows, "smelter rows stored").toBeGreaterThan(50);
    const second = runCli(["ingest", "data/sample/inbox", "--db", db, "--as-of", "2026-06-30"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 new/);
    const after = rowCounts(db);
    // ingest_runs and file_paths may record the visit; no data table may grow.
    for (const [table, n] of Object.entries(before)) {
      if (table === "ingest_runs") continue;
      expect(after[table], `rows in ${table}`).toBe(n);
    }
  });

  it("sql --json prints an array of row objects; writes are refused", () => {
    const rows = sqlJson<{ n: number }>(db, "select count(*) as n from files");
    expect(rows).toEqual([{ n: readdirSync(join(repoRoot, "data/sample/inbox")).length - 1 }]);
    const write = runCli(["sql", "delete from files", "--db", db]);
    expect(write.code).not.toBe(0);
    expect(write.stderr).toMatch(/read-only/i);
  });
});

describe("assay build", () => {
  it("picks up an edited workbook: the overview numbers change", async () => {
    const company = join(work, "company");
    cpSync(join(repoRoot, "data/sample"), company, { recursive: true });
    const config = join(company, "assay.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        period: "2025",
        inputs: { inbox: ["inbox"], supplierMaster: "suppliers.csv", boms: ["boms.csv"], outreachLog: "outreach.csv" },
      }),
    );
    const db = join(work, "build.duckdb");
    const build = () => {
      const r = runCli(["build", "--config", config, "--db", db, "--no-site", "--as-of", "2026-06-30", "--quiet"]);
      expect(r.code, r.stderr).toBe(0);
    };
    const overview = async () => {
      const handle = await Database.open(db, { readOnly: true });
      try {
        return await overviewData(handle);
      } finally {
        handle.close();
      }
    };
    build();
    const before = await overview();
    const identified = (o: typeof before) => o.kpis.find((k) => k.key === "smeltersIdentified")?.value;

    // A supplier re-sends its CMRT with five more tin smelters chosen by CID (real RMI facilities).
    const inbox = join(company, "inbox");
    const file = readdirSync(inbox).find((f) => f.startsWith("CMRT_") && f.endsWith(".xlsx"))!;
    const decl = readTemplate(readFileSync(join(inbox, file)), { file, asOf: "2026-06-30" });
    const extra = ["CID000292", "CID000313", "CID000402", "CID000438", "CID000448"]
      .filter((cid) => !decl.smelters.some((s) => s.cid === cid))
      .map((cid) => ({ metal: "Tin", cid }));
    const edited = await writeTemplate(
      { ...decl, company: { ...decl.company, effectiveDate: "2026-05-01" }, smelters: [...decl.smelters, ...extra] },
      { template: "CMRT", version: "6.5" },
    );
    writeFileSync(join(inbox, file), edited);
    build();
    const after = await overview();
    expect(identified(after), "smelters identified after the edit").toBeGreaterThan(identified(before)!);
  });
});
