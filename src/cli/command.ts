import { parseArgs } from "node:util";
import { AssayError } from "../errors.ts";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  description: string;
  /** Placeholder shown in help, e.g. "<file>". */
  value?: string;
  multiple?: boolean;
  default?: string | boolean;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars go there). */
  readonly isTTY: boolean;
}

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  io: Output;
  /** The database path from --db (default .assay/assay.duckdb). */
  dbPath: string;
  /** The configuration path from --config (default assay.config.json). */
  configPath: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  description?: string;
  options: Record<string, OptionSpec>;
  run(ctx: CommandContext): Promise<number>;
}

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  db: { type: "string", value: "<file>", description: "DuckDB database file", default: ".assay/assay.duckdb" },
  config: { type: "string", value: "<file>", description: "configuration file", default: "assay.config.json" },
  help: { type: "boolean", short: "h", description: "show help for this command" },
};

export function parseCommandArgs(command: Command, argv: string[]) {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const spec: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(options)) {
    spec[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    const given = new Set(Object.keys(values));
    for (const [name, o] of Object.entries(options)) {
      if (values[name] === undefined && o.default !== undefined) (values as Record<string, unknown>)[name] = o.default;
    }
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals, given };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, "") : String(error);
    throw new AssayError(`assay ${command.name}: ${message} (see assay ${command.name} --help)`, {
      code: "usage",
      exitCode: 2,
    });
  }
}

export function commandHelp(command: Command): string {
  const lines = [`assay ${command.name} — ${command.summary}`, "", `Usage: ${command.usage}`];
  if (command.description) lines.push("", command.description.trim());
  const all = { ...command.options, ...GLOBAL_OPTIONS };
  lines.push("", "Options:");
  const rows = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.value ? ` ${o.value}` : ""}`;
    const def = o.default !== undefined && o.type === "string" ? ` (default: ${o.default})` : "";
    return [flag, `${o.description}${def}`] as const;
  });
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  return lines.join("\n") + "\n";
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === "string" ? v : undefined;
}

export function booleanOption(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}

export function listOption(ctx: CommandContext, name: string): string[] {
  const v = ctx.values[name];
  if (Array.isArray(v)) return v;
  return typeof v === "string" ? [v] : [];
}
