import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Database, withDatabase } from "../../src/db/database.ts";
import { exportParquet, ParquetManifest } from "../../src/exports/export-parquet.ts";
import { runCli } from "../helpers/run-cli.ts";

describe("Parquet export of the warehouse", () => {
  it("round-trips every table, including awkward text, NULLs and dates, into a folder with a quote in its name", async () => {
    // A folder name that would break a spliced SQL literal: the path must travel as a bound value.
    const out = join(mkdtempSync(join(tmpdir(), "assay-parquet-")), 'it\'s a "warehouse"; DROP TABLE files; --');
    await withDatabase(async (db) => {
      await db.insertRows(
        "suppliers",
        ["supplier_id", "name", "country", "source", "line"],
        [
          ["SUP-0001", "Väster Stellar Tooling AB", "SE", "/in/suppliers.csv", 2],
          ["SUP-0002", `=HYPERLINK("http://x","click") 'quoted' "double"`, null, "/in/suppliers.csv", 3],
        ],
      );
      const manifest = await exportParquet(db, out);
      expect(ParquetManifest.safeParse(manifest).success, "manifest matches its schema").toBe(true);
      const tables = (
        await db.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE NOT internal ORDER BY 1")
      ).map((r) => r.name);
      expect(manifest.tables.map((t) => t.table)).toEqual(tables);
      expect(readdirSync(out).filter((f) => f.endsWith(".parquet")).length).toBe(tables.length);
      expect(
        readdirSync(out).some((f) => f.endsWith(".partial")),
        "no partial files left",
      ).toBe(false);
      expect(await db.scalar("SELECT count(*) FROM files"), "the folder name executed nothing").toBe(0);

      const file = join(out, "suppliers.parquet");
      const back = await db.all(
        "SELECT supplier_id, name, country, line FROM read_parquet($file) ORDER BY supplier_id",
        { file },
      );
      const orig = await db.all("SELECT supplier_id, name, country, line FROM suppliers ORDER BY supplier_id");
      expect(back).toEqual(orig);
      expect(back[1]).toMatchObject({ name: `=HYPERLINK("http://x","click") 'quoted' "double"`, country: null });
      const suppliers = manifest.tables.find((t) => t.table === "suppliers")!;
      expect(suppliers.rows).toBe(2);
      expect(suppliers.columns.map((c) => c.name)).toContain("supplier_id");
      // Column types survive: files.ingested_at stays a TIMESTAMP, size_bytes a BIGINT.
      await db.run(
        "INSERT INTO files (file_hash, path, file_name, size_bytes, kind, status) VALUES ('ab', '/in/a.xlsx', 'a.xlsx', 12345678901, 'rmi-workbook', 'ingested')",
      );
      const files = join(out, "files.parquet");
      await exportParquet(db, out, { tables: ["files"] });
      const described = await db.all<{ column_name: string; column_type: string }>(
        "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($files))",
        { files },
      );
      const typeOf = (c: string) => described.find((d) => d.column_name === c)?.column_type;
      expect(typeOf("ingested_at")).toBe("TIMESTAMP");
      expect(typeOf("size_bytes")).toBe("BIGINT");
      expect(
        await db.all("SELECT file_hash, size_bytes, CAST(ingested_at AS VARCHAR) AS t FROM read_parquet($files)", {
          files,
        }),
      ).toEqual(await db.all("SELECT file_hash, size_bytes, CAST(ingested_at AS VARCHAR) AS t FROM files"));
    });
  });

  it("exports only the named tables and rejects unknown ones, naming the allowed values", async () => {
    await withDatabase(async (db) => {
      const out = mkdtempSync(join(tmpdir(), "assay-parquet-"));
      const manifest = await exportParquet(db, out, { tables: ["files", "suppliers"] });
      expect(manifest.tables.map((t) => t.table)).toEqual(["files", "suppliers"]);
      await expect(exportParquet(db, out, { tables: ["smelters; DROP TABLE files"] })).rejects.toThrow(
        /^unknown table: smelters; DROP TABLE files \(expected one of: .*suppliers/,
      );
    });
  });

  it("assay warehouse export writes the files from a database on disk and refuses a missing one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-wh-cli-"));
    const dbPath = join(dir, "w.duckdb");
    const missing = runCli(["warehouse", "export", "--out", join(dir, "out"), "--db", dbPath]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no database at .*w\.duckdb \(run assay build first/);
    (await Database.open(dbPath)).close();
    expect(existsSync(dbPath)).toBe(true);
    const ok = runCli(["warehouse", "export", "--out", join(dir, "out"), "--db", dbPath, "--json"]);
    expect(ok.code, ok.stderr).toBe(0);
    const manifest = ParquetManifest.parse(JSON.parse(ok.stdout));
    expect(manifest.tables.length).toBeGreaterThan(20);
    expect(JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8"))).toEqual(manifest);
    const bad = runCli(["warehouse", "dump", "--db", dbPath]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('assay warehouse: unknown subcommand: "dump" (expected: export;');
  }, 120_000);
});
