import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";
import { resolveSmelterRows } from "../../src/matching/resolve-smelter-rows.ts";
import { loadShippedReference } from "../../loaders/reference/shipped.ts";

describe("resolveSmelterRows", () => {
  it("stores a match per row and groups spellings into one facility with its suppliers", async () => {
    await withDatabase(async (db) => {
      await loadShippedReference(db);
      await db.run(`INSERT INTO declarations (declaration_id, file_hash, file, file_name, template, version, company_name, error_count, warning_count)
        VALUES ('1', 'h1', 'a.xlsx', 'a.xlsx', 'CMRT', '6.5', 'Acme Corp', 0, 0), ('2', 'h2', 'b.xlsx', 'b.xlsx', 'CMRT', '6.4', 'Globex Ltd', 0, 0)`);
      await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, lookup_name, name, country, cid) VALUES
        ('1', 'h1', 5, 'Tungsten', 'Wolfram Bergbau und Hütten AG', NULL, 'AUSTRIA', 'CID002044'),
        ('2', 'h2', 5, 'Tungsten', 'Smelter not listed', 'WOLFRAM BERGBAU UND HUETTEN', 'Austria', NULL),
        ('2', 'h2', 6, 'Gold', 'Smelter not listed', 'Apple Inc.', 'USA', NULL),
        ('2', 'h2', 7, 'Tin', NULL, NULL, NULL, 'CID999999'),
        ('1', 'h1', 6, 'Gold', '8853 S.p.A.', NULL, 'JAPAN', 'CID002763')`);
      expect(await resolveSmelterRows(db)).toEqual({ resolved: 5 });
      expect(await resolveSmelterRows(db), "rows already matched are skipped").toEqual({ resolved: 0 });
      const m = await db.all(
        `SELECT declaration_id, "row", cid, method, decision, findings FROM smelter_matches ORDER BY declaration_id, "row"`,
      );
      expect(m.map((r) => [r.declaration_id, r.row, r.cid, r.method, r.decision])).toEqual([
        ["1", 5, "CID002044", "cid", "matched"],
        ["1", 6, "CID002763", "cid", "matched"],
        ["2", 5, "CID002044", "fuzzy", "matched"],
        ["2", 6, null, null, "unmatched"],
        ["2", 7, null, null, "unmatched"],
      ]);
      expect(String(m[1]!.findings)).toContain("cid-country-mismatch");
      const f = await db.one<{
        cid: string;
        declarations: number;
        suppliers: number;
        supplier_names: string[];
        reported_names: string[];
      }>("SELECT cid, declarations, suppliers, supplier_names, reported_names FROM facilities WHERE cid = 'CID002044'");
      expect(f).toMatchObject({ declarations: 2, suppliers: 2, supplier_names: ["Acme Corp", "Globex Ltd"] });
      expect(f!.reported_names).toEqual(["WOLFRAM BERGBAU UND HUETTEN", "Wolfram Bergbau und Hütten AG"]);

      // A supplier's later file under another spelling of its own name is the same supplier (supplier_key).
      await db.run("UPDATE declarations SET supplier_key = 'acme corp|' WHERE declaration_id = '1'");
      await db.run(`INSERT INTO declarations (declaration_id, file_hash, file, file_name, template, version, company_name, supplier_key, error_count, warning_count)
        VALUES ('3', 'h3', 'c.xlsx', 'c.xlsx', 'CMRT', '6.5', 'ACME CORPORATION', 'acme corp|', 0, 0)`);
      await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, lookup_name, name, country, cid) VALUES
        ('3', 'h3', 5, 'Tungsten', 'Smelter not listed', 'Wolfram Bergbau & Huetten GmbH', 'Austria', NULL)`);
      expect(await resolveSmelterRows(db)).toEqual({ resolved: 1 });
      const again = await db.one<{
        declarations: number;
        suppliers: number;
        supplier_names: string[];
        reported_names: string[];
      }>("SELECT declarations, suppliers, supplier_names, reported_names FROM facilities WHERE cid = 'CID002044'");
      expect(again).toMatchObject({
        declarations: 3,
        suppliers: 2,
        supplier_names: ["ACME CORPORATION", "Acme Corp", "Globex Ltd"],
      });
      expect(again!.reported_names).toHaveLength(3);
    });
  });

  it("gives every Smelter List row one resolved identity: the match, else a reference CID typed, else none", async () => {
    await withDatabase(async (db) => {
      await loadShippedReference(db);
      await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, lookup_name, name, country, cid) VALUES
        ('1', 'h1', 5, 'Tungsten', 'Smelter not listed', 'WOLFRAM BERGBAU UND HUETTEN', 'Austria', NULL),
        ('1', 'h1', 6, 'Gold', 'Smelter not listed', 'Apple Inc.', 'USA', NULL),
        ('1', 'h1', 7, 'Tin', NULL, NULL, NULL, 'CID999999')`);
      await resolveSmelterRows(db);
      // Ingested after the match stage ran: no match yet, but the CID typed is on the RMI look-up.
      await db.run(`INSERT INTO smelter_rows (declaration_id, file_hash, "row", metal, lookup_name, name, country, cid) VALUES
        ('1', 'h1', 8, 'Tungsten', 'Wolfram Bergbau und Hütten AG', NULL, 'AUSTRIA', 'CID002044')`);
      const rows = await db.all(
        `SELECT "row", metal, cid, cid_source, match_decision, match_method, reported_metal, reported_cid FROM resolved_smelter_rows ORDER BY "row"`,
      );
      expect(rows.map((r) => [r.row, r.cid, r.cid_source, r.match_decision, r.match_method, r.reported_cid])).toEqual([
        [5, "CID002044", "match", "matched", "fuzzy", null],
        [6, null, null, "unmatched", null, null],
        [7, null, null, "unmatched", null, "CID999999"],
        [8, "CID002044", "reported-cid", null, null, "CID002044"],
      ]);
      expect(rows.every((r) => r.metal === r.reported_metal || r.cid_source === "match")).toBe(true);
    });
  });
});
