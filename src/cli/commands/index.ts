import type { Command } from "../command.ts";
import { buildCommand } from "./build.ts";
import { checkCommand } from "./check.ts";
import { diffCommand } from "./diff.ts";
import { exportCommand } from "./export.ts";
import { generateCommand } from "./generate.ts";
import { ingestCommand } from "./ingest.ts";
import { matchCommand } from "./match.ts";
import { outreachCommand } from "./outreach.ts";
import { referenceCommand } from "./reference.ts";
import { reportCommand } from "./report.ts";
import { scoreCommand } from "./score.ts";
import { screenCommand } from "./screen.ts";
import { sqlCommand } from "./sql.ts";
import { statusCommand } from "./status.ts";
import { warehouseCommand } from "./warehouse.ts";

// Each command lives in its own file; register it here (keep alphabetical order).
export const commands: readonly Command[] = [buildCommand, checkCommand, diffCommand, exportCommand, generateCommand, ingestCommand, matchCommand, outreachCommand, referenceCommand, reportCommand, scoreCommand, screenCommand, sqlCommand, statusCommand, warehouseCommand];
