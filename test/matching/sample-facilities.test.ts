import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { Database } from "../../src/db/database.ts";
import { repoRoot } from "../helpers/paths.ts";

interface Facility {
  cid: string;
  metal: string;
  report_rows: number;
  declarations: number;
  suppliers: number;
  reported_names: string[];
  supplier_names: string[] | null;
  declaration_ids: string[];
}

// The sample company's inbox (data/sample): real-world defects, one supplier sending several files, several
// suppliers naming one facility differently.
describe("facilities on the sample build", () => {
  let db: Database;
  let facilities: Facility[];
  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "assay-sample-facilities-")), "assay.duckdb");
    const io = { out: () => {}, err: () => {}, isTTY: false };
    expect(
      await main(["ingest", path.join(repoRoot, "data/sample/inbox"), "--as-of", "2026-06-30", "--db", file], io),
    ).toBe(0);
    db = await Database.open(file);
    facilities = await db.all<Facility>("SELECT * FROM facilities ORDER BY metal, cid");
  }, 300_000);
  afterAll(() => db?.close());

  it("shows each matched facility once and accounts for every matched row", async () => {
    const matched = await db.scalar<number>("SELECT count(*) FROM smelter_matches WHERE decision = 'matched'");
    expect(facilities.length).toBeGreaterThan(100);
    expect(new Set(facilities.map((f) => `${f.metal}|${f.cid}`)).size).toBe(facilities.length);
    expect(facilities.reduce((n, f) => n + f.report_rows, 0)).toBe(matched);
  });

  it("lists every spelling, supplier and declaration of a facility reported under different spellings", async () => {
    const raw = await db.all<{
      cid: string;
      metal: string;
      spelling: string;
      declaration_id: string;
      supplier: string;
      company: string | null;
    }>(
      `SELECT m.cid, m.metal, coalesce(s.name, s.lookup_name) AS spelling, CAST(d.declaration_id AS VARCHAR) AS declaration_id,
              coalesce(d.supplier_key, CAST(d.declaration_id AS VARCHAR)) AS supplier, d.company_name AS company
       FROM smelter_rows s JOIN smelter_matches m USING (declaration_id, "row") JOIN declarations d USING (declaration_id)
       WHERE m.decision = 'matched'`,
    );
    const spelled = facilities.filter((f) => f.reported_names.length > 1);
    expect(spelled.length, "the sample has facilities typed differently by different suppliers").toBeGreaterThanOrEqual(
      2,
    );
    for (const f of spelled) {
      const mine = raw.filter((r) => r.cid === f.cid && r.metal === f.metal);
      expect(f.reported_names, f.cid).toEqual([...new Set(mine.map((r) => r.spelling))].sort());
      expect(f.declaration_ids, f.cid).toEqual([...new Set(mine.map((r) => r.declaration_id))].sort());
      expect(f.suppliers, f.cid).toBe(new Set(mine.map((r) => r.supplier)).size);
      expect(f.suppliers, f.cid).toBeGreaterThan(1);
      expect(f.supplier_names ?? [], f.cid).toEqual(
        [...new Set(mine.flatMap((r) => (r.company ? [r.company] : [])))].sort(),
      );
    }
  });

  it("counts a supplier that sent several files once (by supplier_key)", async () => {
    const repeat = await db.all<{ supplier_key: string; files: number }>(
      "SELECT supplier_key, count(*) AS files FROM declarations WHERE supplier_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 1",
    );
    expect(repeat.length).toBeGreaterThan(0);
    const collapsed = facilities.filter((f) => f.suppliers < f.declarations);
    expect(collapsed.length).toBeGreaterThan(0);
    const keyOf = new Map(
      (
        await db.all<{ id: string; k: string }>(
          "SELECT CAST(declaration_id AS VARCHAR) AS id, coalesce(supplier_key, CAST(declaration_id AS VARCHAR)) AS k FROM declarations",
        )
      ).map((d) => [d.id, d.k]),
    );
    for (const f of collapsed)
      expect(f.suppliers, f.cid).toBe(new Set(f.declaration_ids.map((id) => keyOf.get(String(id)))).size);
  });
});
