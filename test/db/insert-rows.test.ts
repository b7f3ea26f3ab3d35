import { describe, expect, it } from "vitest";
import { withDatabase, type SqlValue } from "../../src/db/database.ts";

const many = (n: number, row: (i: number) => SqlValue[]) => Array.from({ length: n }, (_, i) => row(i));

describe("Database.insertRows", () => {
  it("stores large batches exactly as INSERT would (numbers, big integers, JSON, lists, dates, defaults)", async () => {
    await withDatabase(async (db) => {
      const ddl = (t: string) =>
        `CREATE TABLE ${t} (id INTEGER, big BIGINT, score DOUBLE, label VARCHAR, doc JSON, tags VARCHAR[], day DATE, flag BOOLEAN, made TIMESTAMP DEFAULT TIMESTAMP '2026-01-01 00:00:00')`;
      await db.run(ddl("a"));
      await db.run(ddl("b"));
      const columns = ["id", "big", "score", "label", "doc", "tags", "day", "flag"];
      const rows = many(100, (i) => [
        i,
        2 ** 40 + i,
        i / 3,
        i % 7 === 0 ? null : `name ${i}`,
        JSON.stringify({ i }),
        [`t${i}`, "x"],
        `2026-02-${String((i % 28) + 1).padStart(2, "0")}`,
        i % 2 === 0,
      ]);
      await db.insertRows("a", columns, rows);
      // The baseline: one parameterised INSERT per row (the list bound element by element).
      for (const row of rows) {
        const tags = row[5] as string[];
        await db.run(`INSERT INTO b (${columns.join(", ")}) VALUES (?, ?, ?, ?, ?, [?, ?], ?, ?)`, [
          ...row.slice(0, 5),
          ...tags,
          ...row.slice(6),
        ]);
      }
      const read = (t: string) => db.all(`SELECT *, CAST(day AS VARCHAR) AS d FROM ${t} ORDER BY id`);
      expect(await read("a")).toEqual(await read("b"));
      expect(await db.scalar("SELECT count(*) FROM a WHERE made = TIMESTAMP '2026-01-01 00:00:00'")).toBe(100);
    });
  });

  it("falls back to SQL casts for values the appender cannot take (timestamps as text, fractions into integers, sequences)", async () => {
    await withDatabase(async (db) => {
      await db.run("CREATE SEQUENCE seq START 10");
      await db.run("CREATE TABLE t (k INTEGER DEFAULT nextval('seq'), ts TIMESTAMP, n INTEGER, s VARCHAR)");
      await db.insertRows(
        "t",
        ["ts", "n", "s"],
        many(40, (i) => [`2026-03-01 10:00:${String(i % 60).padStart(2, "0")}`, i + 0.4, i]),
      );
      const rows = await db.all<{ k: number; ts: string; n: number; s: string }>(
        "SELECT k, CAST(ts AS VARCHAR) AS ts, n, s FROM t ORDER BY k",
      );
      expect(rows).toHaveLength(40);
      expect(rows[0]).toEqual({ k: 10, ts: "2026-03-01 10:00:00", n: 0, s: "0" });
      expect(rows[39]).toEqual({ k: 49, ts: "2026-03-01 10:00:39", n: 39, s: "39" });
    });
  });

  it("stores nothing of a batch whose value cannot be stored at all", async () => {
    await withDatabase(async (db) => {
      await db.run("CREATE TABLE t (n INTEGER)");
      await expect(db.insertRows("t", ["n"], [...many(50, (i) => [i]), ["not a number"]])).rejects.toThrow(
        /not a number/,
      );
      expect(await db.scalar("SELECT count(*) FROM t")).toBe(0);
    });
  });
});
