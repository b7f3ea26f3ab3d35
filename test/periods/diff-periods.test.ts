import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Output } from "../../src/cli/command.ts";
import { main } from "../../src/cli/main.ts";
import { Database } from "../../src/db/database.ts";
import type { PeriodDiff } from "../../src/periods/diff-periods.ts";
import { advanceTo2025, seedWarehouse } from "../scoring/_warehouse.ts";

function capture(): Output & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    isTTY: false,
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "assay-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A configuration without company keys: the defaults apply (a named --config must exist).
const defaultsConfig = join(dir, "defaults.config.json");
writeFileSync(defaultsConfig, "{}\n");

describe("assay score + assay diff over two periods", async () => {
  const dbPath = join(dir, "w.duckdb");
  const db = await Database.open(dbPath);
  await seedWarehouse(db);
  db.close();
  const cli = async (...argv: string[]) => {
    const io = capture();
    const code = await main([...argv, "--db", dbPath, "--config", defaultsConfig], io);
    return { code, ...io };
  };

  it("scores period 2024 and prints a summary", async () => {
    const r = await cli("score", "--period", "2024", "--as-of", "2024-06-30");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("period 2024 · as of 2024-06-30 · model assay-risk-2.0.0");
    // The answering supplier is High; the 2.0 roll-up weighs it with the mean, breadth and the 50% coverage gap: Medium.
    expect(r.stdout, "one supplier silent, the other lists an unmatched smelter").toMatch(
      /suppliers\s+2 {2}High 1 · Data gap 1/,
    );
    expect(r.stdout).toMatch(/products\s+1 {2}Medium 1 \(1 with coverage below 80%\)/);
  });

  it("diffs 2024 against 2025: new smelter, status change, new sanctions hit, supplier moved", async () => {
    const d2 = await Database.open(dbPath);
    await advanceTo2025(d2);
    d2.close();
    const s = await cli("score", "--as-of", "2025-06-30", "--json");
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ period: "2025", smelters: { Critical: 1 } });

    const r = await cli("diff", "2024", "2025", "--json");
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as PeriodDiff;
    expect(diff.from).toMatchObject({ period: "2024", asOf: "2024-06-30" });
    expect(diff.newSmelters.map((x) => x.key)).toEqual(["CID003397"]);
    expect(diff.droppedSmelters).toEqual([]);
    // Model 2.0: an active (audit in progress) tin smelter with no high-risk origin is already Low; the status change is still reported.
    expect(diff.statusChanges).toEqual([
      {
        key: "CID001070",
        name: "China Tin Group Co., Ltd.",
        metal: "Tin",
        from: "active",
        to: "conformant",
        bandFrom: "Low",
        bandTo: "Low",
      },
    ]);
    expect(diff.newSanctionsHits.map((x) => [x.key, x.band])).toEqual([["CID003397", "Critical"]]);
    expect(diff.supplierMoves).toHaveLength(1);
    expect(diff.supplierMoves[0]).toMatchObject({ supplierId: "S-001", bandTo: "High" });

    const text = await cli("diff", "2024", "2025");
    expect(text.stdout).toContain("new sanctions hits (1)");
    expect(text.stdout).toContain("active → conformant");
  });

  it("names the periods that exist when asked for one that does not", async () => {
    const r = await cli("diff", "2023", "2025");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('no scoring run for period "2023" (periods with runs: 2024, 2025)\n');
  });

  it("rejects a bad --as-of and a bad --period", async () => {
    expect((await cli("score", "--as-of", "2025-02-29")).stderr).toBe(
      "invalid --as-of: 2025-02-29 (expected a date YYYY-MM-DD)\n",
    );
    expect((await cli("score", "--period", "FY 25")).stderr).toContain('invalid --period: "FY 25"');
  });
});
