import type { Command } from "../command.ts";

/** A command as listed in `assay --help`; its module is imported only when the command runs (fast start-up). */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

// Each command lives in its own file; register it here (keep alphabetical order; the test checks name and summary).
export const commands: readonly CommandEntry[] = [
  {
    name: "build",
    summary: "ingest the configured inputs, score, and build the site into dist/",
    load: async () => (await import("./build.ts")).buildCommand,
  },
  {
    name: "check",
    summary: "read one RMI template (CMRT/EMRT/CRT/AMRT) and report its contents and findings",
    load: async () => (await import("./check.ts")).checkCommand,
  },
  {
    name: "diff",
    summary: "compare two reporting periods' scoring runs",
    load: async () => (await import("./diff.ts")).diffCommand,
  },
  {
    name: "export",
    summary: "fill the official CMRT/EMRT with the company's roll-up; write SEC / EU report drafts",
    load: async () => (await import("./export.ts")).exportCommand,
  },
  {
    name: "generate",
    summary: "write a deterministic synthetic company (supplier master, BOMs, outreach log, inbox of workbooks)",
    load: async () => (await import("./generate.ts")).generateCommand,
  },
  {
    name: "ingest",
    summary: "read RMI templates (files or folders) into the database",
    load: async () => (await import("./ingest.ts")).ingestCommand,
  },
  {
    name: "match",
    summary: "identify a smelter name against the RMI reference",
    load: async () => (await import("./match.ts")).matchCommand,
  },
  {
    name: "measures",
    summary:
      "list the trade measures (export bans and licences, quotas, import bans, tariffs) in force for a mineral and country",
    load: async () => (await import("./measures.ts")).measuresCommand,
  },
  {
    name: "outreach",
    summary: "write request, reminder, escalation and clarification e-mail drafts and a mail-merge CSV",
    load: async () => (await import("./outreach.ts")).outreachCommand,
  },
  {
    name: "reference",
    summary: "load and list reference data (RMI smelter look-up, facility lists, legacy IDs)",
    load: async () => (await import("./reference.ts")).referenceCommand,
  },
  {
    name: "report",
    summary: "print the executive report, or render it to PDF with --pdf",
    load: async () => (await import("./report.ts")).reportCommand,
  },
  {
    name: "score",
    summary: "score smelters, suppliers and products for a reporting period",
    load: async () => (await import("./score.ts")).scoreCommand,
  },
  {
    name: "screen",
    summary: "screen names or every reference smelter against sanctions lists and country programmes",
    load: async () => (await import("./screen.ts")).screenCommand,
  },
  {
    name: "serve",
    summary: "serve the built site on localhost (clean URLs, as the pages expect)",
    load: async () => (await import("./serve.ts")).serveCommand,
  },
  {
    name: "sql",
    summary: "run a read-only SQL query against the warehouse",
    load: async () => (await import("./sql.ts")).sqlCommand,
  },
  {
    name: "status",
    summary: "show every supplier's scope and engagement status, and who to chase next",
    load: async () => (await import("./status.ts")).statusCommand,
  },
  {
    name: "warehouse",
    summary: "export every warehouse table to Parquet for other tools",
    load: async () => (await import("./warehouse.ts")).warehouseCommand,
  },
];
