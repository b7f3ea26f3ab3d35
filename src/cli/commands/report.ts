import { resolve } from "node:path";
import { loadConfig } from "../../config/config.ts";
import { Database } from "../../db/database.ts";
import { AssayError } from "../../errors.ts";
import { reportData } from "../../site/data/report-data.ts";
import { reportMarkdown } from "../../site/data/report-markdown.ts";
import { renderReportPdf } from "../../site/report-pdf.ts";
import { stringOption, type Command } from "../command.ts";

/** The reporting company's name from the configuration, when there is one (the report names the company). */
function companyName(configPath: string): string | undefined {
  try {
    return loadConfig(configPath).config.company.name;
  } catch {
    return undefined;
  }
}

export const reportCommand: Command = {
  name: "report",
  summary: "print the executive report, or render it to PDF with --pdf",
  usage: "assay report [--pdf <file>] [--site <dir>] [--db <file>]",
  description: `Without --pdf, prints the executive report (status, top risks, required actions) as Markdown from the warehouse.
With --pdf, renders the built site's report page (assay build) to an A4 PDF with headless Chromium;
Chromium must be installed (/usr/bin/chromium, or ASSAY_CHROMIUM). The report names no supplier contacts.`,
  options: {
    pdf: { type: "string", value: "<file>", description: "write the report page as PDF to <file>" },
    site: {
      type: "string",
      value: "<dir>",
      description: "built site folder (default: config outputs.site, else dist)",
    },
  },
  async run(ctx) {
    const pdf = stringOption(ctx, "pdf");
    if (pdf !== undefined) {
      const config = loadConfig(ctx.configPath);
      const site = resolve(stringOption(ctx, "site") ?? config.resolve(config.config.outputs.site));
      const { bytes } = await renderReportPdf({ site, file: pdf });
      ctx.io.err(`report: wrote ${resolve(pdf)} (${Math.round(bytes / 1024)} KB)\n`);
      return 0;
    }
    let db: Database;
    try {
      db = await Database.open(ctx.dbPath, { readOnly: true });
    } catch (error) {
      throw new AssayError(
        `assay report: cannot open database ${ctx.dbPath}: ${(error as Error).message.split("\n")[0]} (run assay build first)`,
        { exitCode: 2 },
      );
    }
    try {
      ctx.io.out(reportMarkdown(await reportData(db, { company: companyName(ctx.configPath) })));
      return 0;
    } finally {
      db.close();
    }
  },
};
