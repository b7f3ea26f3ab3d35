import { existsSync, readFileSync } from "node:fs";
import { AssayError } from "../../errors.ts";
import { batchLine, matchContract, type BatchRow } from "../../matching/batch.ts";
import { identify } from "../../matching/identify.ts";
import { snapshotMatchIndex } from "../../matching/index-snapshot.ts";
import { parseCsv } from "../../../loaders/reference/parse-csv.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";
import { formatTable } from "../format-table.ts";

export const matchCommand: Command = {
  name: "match",
  summary: "identify a smelter name against the RMI reference",
  usage: 'assay match "<name>" [--metal M] [--country C] [--json] | assay match --batch <file.csv> --json',
  description: `Steps, in order: exact CID, legacy ID, exact alias within the metal, fuzzy name within the metal
(legal forms, punctuation, case, diacritics, transliteration, token order, typos), country as evidence.
Decision: matched | ambiguous | unmatched — weak or close calls are never reported as matched.
--batch reads a CSV with columns name,metal,country (optional cid) and prints one JSON object per line, in order.
If the database holds no reference, the shipped sample in data/reference/rmi is loaded first.`,
  options: {
    metal: { type: "string", value: "<metal>", description: "restrict to one metal (Gold, Tin, Cobalt, …)" },
    country: { type: "string", value: "<country>", description: "the reported country (evidence)" },
    cid: { type: "string", value: "<id>", description: "the reported smelter ID (CID or legacy ID)" },
    batch: { type: "string", value: "<file.csv>", description: "match every row of a CSV (name,metal,country)" },
    json: { type: "boolean", description: "print JSON" },
  },
  async run(ctx) {
    const batch = stringOption(ctx, "batch");
    const query = ctx.positionals.join(" ").trim();
    if (!batch && !query && !stringOption(ctx, "cid"))
      throw new AssayError(
        'assay match: missing name (usage: assay match "<name>" [--metal M] [--country C] [--json])',
        { exitCode: 2 },
      );
    // A missing database file is not created: the shipped reference is used instead. The index comes from a
    // snapshot when neither the code nor the reference changed since it was written (fast start-up).
    {
      const index = await snapshotMatchIndex(ctx.dbPath);
      if (batch) {
        if (!existsSync(batch)) throw new AssayError(`assay match: no such file: ${batch}`, { exitCode: 2 });
        const records = parseCsv(readFileSync(batch, "utf8"));
        const header = (records[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
        const col = (n: string) => header.indexOf(n);
        if (col("name") < 0)
          throw new AssayError(
            `${batch}:1: missing column name: ${JSON.stringify(records[0]?.fields.join(",") ?? "")} (expected header name,metal,country)`,
            { exitCode: 2 },
          );
        const get = (f: string[], n: string) => (col(n) >= 0 ? (f[col(n)] ?? null) : null);
        const rows: BatchRow[] = records.slice(1).map((r) => ({
          name: get(r.fields, "name") ?? "",
          metal: get(r.fields, "metal"),
          country: get(r.fields, "country"),
          cid: get(r.fields, "cid"),
        }));
        // Lines go out a thousand at a time: a large batch streams instead of being held to the end.
        for (let i = 0; i < rows.length; i += 1000)
          ctx.io.out(
            `${rows
              .slice(i, i + 1000)
              .map((row) => batchLine(index, row))
              .join("\n")}\n`,
          );
        return 0;
      }
      const result = identify(index, {
        name: query,
        metal: stringOption(ctx, "metal"),
        country: stringOption(ctx, "country"),
        id: stringOption(ctx, "cid"),
      });
      if (booleanOption(ctx, "json")) {
        ctx.io.out(`${JSON.stringify(matchContract(query, result))}\n`);
      } else {
        ctx.io.out(`${result.decision}: ${JSON.stringify(query)}\n`);
        if (result.matches.length) {
          ctx.io.out(
            formatTable(
              result.matches.map(({ cid, name, metal, country, score, method, status, listedIn }) => ({
                cid,
                name,
                metal,
                country,
                score,
                method,
                status,
                "listed in": listedIn ? `${listedIn.list} ${listedIn.vintage ?? ""}`.trim() : "",
              })),
            ),
          );
          for (const m of result.matches)
            for (const c of m.changes ?? []) {
              ctx.io.out(
                `  ${m.cid} ${c.change}${c.date ? ` ${c.date}` : ""}${c.details ? `: ${c.details.replace(/\s+/g, " ")}` : ""}${c.successors.length ? ` (→ ${c.successors.join(", ")})` : ""}\n`,
              );
            }
        }
        for (const f of result.findings) ctx.io.out(`${f.severity} ${f.code}: ${f.message}\n`);
      }
      return 0;
    }
  },
};
