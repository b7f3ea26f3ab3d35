import { loadConfig } from "../../config/config.ts";
import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { asOfFrom } from "../../periods/as-of.ts";
import { riskModelFor } from "../../config/risk-model.ts";
import type { Band } from "../../scoring/result.ts";
import { runScoring, type ScoringRunSummary } from "../../scoring/run.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";

const PERIOD = /^[\w.-]+$/;
const BANDS: Band[] = ["Low", "Medium", "High", "Critical", "Excluded", "Data gap"];

function bandLine(label: string, counts: Record<Band, number>, extra = ""): string {
  const total = BANDS.reduce((s, b) => s + counts[b], 0);
  const parts = BANDS.filter((b) => counts[b] > 0).map((b) => `${b} ${counts[b]}`);
  return `${label.padEnd(10)}${String(total).padStart(6)}  ${parts.join(" · ") || "none"}${extra}\n`;
}

export function formatSummary(s: ScoringRunSummary, minCoverage: number): string {
  let out = `scoring run ${s.runId} · period ${s.period} · as of ${s.asOf} · model ${s.modelVersion}\n`;
  out += bandLine("smelters", s.smelters);
  out += bandLine("suppliers", s.suppliers);
  const gap = s.lowCoverageProducts
    ? ` (${s.lowCoverageProducts} with coverage below ${Math.round(minCoverage * 100)}%)`
    : "";
  out += bandLine("products", s.products, gap);
  if (s.missing.length) out += `no data yet in: ${s.missing.join(", ")} (their factors score as unknown)\n`;
  return out;
}

export const scoreCommand: Command = {
  name: "score",
  summary: "score smelters, suppliers and products for a reporting period",
  usage: "assay score [--period P] [--as-of YYYY-MM-DD] [--model <file>] [--json]",
  description: `Reads the warehouse, scores every smelter, supplier and product with the risk model
(docs/risk-model.md) and stores the run under the reporting period with the model version and the
vintage of every reference dataset used. Earlier runs are kept; a period's latest run counts.
The period defaults to the config's "period", else the as-of year; as-of defaults to the config's
"asOf", else the period's last day (2025 → 2025-12-31) once it has passed, else today.`,
  options: {
    period: { type: "string", value: "<P>", description: "reporting period label, e.g. 2025" },
    "as-of": {
      type: "string",
      value: "<YYYY-MM-DD>",
      description: "date audit freshness and staleness are measured against",
    },
    model: {
      type: "string",
      value: "<file>",
      description: "risk model override (partial JSON; default risk-model.json if present)",
    },
    json: { type: "boolean", description: "print the run summary as JSON" },
  },
  async run(ctx) {
    const loaded = loadConfig(ctx.configPath);
    const { config } = loaded;
    const asOf = asOfFrom(stringOption(ctx, "as-of"), config, loaded.path, stringOption(ctx, "period"));
    const period = stringOption(ctx, "period") ?? config.period ?? asOf.slice(0, 4);
    if (!PERIOD.test(period)) {
      throw new AssayError(
        `assay score: invalid --period: ${JSON.stringify(period)} (expected letters, digits, '.', '_' or '-')`,
        { code: "usage", exitCode: 2 },
      );
    }
    const model = riskModelFor(loaded, stringOption(ctx, "model"));
    const db = await Database.open(ctx.dbPath);
    try {
      const summary = await runScoring(db, { period, asOf, model });
      ctx.io.out(
        booleanOption(ctx, "json")
          ? `${JSON.stringify(summary, null, 2)}\n`
          : formatSummary(summary, model.product.minCoverage),
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
