import type { Command } from "../command.ts";
import { buildCommand } from "./build.ts";
import { matchCommand } from "./match.ts";
import { referenceCommand } from "./reference.ts";
import { sqlCommand } from "./sql.ts";

// Each command lives in its own file; register it here (keep alphabetical order).
export const commands: readonly Command[] = [buildCommand, matchCommand, referenceCommand, sqlCommand];
