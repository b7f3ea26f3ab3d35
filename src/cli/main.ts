import { existsSync } from "node:fs";
import { AssayError } from "../errors.ts";
import { commandHelp, parseCommandArgs, type Output } from "./command.ts";
import { commands } from "./commands/index.ts";
import { terminalLines, terminalText } from "../text/terminal-text.ts";
import { isStorageError } from "../db/storage-error.ts";

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;

export const processOutput: Output = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "assay — responsible-minerals due diligence: RMI templates in, risk dashboards and reports out.",
    "",
    "Usage: assay <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `assay <command> --help` for a command's options.",
    "",
  ].join("\n");
}

/** Runs the CLI and returns the exit code. `io` is injectable for tests. */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(mainHelp());
    return name ? 0 : 2;
  }
  if (name === "--version") {
    io.out("assay 0.1.0\n");
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`assay: unknown command: ${name} (expected one of ${commands.map((c) => c.name).join(", ")})\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    const { values, positionals, given } = parseCommandArgs(command, rest);
    if (values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    // Only the default name may be absent (then the defaults apply); a file the user named must exist.
    if (given.has("config") && !existsSync(String(values.config))) {
      io.err(`assay ${name}: --config ${JSON.stringify(String(values.config))}: no such file\n`);
      return 2;
    }
    return await command.run({
      positionals,
      values,
      io,
      dbPath: String(values.db),
      configPath: String(values.config),
    });
  } catch (error) {
    if (error instanceof AssayError) {
      io.err(`${terminalLines(error.message)}\n`);
      return error.exitCode;
    }
    if (isStorageError(error)) {
      // Disk full or an I/O failure: the user's to fix, and what was not committed is read again next run.
      const hint = /space|quota|ENOSPC/i.test(firstLine(error))
        ? "free space, then run again"
        : "run again; a warehouse a killed run left is repaired when opened";
      io.err(`assay ${name}: warehouse storage failed: ${terminalText(firstLine(error))} (${hint})\n`);
      return 1;
    }
    io.err(
      `assay ${name}: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
