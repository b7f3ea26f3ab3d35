import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig } from "../../config/config.ts";
import { Database } from "../../db/database.ts";
import { asOfFrom } from "../../periods/as-of.ts";
import { runPipeline } from "../../pipeline/run-pipeline.ts";
import { buildStages } from "../../pipeline/stages.ts";
import { builtSite, recordSite, siteFingerprint } from "../../pipeline/site-fingerprint.ts";
import { buildSite } from "../../site/build-site.ts";
import { booleanOption, stringOption, type Command, type CommandContext } from "../command.ts";
import { withWarehouseLock } from "../../pipeline/warehouse-lock.ts";
import { progressBar } from "../progress.ts";
import { REPO_ROOT } from "../../repo-root.ts";
import { terminalText } from "../../text/terminal-text.ts";

// Code the page loaders run: a change to any of it rebuilds the site even when the data did not change.
const SITE_CODE = ["src", "loaders", "observablehq.config.ts", "package-lock.json"];

export const buildCommand: Command = {
  name: "build",
  summary: "ingest the configured inputs, score, and build the site into dist/",
  usage:
    "assay build [--config <file>] [--db <file>] [--as-of YYYY-MM-DD] [--period P] [--redact] [--no-site] [--full]",
  description: `Runs the whole job: loads reference data, the supplier master, bills of materials and outreach log,
ingests new or changed supplier workbooks (unchanged files are skipped by content hash), identifies and
screens smelters, scores risk, and builds the static site with Observable Framework. Screening, engagement and
scoring re-run only when their inputs changed since their last run for the same period and as-of, and the site is
rebuilt only when the warehouse, the pages or their code changed (--full forces all of them).
The inputs come from assay.config.json (default: the bundled sample company in data/sample/).`,
  options: {
    "as-of": {
      type: "string",
      value: "YYYY-MM-DD",
      description:
        "date freshness rules are evaluated against (default: config asOf, else the end of a past period, else today)",
    },
    period: {
      type: "string",
      value: "<P>",
      description: "reporting period label (default: config period, else the as-of year)",
    },
    redact: { type: "boolean", description: "leave supplier contact names, e-mails and phones out of the site" },
    "no-site": { type: "boolean", description: "stop after scoring; do not build the site" },
    full: {
      type: "boolean",
      description: "re-run screening, engagement, scoring and the site build even when their inputs are unchanged",
    },
    out: {
      type: "string",
      value: "<dir>",
      description: "site output folder (default: config outputs.site, else dist)",
    },
    quiet: { type: "boolean", short: "q", description: "print only errors" },
  },
  async run(ctx) {
    return withWarehouseLock(
      ctx.dbPath,
      () => build(ctx),
      (pid) => {
        if (!booleanOption(ctx, "quiet"))
          ctx.io.err(`waiting for the build or ingest in process ${pid} to finish with ${ctx.dbPath}\n`);
      },
    );
  },
};

async function build(ctx: CommandContext): Promise<number> {
  const config = loadConfig(ctx.configPath);
  const asOf = asOfFrom(stringOption(ctx, "as-of"), config.config, config.path, stringOption(ctx, "period"));
  const period = stringOption(ctx, "period") ?? config.config.period ?? asOf.slice(0, 4);
  const quiet = booleanOption(ctx, "quiet");
  const log = (line: string) => {
    if (!quiet) ctx.io.err(`${terminalText(line)}\n`);
  };
  const output = resolve(stringOption(ctx, "out") ?? config.resolve(config.config.outputs.site));
  const full = booleanOption(ctx, "full");
  const redact = booleanOption(ctx, "redact");
  let site: string | null = null;
  const db = await Database.open(ctx.dbPath);
  try {
    await runPipeline(buildStages, { db, config, asOf, period, log, progress: progressBar(ctx.io), full });
    if (booleanOption(ctx, "no-site")) return 0;
    const configText = config.path && existsSync(config.path) ? readFileSync(config.path, "utf8") : null;
    site = await siteFingerprint(db, {
      root: join(REPO_ROOT, "pages"),
      output,
      redact,
      code: SITE_CODE,
      settings: { asOf, period, config: configText },
    });
    if (!full && (await builtSite(db, output)) === site) {
      log(`site       unchanged since the last build: ${output}/index.html (skipped)`);
      return 0;
    }
  } finally {
    db.close();
  }
  log(`site       building ${output}${redact ? " (redacted)" : ""}`);
  await buildSite({
    root: join(REPO_ROOT, "pages"),
    dbPath: ctx.dbPath,
    output,
    configPath: config.path ?? undefined,
    asOf,
    period,
    redact,
    log: (line) => {
      if (!quiet && /error|warn|fail/i.test(line)) ctx.io.err(`  ${terminalText(line)}\n`);
    },
  });
  const after = await Database.open(ctx.dbPath);
  try {
    await recordSite(after, output, site, asOf);
  } finally {
    after.close();
  }
  log(`site       done: ${output}/index.html`);
  return 0;
}
