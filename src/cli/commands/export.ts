import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadConfig } from "../../config/config.ts";
import { Database } from "../../db/database.ts";
import { asOfFrom } from "../../periods/as-of.ts";
import { AssayError } from "../../errors.ts";
import { fillTemplate } from "../../exports/fill-template.ts";
import { loadRollupInput } from "../../exports/load-rollup-input.ts";
import { reportDrafts } from "../../exports/report-drafts.ts";
import { smelterAnnexCsv } from "../../exports/smelter-annex-csv.ts";
import { DeclarationConfig, type RollupFamily } from "../../exports/rollup-input.ts";
import { rollupDeclaration } from "../../exports/rollup.ts";
import { loadVintages, vintagesLine, type Vintages } from "../../exports/vintages.ts";
import { listOption, stringOption, type Command, type CommandContext } from "../command.ts";

const USAGE =
  "assay export cmrt|emrt --template <official blank .xlsx> --out <file> [--products <list>]\n       assay export reports --out <dir>";

function isoDate(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AssayError(`assay export: invalid ${flag}: ${value} (expected YYYY-MM-DD)`, {
      code: "usage",
      exitCode: 2,
    });
  }
  return value;
}

function settings(ctx: CommandContext) {
  const loaded = loadConfig(ctx.configPath);
  const declaration = DeclarationConfig.parse(loaded.config.declaration ?? {});
  const asOf = isoDate(
    stringOption(ctx, "as-of") ??
      loaded.config.asOf ??
      asOfFrom(undefined, { period: loaded.config.period }, loaded.path),
    "--as-of",
  );
  return { loaded, declaration, asOf, period: loaded.config.period ?? asOf.slice(0, 4) };
}

async function openDatabase(ctx: CommandContext): Promise<Database> {
  if (!existsSync(ctx.dbPath)) {
    throw new AssayError(`assay export: no database at ${ctx.dbPath} (run assay build first, or pass --db <file>)`, {
      code: "usage",
      exitCode: 2,
    });
  }
  return Database.open(ctx.dbPath);
}

async function record(
  db: Database,
  kind: string,
  output: string,
  v: Vintages,
  extra: { template?: string; version?: string; products?: string[]; smelters?: number; asOf: string },
) {
  await db.run(
    `INSERT INTO export_runs (kind, output, template, template_version, products, smelters, as_of, scoring_run, reference_vintages)
     VALUES ($kind, $output, $template, $version, $products, $smelters, CAST($asOf AS DATE), $run, CAST($vintages AS JSON))`,
    {
      kind,
      output,
      template: extra.template ?? null,
      version: extra.version ?? null,
      products: extra.products?.join(",") || null,
      smelters: extra.smelters ?? 0,
      asOf: extra.asOf,
      run: v.scoringRun?.runId ?? null,
      vintages: JSON.stringify(v.reference),
    },
  );
}

async function exportTemplate(ctx: CommandContext, family: RollupFamily): Promise<number> {
  const template = stringOption(ctx, "template");
  const out = stringOption(ctx, "out");
  if (!template || !out)
    throw new AssayError(`assay export ${family.toLowerCase()}: --template and --out are required (usage: ${USAGE})`, {
      code: "usage",
      exitCode: 2,
    });
  if (!existsSync(template))
    throw new AssayError(`${template}: no such file (expected your copy of the official RMI ${family} blank)`, {
      code: "usage",
      exitCode: 2,
    });
  if (resolve(template) === resolve(out))
    throw new AssayError(`assay export: --out must differ from --template (the blank is never overwritten)`, {
      code: "usage",
      exitCode: 2,
    });
  const products = listOption(ctx, "products")
    .flatMap((p) => p.split(","))
    .map((p) => p.trim())
    .filter(Boolean);
  const { loaded, declaration, asOf } = settings(ctx);
  const db = await openDatabase(ctx);
  try {
    const input = await loadRollupInput(db, { asOf });
    const vintages = await loadVintages(db);
    const rollup = rollupDeclaration(input, { family, company: loaded.config.company, declaration, asOf, products });
    const result = fillTemplate(readFileSync(template), rollup, template);
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(out, result.bytes);
    await record(db, family.toLowerCase(), out, vintages, {
      template: family,
      version: result.version,
      products,
      smelters: result.smelters,
      asOf,
    });
    ctx.io.out(
      `${out}: ${family} ${result.version} with ${result.smelters} smelter(s)${result.mines ? `, ${result.mines} mine(s)` : ""}${result.products ? `, ${result.products} product(s)` : ""}; ${vintagesLine(vintages)}\n`,
    );
    for (const w of [...rollup.warnings, ...result.warnings]) ctx.io.err(`warning: ${w}\n`);
    return 0;
  } finally {
    db.close();
  }
}

