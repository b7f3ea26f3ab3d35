import { readFileSync } from "node:fs";
import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { parseCsv } from "../../../loaders/inputs/parse-csv.ts";
import { rateSmelterCountries } from "../../country-risk/rate-smelter-countries.ts";
import { screenReferenceSmelters } from "../../screening/screen-reference-smelters.ts";
import { ensureSanctionsLoaded } from "../../../loaders/reference/sanctions-kinds.ts";
import { loadSanctionsIndex } from "../../screening/sanctions-index-cache.ts";
import { screen, type ScreeningOptions, type ScreeningResult } from "../../screening/screen.ts";
import { countryToIso2 } from "../../text/countries.ts";
import { cleanText } from "../../text/normalize.ts";
import { booleanOption, stringOption, type Command, type CommandContext } from "../command.ts";
import { formatTable } from "../format-table.ts";

function print(ctx: CommandContext, results: readonly (ScreeningResult & { cid?: string })[], json: boolean): void {
  if (json) {
    for (const r of results) ctx.io.out(`${JSON.stringify(r)}\n`);
    return;
  }
  const rows: Record<string, unknown>[] = results.flatMap((r): Record<string, unknown>[] =>
    r.hits.length === 0
      ? [{ query: r.query, cid: r.cid ?? "", decision: r.decision, list: "", id: "", name: "", program: "", score: "" }]
      : r.hits.map((h) => ({
          query: r.query,
          cid: r.cid ?? "",
          decision: r.decision,
          list: h.list,
          id: h.id,
          name: h.name,
          program: h.program,
          score: h.score,
        })),
  );
  ctx.io.out(
    formatTable(
      rows,
      results.some((r) => r.cid) ? undefined : ["query", "decision", "list", "id", "name", "program", "score"],
    ),
  );
}

function readBatch(file: string): { name: string; country: string | null }[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new AssayError(`${file}: cannot read: ${(error as Error).message}`, { exitCode: 2 });
  }
  const { header, records } = parseCsv(text);
  const h = header.map((x) => cleanText(x)?.toLowerCase() ?? "");
  const nameAt = h.indexOf("name");
  const countryAt = h.indexOf("country");
  if (nameAt < 0)
    throw new AssayError(`${file}:1: missing column: name (expected a header row name,country)`, { exitCode: 2 });
  return records.map((r) => ({
    name: cleanText(r.fields[nameAt]) ?? "",
    country: countryAt >= 0 ? cleanText(r.fields[countryAt]) : null,
  }));
}

export const screenCommand: Command = {
  name: "screen",
  summary: "screen names or every reference smelter against sanctions lists and country programmes",
  usage: 'assay screen "<name>" [--country ISO2|name] [--json] | --batch <file.csv> | --smelters',
  description: `Lists come from the database; when it holds none, the lists shipped in data/reference/sanctions are loaded.
Decisions: hit (designated or in a sanctioned country programme), review (possible match), clear.
Examples:
  assay screen "JSC Uralelectromed" --country RU --json
  assay screen --batch suppliers.csv --json      (columns name,country; one JSON object per line, input order)
  assay screen --smelters --json                 (every reference smelter; results stored in smelter_screening,
                                                  location country risk in smelter_country_risk)`,
  options: {
    country: { type: "string", value: "<ISO2|name>", description: "country of the party screened" },
    metal: {
      type: "string",
      value: "<metal>",
      description: "metal the party supplies (applies metal-origin bans, e.g. Russian gold)",
    },
    batch: { type: "string", value: "<file.csv>", description: "screen every row of a CSV with columns name,country" },
    smelters: { type: "boolean", description: "screen every reference smelter (standard names and aliases)" },
    "all-types": { type: "boolean", description: "also screen individuals, vessels and aircraft" },
    "as-of": { type: "string", value: "<YYYY-MM-DD>", description: "date for country programmes (default: today)" },
    json: { type: "boolean", description: "print JSON (one object per line for --batch and --smelters)" },
  },
  async run(ctx) {
    const json = booleanOption(ctx, "json");
    const batch = stringOption(ctx, "batch");
    const smelters = booleanOption(ctx, "smelters");
    const name = ctx.positionals.join(" ").trim();
    if ([name !== "", batch !== undefined, smelters].filter(Boolean).length !== 1) {
      throw new AssayError(
        `assay screen: give exactly one of "<name>", --batch <file.csv> or --smelters (usage: ${screenCommand.usage})`,
        { code: "usage", exitCode: 2 },
      );
    }
    const country = stringOption(ctx, "country");
    if (country && !countryToIso2(country))
      throw new AssayError(
        `assay screen: unknown country: ${JSON.stringify(country)} (expected an ISO alpha-2/alpha-3 code or an English country name)`,
        { code: "usage", exitCode: 2 },
      );
    const asOf = stringOption(ctx, "as-of") ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      throw new AssayError(`assay screen: invalid --as-of: ${asOf} (expected YYYY-MM-DD)`, {
        code: "usage",
        exitCode: 2,
      });
    const options: ScreeningOptions = { asOf, allTypes: booleanOption(ctx, "all-types") };
    const rows = batch ? readBatch(batch) : [];
    const db = await Database.open(ctx.dbPath);
    try {
      for (const r of await ensureSanctionsLoaded(db)) ctx.io.err(`loaded ${r.detail ?? r.kind}\n`);
      const metal = stringOption(ctx, "metal") ?? null;
      const index = smelters ? null : (await loadSanctionsIndex(db)).index;
      if (smelters) {
        const { results, smelters: list } = await screenReferenceSmelters(db, options);
        await rateSmelterCountries(db, list);
        print(ctx, results, json);
      } else if (batch) {
        print(
          ctx,
          rows.map((r) => screen(index!, { name: r.name, country: r.country, metal }, options)),
          json,
        );
      } else {
        print(ctx, [screen(index!, { name, country: country ?? null, metal }, options)], json);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
