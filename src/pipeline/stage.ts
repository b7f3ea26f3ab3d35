import type { LoadedConfig } from "../config/config.ts";
import type { Database } from "../db/database.ts";

export interface PipelineContext {
  db: Database;
  config: LoadedConfig;
  /** YYYY-MM-DD; every freshness rule is evaluated against it. */
  asOf: string;
  period: string;
  log(line: string): void;
  /** Called with (done, total, label) on long work; the CLI draws a progress bar on a terminal. */
  progress(done: number, total: number, label: string): void;
  /** Re-run every derived stage even when its inputs are unchanged since its last run. */
  full?: boolean;
}

/** One step of `assay build`; returns a one-line summary. */
export interface Stage {
  name: string;
  run(ctx: PipelineContext): Promise<string>;
}