async function exportReports(ctx: CommandContext): Promise<number> {
  const out = stringOption(ctx, "out");
  if (!out) throw new AssayError(`assay export reports: --out <dir> is required`, { code: "usage", exitCode: 2 });
  const { loaded, declaration, asOf, period } = settings(ctx);
  const db = await openDatabase(ctx);
  try {
    const { input, drafts } = await reportDrafts(db, { company: loaded.config.company, declaration, asOf, period });
    mkdirSync(out, { recursive: true });
    const files: Array<[string, string]> = [
      ...drafts.map((d) => [d.file, d.markdown] as [string, string]),
      [
        "smelter-annex.csv",
        smelterAnnexCsv(
          [...(input.cmrt?.smelters ?? []), ...(input.emrt?.smelters ?? [])],
          input.cmrt?.periodEnd ?? asOf,
        ),
      ],
    ];
    for (const [name, text] of files) {
      writeFileSync(join(out, name), text);
      await record(db, `report:${name}`, join(out, name), input.vintages, {
        asOf,
        smelters: (input.cmrt?.smelters.length ?? 0) + (input.emrt?.smelters.length ?? 0),
      });
    }
    ctx.io.out(`${out}: ${files.map(([n]) => n).join(", ")}; ${vintagesLine(input.vintages)}\n`);
    return 0;
  } finally {
    db.close();
  }
}

export const exportCommand: Command = {
  name: "export",
  summary: "fill the official CMRT/EMRT with the company's roll-up; write SEC / EU report drafts",
  usage: USAGE,
  description: `cmrt, emrt: derive the company's own declaration from current supplier declarations and write it into
your copy of the official RMI blank (CMRT 6.x, EMRT 2.x) without touching its dropdowns, formulas or protection.
--products restricts the roll-up to the suppliers on those products' BOMs (scope "Product").
reports: write the Form SD / Conflict Minerals Report, EU 2017/821 Article 7 and EU Batteries Regulation drafts
(Markdown) and the smelter annex (CSV). Rules and company answers: docs/exports.md.`,
  options: {
    template: { type: "string", value: "<file>", description: "the official RMI blank to fill (cmrt, emrt)" },
    out: { type: "string", value: "<path>", description: "output workbook (cmrt, emrt) or folder (reports)" },
    products: {
      type: "string",
      value: "<list>",
      multiple: true,
      description: "comma-separated product numbers for a per-product roll-up",
    },
    "as-of": {
      type: "string",
      value: "<date>",
      description: "as-of and default effective date (default: config asOf or today)",
    },
  },
  async run(ctx) {
    const [what, ...rest] = ctx.positionals;
    if (rest.length > 0 || !what)
      throw new AssayError(`assay export: expected cmrt, emrt or reports (usage: ${USAGE})`, {
        code: "usage",
        exitCode: 2,
      });
    if (what === "cmrt") return exportTemplate(ctx, "CMRT");
    if (what === "emrt") return exportTemplate(ctx, "EMRT");
    if (what === "reports") return exportReports(ctx);
    throw new AssayError(`assay export: unknown export: ${what} (expected cmrt, emrt or reports)`, {
      code: "usage",
      exitCode: 2,
    });
  },
};
