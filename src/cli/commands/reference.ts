import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { addReferenceFile, REFERENCE_KINDS } from "../../../loaders/reference/kinds.ts";
import { reportListChanges } from "../../screening/list-changes.ts";
import { loadShippedReference } from "../../../loaders/reference/shipped.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";
import { formatTable } from "../format-table.ts";

export const referenceCommand: Command = {
  name: "reference",
  summary: "load and list reference data (RMI smelter look-up, facility lists, legacy IDs)",
  usage:
    "assay reference add <file>... [--kind K] | assay reference shipped | assay reference list [--json] | assay reference kinds",
  description: `add      detect each file's kind and load it (an RMI template .xlsx: its Smelter Look-up sheet, the
         user's current template being the source of truth; RMI facility list CSVs; the 2014 legacy IDs;
         sanctions lists; trade-measures CSVs in the layout of data/reference/trade)
shipped  load the sample reference in data/reference/rmi (a no-op for files already loaded)
list     every load with its kind, source file, vintage and row count (the newest of each kind is current)
kinds    the file kinds 'add' recognises
Loading the same bytes again adds nothing; a different file of the same kind becomes current and history is kept.`,
  options: {
    kind: { type: "string", value: "<kind>", description: "skip detection and load as this kind" },
    json: { type: "boolean", description: "print JSON" },
  },
  async run(ctx) {
    const [sub, ...files] = ctx.positionals;
    if (sub === "kinds") {
      ctx.io.out(formatTable(REFERENCE_KINDS.map((k) => ({ kind: k.kind, description: k.description ?? "" }))));
      return 0;
    }
    if (!sub || !["add", "shipped", "list"].includes(sub))
      throw new AssayError(
        `assay reference: unknown subcommand: ${sub ?? "(none)"} (expected add, shipped, list or kinds)`,
        { exitCode: 2 },
      );
    if (sub === "add" && files.length === 0)
      throw new AssayError("assay reference add: missing file (usage: assay reference add <file>...)", { exitCode: 2 });
    const db = await Database.open(ctx.dbPath);
    try {
      if (sub === "list") {
        const rows =
          await db.all(`SELECT l.load_id, l.kind, l.source_file, CAST(l.vintage AS VARCHAR) AS vintage, CAST(l.loaded_at AS VARCHAR) AS loaded_at, l.row_count,
            c.load_id IS NOT NULL AS current, l.detail FROM reference_loads l LEFT JOIN current_reference_loads c USING (load_id) ORDER BY l.load_id`);
        ctx.io.out(booleanOption(ctx, "json") ? `${JSON.stringify(rows)}\n` : formatTable(rows));
        return 0;
      }
      const results = sub === "shipped" ? await loadShippedReference(db) : [];
      for (const f of sub === "add" ? files : [])
        results.push(await reportListChanges(db, await addReferenceFile(db, f, stringOption(ctx, "kind"))));
      if (booleanOption(ctx, "json")) ctx.io.out(`${JSON.stringify(results)}\n`);
      else {
        for (const r of results) {
          ctx.io.out(
            `${r.loadId === null ? "unchanged" : `load ${r.loadId}`}  ${r.kind}  ${r.detail ?? `${r.rows} rows`}\n`,
          );
          for (const issue of r.issues ?? []) ctx.io.err(`warning: ${issue}\n`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
