import { AssayError } from "../../errors.ts";
import type { Declaration } from "../../rmi/declaration.ts";
import { readTemplate } from "../../../loaders/template/read-template.ts";
import { UnreadableWorkbook } from "../../../loaders/xlsx/unreadable-workbook.ts";
import { MAX_FILE_BYTES } from "../../../loaders/ingest/read-file.ts";
import { FileTooLarge, NotRegularFile, readRegularFile } from "../../../loaders/sources/read-regular-file.ts";
import { terminalText } from "../../text/terminal-text.ts";
import { booleanOption, stringOption, type Command } from "../command.ts";

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function describe(d: Declaration): string {
  const c = d.company;
  const lines = [
    `${d.file}: ${d.template} ${d.version}`,
    `  company    ${c.name ?? "(empty)"}${c.uniqueId ? ` [${c.uniqueId}]` : ""}`,
    `  scope      ${c.scope ?? "(empty)"}${c.scopeDescription ? ` — ${c.scopeDescription}` : ""}`,
    `  effective  ${c.effectiveDate ?? "(empty)"}`,
    `  minerals   ${d.minerals.join(", ") || "(none in scope)"}`,
    `  smelters ${d.smelters.length}, products ${d.products.length}, mines ${d.mines.length}`,
  ];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of d.findings) counts[f.severity]++;
  lines.push(`  findings   ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`);
  for (const f of d.findings) {
    const where = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ""}` : "workbook";
    lines.push(`  ${f.severity.padEnd(7)} ${f.code.padEnd(30)} ${where.padEnd(20)} ${f.message}`);
  }
  return lines.map(terminalText).join("\n") + "\n";
}

export const checkCommand: Command = {
  name: "check",
  summary: "read one RMI template (CMRT/EMRT/CRT/AMRT) and report its contents and findings",
  usage: "assay check <file> [--json] [--as-of YYYY-MM-DD]",
  description: `Reads the workbook without touching the database. Exit 0 when it was read (findings may include
errors); exit 2 when it cannot be read as a template. Finding codes: docs/findings.md.`,
  options: {
    json: { type: "boolean", description: "print one JSON object (the declaration contract)" },
    "as-of": { type: "string", value: "<date>", description: "date for effective-date checks (default: today)" },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file || ctx.positionals.length > 1)
      throw new AssayError(`assay check: expected one file (usage: assay check <file> [--json] [--as-of YYYY-MM-DD])`, {
        exitCode: 2,
      });
    const asOf = stringOption(ctx, "as-of") ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
      throw new AssayError(`assay check: invalid --as-of: ${asOf} (expected YYYY-MM-DD)`, { exitCode: 2 });
    }
    const json = booleanOption(ctx, "json");
    let declaration: Declaration;
    try {
      declaration = readTemplate((await readRegularFile(file, MAX_FILE_BYTES)).bytes, { file, asOf });
    } catch (error) {
      const reason =
        error instanceof UnreadableWorkbook
          ? error.reason
          : error instanceof NotRegularFile
            ? `not a regular file: ${error.kind} (not opened)`
            : error instanceof FileTooLarge
              ? `file is ${error.size} bytes (limit ${MAX_FILE_BYTES})`
              : (error as NodeJS.ErrnoException).code === "ENOENT"
                ? "no such file"
                : (error as NodeJS.ErrnoException).code === "EISDIR"
                  ? "is a directory"
                  : `unexpected error: ${(error as Error).message}`;
      ctx.io.err(`${terminalText(file)}: cannot read as an RMI template: ${terminalText(reason)}\n`);
      if (json) ctx.io.out(`${JSON.stringify({ file, error: reason })}\n`);
      return 2;
    }
    ctx.io.out(json ? `${JSON.stringify(declaration)}\n` : describe(declaration));
    return 0;
  },
};
