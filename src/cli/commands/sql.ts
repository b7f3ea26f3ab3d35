import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { booleanOption, type Command } from "../command.ts";
import { formatTable } from "../format-table.ts";

export const sqlCommand: Command = {
  name: "sql",
  summary: "run a read-only SQL query against the warehouse",
  usage: 'assay sql "<query>" [--json] [--db <file>]',
  description: `The database is opened read-only, so the query cannot change it.
Examples:
  assay sql "select count(*) as n from files" --json
  assay sql "select * from smelters limit 10"`,
  options: {
    json: { type: "boolean", description: "print an array of row objects as JSON" },
  },
  async run(ctx) {
    const query = ctx.positionals.join(" ").trim();
    if (!query) throw new AssayError('assay sql: missing query (usage: assay sql "<query>" [--json])', { exitCode: 2 });
    let db: Database;
    try {
      db = await Database.open(ctx.dbPath, { readOnly: true });
    } catch (error) {
      throw new AssayError(
        `assay sql: cannot open database ${ctx.dbPath}: ${(error as Error).message.split("\n")[0]} (run assay ingest or assay build first)`,
        { exitCode: 2 },
      );
    }
    try {
      const rows = await db.all(query).catch((error: Error) => {
        throw new AssayError(`assay sql: ${error.message.split("\n")[0]}`, { exitCode: 1 });
      });
      ctx.io.out(booleanOption(ctx, "json") ? `${JSON.stringify(rows)}\n` : formatTable(rows));
      return 0;
    } finally {
      db.close();
    }
  },
};
