import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { resolveSmelterRows } from "../../src/matching/resolve-smelter-rows.ts";
import { loadShippedReference } from "../../loaders/reference/shipped.ts";

describe("resolveSmelterRows", () => {
  it("stores a match per row and groups spellings into one facility with its suppliers", async () => {
    await withDatabase(async (db) => {
      await loadShippedReference(db);
      // The reader's migration (010) creates these tables; the test also runs before it is registered.
      const tables = new Set(await db.tableNames());
      if (!tables.has("declarations")) await db.run(`CREATE TABLE declarations (declaration_id VARCHAR PRIMARY KEY, file_hash VARCHAR, file VARCHAR, file_name VARCHAR, template VARCHAR, version VARCHAR, company_name VARCHAR, error_count INTEGER, warning_count INTEGER)`);
      if (!tables.has("smelter_rows")) await db.run(`CREATE TABLE smelter_rows (declaration_id VARCHAR, file_hash VARCHAR, "row" INTEGER, metal VARCHAR, lookup_name VARCHAR, name VARCHAR, country VARCHAR, cid VARCHAR)`);
      await db.run(`INSERT INTO declarations (declaration_id, file_hash, file, file_name, template, version, company_name, error_count, warning_count)
        VALUES ('1', 'h1', 'a.xlsx', 'a.xlsx', 'CMRT', '6.5', 'Acme Corp', 0, 0), ('2', 'h2', 'b.xlsx', 'b.xlsx', 'CMRT', '6.4', 'Globex Ltd', 0, 0)`);
      await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, lookup_name, name, country, cid) VALUES
        ('1', 'h1', 5, 'Tungsten', 'Wolfram Bergbau und Hütten AG', NULL, 'AUSTRIA', 'CID002044'),
        ('2', 'h2', 5, 'Tungsten', 'Smelter not listed', 'WOLFRAM BERGBAU UND HUETTEN', 'Austria', NULL),
        ('2', 'h2', 6, 'Gold', 'Smelter not listed', 'Apple Inc.', 'USA', NULL),
        ('2', 'h2', 7, 'Tin', NULL, NULL, NULL, 'CID003379X'),
        ('1', 'h1', 6, 'Gold', '8853 S.p.A.', NULL, 'JAPAN', 'CID002763')`);
      expect(await resolveSmelterRows(db)).toEqual({ resolved: 5 });
      expect(await resolveSmelterRows(db), "rows already matched are skipped").toEqual({ resolved: 0 });
      const m = await db.all(`SELECT declaration_id, "row", cid, method, decision, findings FROM smelter_matches ORDER BY declaration_id, "row"`);
      expect(m.map((r) => [r.declaration_id, r.row, r.cid, r.method, r.decision])).toEqual([
        ["1", 5, "CID002044", "cid", "matched"],
        ["1", 6, "CID002763", "cid", "matched"],
        ["2", 5, "CID002044", "fuzzy", "matched"],
        ["2", 6, null, null, "unmatched"],
        ["2", 7, null, null, "unmatched"],
      ]);
      expect(String(m[1]!.findings)).toContain("cid-country-mismatch");
      const f = await db.one<{ cid: string; declarations: number; suppliers: number; supplier_names: string[]; reported_names: string[] }>(
        "SELECT cid, declarations, suppliers, supplier_names, reported_names FROM facilities WHERE cid = 'CID002044'",
      );
      expect(f).toMatchObject({ declarations: 2, suppliers: 2, supplier_names: ["Acme Corp", "Globex Ltd"] });
      expect(f!.reported_names).toEqual(["WOLFRAM BERGBAU UND HUETTEN", "Wolfram Bergbau und Hütten AG"]);

      // A supplier's later file under another spelling of its own name is the same supplier (supplier_key).
      await db.run("UPDATE declarations SET supplier_key = 'acme corp|' WHERE declaration_id = '1'");
      await db.run(`INSERT INTO declarations (declaration_id, file_hash, file, file_name, template, version, company_name, supplier_key, error_count, warning_count)
        VALUES ('3', 'h3', 'c.xlsx', 'c.xlsx', 'CMRT', '6.5', 'ACME CORPORATION', 'acme corp|', 0, 0)`);
      await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, lookup_name, name, country, cid) VALUES
        ('3', 'h3', 5, 'Tungsten', 'Smelter not listed', 'Wolfram Bergbau & Huetten GmbH', 'Austria', NULL)`);
      expect(await resolveSmelterRows(db)).toEqual({ resolved: 1 });
      const again = await db.one<{ declarations: number; suppliers: number; supplier_names: string[]; reported_names: string[] }>(
        "SELECT declarations, suppliers, supplier_names, reported_names FROM facilities WHERE cid = 'CID002044'",
      );
      expect(again).toMatchObject({ declarations: 3, suppliers: 2, supplier_names: ["ACME CORPORATION", "Acme Corp", "Globex Ltd"] });
      expect(again!.reported_names).toHaveLength(3);
    });
  });
});
