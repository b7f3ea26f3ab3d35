import type { Command } from "../command.ts";
import { sqlCommand } from "./sql.ts";

// Each command lives in its own file; register it here (keep alphabetical order).
export const commands: readonly Command[] = [sqlCommand];
