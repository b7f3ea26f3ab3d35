import { existsSync } from "node:fs";
import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { exportParquet } from "../../exports/export-parquet.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";
import { formatTable } from "../format-table.ts";

const USAGE = "assay warehouse export --out <dir> [--table <name> ...] [--json] [--db <file>]";

export const warehouseCommand: Command = {
  name: "warehouse",
  summary: "export every warehouse table to Parquet for other tools",
  usage: USAGE,
  description: `Writes <dir>/<table>.parquet for every table of the DuckDB warehouse (or only --table ones) and
<dir>/manifest.json listing tables, row counts and column types. The database is opened read-only.
Query the files with DuckDB, pandas/pyarrow, Polars, Spark or any Parquet reader (see docs/nightly.md).
Examples:
  assay warehouse export --out warehouse/
  assay warehouse export --out warehouse/ --table smelter_scores --table supplier_scores`,
  options: {
    out: { type: "string", value: "<dir>", description: "output folder (created if missing; files are replaced)" },
    table: { type: "string", value: "<name>", multiple: true, description: "export only this table (repeatable)" },
    json: { type: "boolean", description: "print the manifest as JSON" },
  },
  async run(ctx) {
    const [sub, ...rest] = ctx.positionals;
    if (sub !== "export" || rest.length > 0) {
      throw new AssayError(
        `assay warehouse: unknown subcommand: ${JSON.stringify(ctx.positionals.join(" "))} (expected: export; usage: ${USAGE})`,
        { code: "usage", exitCode: 2 },
      );
    }
    const out = stringOption(ctx, "out");
    if (!out)
      throw new AssayError(`assay warehouse export: --out is required (usage: ${USAGE})`, {
        code: "usage",
        exitCode: 2,
      });
    if (!existsSync(ctx.dbPath))
      throw new AssayError(
        `assay warehouse export: no database at ${ctx.dbPath} (run assay build first, or pass --db <file>)`,
        { exitCode: 2 },
      );
    const tables = ctx.values.table as string[] | undefined;
    const db = await Database.open(ctx.dbPath, { readOnly: true });
    try {
      const manifest = await exportParquet(db, out, { tables });
      if (booleanOption(ctx, "json")) ctx.io.out(`${JSON.stringify(manifest)}\n`);
      else {
        ctx.io.out(formatTable(manifest.tables.map((t) => ({ table: t.table, rows: t.rows, bytes: t.bytes }))));
        ctx.io.out(`wrote ${manifest.tables.length} Parquet file(s) and manifest.json to ${out}\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
