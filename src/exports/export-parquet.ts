import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { quoteIdentifier, type Database } from "../db/database.ts";
import { AssayError } from "../errors.ts";

export const ParquetFile = z.object({
  table: z.string(),
  file: z.string(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
});
export type ParquetFile = z.infer<typeof ParquetFile>;

export const ParquetManifest = z.object({
  format: z.literal("assay-warehouse-parquet/1"),
  schemaVersion: z.number().int(),
  tables: z.array(ParquetFile),
});
export type ParquetManifest = z.infer<typeof ParquetManifest>;

const SAFE_TABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The warehouse's base tables (views are derived from them and left out). */
export async function warehouseTables(db: Database): Promise<string[]> {
  return db.baseTables();
}

/**
 * Writes every table (or the named ones) to `<outDir>/<table>.parquet` plus manifest.json (tables, row counts,
 * column types). Each file is written under a temporary name and renamed, so a reader never sees half a file.
 * The path is a bound parameter of COPY, never spliced into the SQL.
 */
export async function exportParquet(
  db: Database,
  outDir: string,
  options: { tables?: readonly string[] } = {},
): Promise<ParquetManifest> {
  const dir = resolve(outDir);
  if (/[\0\r\n]/.test(dir))
    throw new AssayError(
      `invalid output folder: ${JSON.stringify(outDir)} (expected a path without control characters)`,
      { code: "usage", exitCode: 2 },
    );
  const all = await warehouseTables(db);
  const wanted = options.tables ?? all;
  const unknown = wanted.filter((t) => !all.includes(t));
  if (unknown.length > 0)
    throw new AssayError(`unknown table: ${unknown.join(", ")} (expected one of: ${all.join(", ")})`, {
      code: "usage",
      exitCode: 2,
    });
  mkdirSync(dir, { recursive: true });
  const tables: ParquetFile[] = [];
  for (const table of wanted) {
    if (!SAFE_TABLE.test(table)) continue;
    const file = join(dir, `${table}.parquet`);
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    await db.run(`COPY (SELECT * FROM ${quoteIdentifier(table)}) TO $file (FORMAT parquet, COMPRESSION zstd)`, {
      file: partial,
    });
    renameSync(partial, file);
    const rows = Number(await db.scalar(`SELECT count(*) FROM ${quoteIdentifier(table)}`));
    const columns = await db.columnTypes(table);
    tables.push({ table, file: `${table}.parquet`, rows, bytes: statSync(file).size, columns });
  }
  const schemaVersion = Number((await db.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations")) ?? 0);
  const manifest: ParquetManifest = { format: "assay-warehouse-parquet/1", schemaVersion, tables };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
