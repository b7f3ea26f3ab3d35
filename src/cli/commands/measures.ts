import { AssayError } from "../../errors.ts";
import { Database } from "../../db/database.ts";
import { loadConfig } from "../../config/config.ts";
import { parseAsOf } from "../../periods/as-of.ts";
import { periodWindow } from "../../periods/period-window.ts";
import { countryToIso2 } from "../../text/countries.ts";
import { approximateDates, inForceDuring, type DateWindow, type TradeMeasure } from "../../trade/measures.ts";
import { currentTradeMeasures } from "../../trade/read-measures.ts";
import { symbolMineral } from "../../trade/symbols.ts";
import { loadShippedTradeMeasures, measureMineral } from "../../../loaders/reference/trade-measures.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";
import { formatTable } from "../format-table.ts";

/** The `assay measures --json` contract: one object per measure, these fields. */
export interface MeasureRow {
  mineral: string;
  imposer: string;
  measureType: string;
  origin: string | null;
  description: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  effectiveFromText: string;
  effectiveToText: string;
  approximateDates: boolean;
  sourceUrl: string | null;
  source: string;
  line: number;
  /** With --country: how the country meets the measure ("origin", "imposer" or "any origin"). */
  match?: "origin" | "imposer" | "any origin";
}

function countryMatch(m: TradeMeasure, country: string): MeasureRow["match"] | null {
  if (m.origin === country) return "origin";
  if (m.imposer === country) return "imposer";
  return m.origin === null ? "any origin" : null;
}

export const measuresCommand: Command = {
  name: "measures",
  summary:
    "list the trade measures (export bans and licences, quotas, import bans, tariffs) in force for a mineral and country",
  usage: "assay measures [--metal M] [--country C] [--as-of D] [--period P | --all] [--json]",
  description: `Lists the measures of the loaded trade-measures lists (data/reference/trade, and files added with
assay reference add) in force on the as-of date: with --period, at any time during that reporting period; with --all,
whatever their dates. --metal takes a mineral name or symbol (tungsten, W); --country a country name or ISO code, and
matches the measures on material from that country (the imposer's own export measures, import measures naming it as
origin, measures on any origin) and those the country imposes.`,
  options: {
    metal: {
      type: "string",
      value: "<mineral>",
      description: "a mineral name or element symbol (tungsten, W, rare earth elements)",
    },
    country: { type: "string", value: "<country>", description: "a country name or ISO code (CN, China, EU)" },
    "as-of": {
      type: "string",
      value: "<YYYY-MM-DD>",
      description: "the day the measures must be in force (default: config asOf, else today)",
    },
    period: {
      type: "string",
      value: "<P>",
      description: "in force at any time during this reporting period (2025, 2025-Q3) instead of one day",
    },
    all: { type: "boolean", description: "every measure whatever its dates" },
    json: {
      type: "boolean",
      description:
        "print an array of {mineral, imposer, measureType, origin, description, effectiveFrom, effectiveTo, effectiveFromText, effectiveToText, approximateDates, sourceUrl, source, line, match}",
    },
  },
  async run(ctx) {
    const config = loadConfig(ctx.configPath).config;
    const asOf = parseAsOf(stringOption(ctx, "as-of") ?? config.asOf);
    const periodArg = stringOption(ctx, "period");
    const window: DateWindow | null = booleanOption(ctx, "all")
      ? null
      : periodArg
        ? periodWindow(periodArg, asOf)
        : { from: asOf, to: asOf };
    const metalArg = stringOption(ctx, "metal");
    const metal = metalArg ? (symbolMineral(metalArg) ?? measureMineral(metalArg)).toLowerCase() : null;
    const countryArg = stringOption(ctx, "country");
    const country = countryArg
      ? /^(eu|european union)$/i.test(countryArg.trim())
        ? "EU"
        : countryToIso2(countryArg)
      : null;
    if (countryArg && !country)
      throw new AssayError(
        `assay measures: unknown country: ${JSON.stringify(countryArg)} (expected a country name or ISO 3166 code)`,
        { code: "usage", exitCode: 2 },
      );
    const db = await Database.open(ctx.dbPath);
    try {
      await loadShippedTradeMeasures(db);
      const rows: MeasureRow[] = [];
      for (const m of await currentTradeMeasures(db)) {
        if (window && !inForceDuring(m, window)) continue;
        if (metal && m.mineral.toLowerCase() !== metal) continue;
        const match = country ? countryMatch(m, country) : undefined;
        if (match === null) continue;
        rows.push({ ...m, approximateDates: approximateDates(m), ...(match ? { match } : {}) });
      }
      if (booleanOption(ctx, "json")) ctx.io.out(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        ctx.io.out(
          formatTable(
            rows.map((r) => ({
              mineral: r.mineral,
              imposer: r.imposer,
              measure: r.measureType.replace(/_/g, " "),
              origin: r.origin ?? "any",
              from: r.effectiveFromText,
              to: r.effectiveToText,
              description: r.description.length > 90 ? `${r.description.slice(0, 89)}…` : r.description,
            })),
          ),
        );
        ctx.io.out(
          `\n${rows.length} measure(s) ${window ? (window.from === window.to ? `in force on ${window.from}` : `in force during ${window.from} – ${window.to}`) : "(any date)"}\n`,
        );
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
