import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { Database } from "../../src/db/database.ts";
import { seedWarehouse } from "./_seed.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "assay-status-"));
const dbPath = join(dir, "assay.duckdb");
// A configuration without scope or outreach keys: the defaults apply (a named --config must exist).
const noConfig = join(dir, "defaults.config.json");
writeFileSync(noConfig, "{}\n");

beforeAll(async () => {
  const db = await Database.open(dbPath);
  await seedWarehouse(db);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("assay status", () => {
  it("--json prints one object per supplier with exactly the contract fields", async () => {
    const c = capture();
    const code = await main(["status", "--json", "--as-of", "2025-04-15", "--db", dbPath, "--config", noConfig], c.io);
    expect(code).toBe(0);
    const rows = JSON.parse(c.out.join("")) as Record<string, unknown>[];
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([
        "supplierId",
        "supplierName",
        "inScope",
        "reason",
        "status",
        "lastEvent",
        "lastEventDate",
        "nextAction",
        "dueDate",
      ]);
    }
    expect(rows[1]).toEqual({
      supplierId: "SUP-02",
      supplierName: "Orion Circuits Co., Ltd.",
      inScope: true,
      reason:
        'commodity "Printed circuit boards" matches "printed circuit" (printed circuit boards): may contain minerals',
      status: "delinquent",
      lastEvent: "escalated",
      lastEventDate: "2025-03-18",
      nextAction: "corrective-action",
      dueDate: "2025-04-01",
    });
    expect(c.err.join("")).toContain(
      'warning: declaration inbox/scan (2).xlsx is not linked to a supplier: no supplier in the master matches company name "Zenith Tantalum Ltd"',
    );
  });

  it("prints a table with the documented columns and a summary line", async () => {
    const c = capture();
    expect(
      await main(["status", "--as-of", "2025-04-15", "--period", "2025", "--db", dbPath, "--config", noConfig], c.io),
    ).toBe(0);
    const text = c.out.join("");
    expect(text.split("\n")[0]?.trimEnd()).toMatch(
      /^supplier\s+in scope\s+reason\s+status\s+last event\s+next action\s+due date$/,
    );
    expect(text).toMatch(/Stellar Pallets s\.r\.o\. \(SUP-04\)\s+no\s+goods without minerals/);
    expect(text).toContain("2025-04-01 (overdue)");
    expect(text).toContain(
      "campaign 2025 · as of 2025-04-15 · 4 of 5 suppliers in scope · 1 responded · 3 actions overdue",
    );
  });

  it("--in-scope leaves out-of-scope suppliers out", async () => {
    const c = capture();
    await main(["status", "--json", "--in-scope", "--as-of", "2025-04-15", "--db", dbPath, "--config", noConfig], c.io);
    expect((JSON.parse(c.out.join("")) as { supplierId: string }[]).map((r) => r.supplierId)).toEqual([
      "SUP-01",
      "SUP-02",
      "SUP-03",
      "SUP-05",
    ]);
  });

  it.each([
    [["--as-of", "2025-02-30"], "invalid --as-of: 2025-02-30 (expected a date YYYY-MM-DD)"],
    [["--period", "20 25"], 'assay status: invalid --period: "20 25"'],
    [["--db", "/nonexistent/assay.duckdb"], "assay status: no database at /nonexistent/assay.duckdb"],
  ])("rejects %j with exit code 2", async (args, message) => {
    const c = capture();
    expect(await main(["status", "--db", dbPath, "--config", noConfig, ...args], c.io)).toBe(2);
    expect(c.err.join("")).toContain(message);
  });
});
