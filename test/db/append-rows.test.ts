import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/database.ts";

const COLUMNS = [
  "declaration_id",
  "file_hash",
  "file",
  "file_name",
  "template",
  "version",
  "effective_date",
  "minerals",
  "error_count",
  "warning_count",
];

describe("Database.appendRows", () => {
  it("appends typed rows (dates, lists, nulls) and fills the other columns with their defaults", async () => {
    await withDatabase(async (db) => {
      await db.appendRows("declarations", COLUMNS, [
        ["d1", "h1", "/in/a.xlsx", "a.xlsx", "CMRT", "6.5", "2024-02-29", ["Tin", "Gold"], 1, 2],
        ["d2", "h2", "/in/b.xlsx", "b.xlsx", "EMRT", "2.1", null, [], 0, 0],
      ]);
      const rows = await db.all(
        "SELECT declaration_id, CAST(effective_date AS VARCHAR) AS d, minerals, is_current, received_at IS NOT NULL AS stamped FROM declarations ORDER BY 1",
      );
      expect(rows).toEqual([
        { declaration_id: "d1", d: "2024-02-29", minerals: ["Tin", "Gold"], is_current: true, stamped: true },
        { declaration_id: "d2", d: null, minerals: [], is_current: true, stamped: true },
      ]);
    });
  });

  it("names table, row, column and value when a value does not fit, and rolls back with the transaction", async () => {
    await withDatabase(async (db) => {
      const bad = db.transaction(() =>
        db.appendRows("declarations", COLUMNS, [
          ["d1", "h1", "/in/a.xlsx", "a.xlsx", "CMRT", "6.5", "2024-05-02", [], 0, 0],
          ["d2", "h2", "/in/b.xlsx", "b.xlsx", "CMRT", "6.5", "02-May-2024", [], 0, 0],
        ]),
      );
      await expect(bad).rejects.toThrow(
        'appendRows(declarations): row 1, column effective_date: invalid date (expected YYYY-MM-DD): "02-May-2024"',
      );
      expect(await db.scalar<number>("SELECT count(*) FROM declarations")).toBe(0);
      await expect(db.appendRows("declarations", ["nope"], [["x"]])).rejects.toThrow(
        "appendRows(declarations): no column nope",
      );
      await db.appendRows("declarations", COLUMNS, [["d1", "h1", "/a", "a", "CMRT", "6.5", null, [], 0, 0]]);
      await expect(
        db.appendRows("declarations", COLUMNS, [["d1", "h9", "/a", "a", "CMRT", "6.5", null, [], 0, 0]]),
      ).rejects.toThrow(/Duplicate key/);
    });
  });
});
