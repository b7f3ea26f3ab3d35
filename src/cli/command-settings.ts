import { existsSync } from "node:fs";
import type { CommandContext } from "./command.ts";
import { stringOption } from "./command.ts";
import { loadConfig, type AssayConfig } from "../config/config.ts";
import { Database } from "../db/database.ts";
import { AssayError } from "../errors.ts";
import { asOfFrom } from "../periods/as-of.ts";
import { parseOutreachConfig, type OutreachConfig } from "../engagement/outreach-config.ts";
import { parseScopeConfig, type ScopeConfig } from "../engagement/scope-config.ts";

const PERIOD = /^[\w.-]+$/;

export interface EngagementCommandSettings {
  asOf: string;
  period: string;
  scope: ScopeConfig;
  outreach: OutreachConfig;
  company: AssayConfig["company"];
}

/** --as-of / --period with the config's asOf / period as defaults, and the validated scope and outreach keys. */
export function engagementSettings(ctx: CommandContext, command: string): EngagementCommandSettings {
  const loaded = loadConfig(ctx.configPath);
  const { config } = loaded;
  const file = loaded.path ?? ctx.configPath;
  const asOf = asOfFrom(stringOption(ctx, "as-of"), config, loaded.path, stringOption(ctx, "period"));
  const period = stringOption(ctx, "period") ?? config.period ?? asOf.slice(0, 4);
  if (!PERIOD.test(period)) {
    throw new AssayError(
      `assay ${command}: invalid --period: ${JSON.stringify(period)} (expected letters, digits, '.', '_' or '-')`,
      { code: "usage", exitCode: 2 },
    );
  }
  return {
    asOf,
    period,
    scope: parseScopeConfig(config.scope, file),
    outreach: parseOutreachConfig(config.outreach, file),
    company: config.company,
  };
}

/** Opens the warehouse for an engagement command; a missing file is a usage error, not an empty result. */
export async function openWarehouse(ctx: CommandContext, command: string): Promise<Database> {
  if (!existsSync(ctx.dbPath)) {
    throw new AssayError(
      `assay ${command}: no database at ${ctx.dbPath} (run assay build first, or pass --db <file>)`,
      { code: "usage", exitCode: 2 },
    );
  }
  try {
    return await Database.open(ctx.dbPath);
  } catch (error) {
    throw new AssayError(
      `assay ${command}: cannot open database ${ctx.dbPath}: ${(error as Error).message.split("\n")[0]}`,
      { exitCode: 2 },
    );
  }
}
