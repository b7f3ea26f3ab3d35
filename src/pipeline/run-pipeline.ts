import { performance } from "node:perf_hooks";
import type { PipelineContext, Stage } from "./stage.ts";

export interface StageResult {
  name: string;
  summary: string;
  ms: number;
}

/** Runs stages in order, logging each summary; a failing stage stops the pipeline. */
export async function runPipeline(stages: readonly Stage[], ctx: PipelineContext): Promise<StageResult[]> {
  const results: StageResult[] = [];
  for (const stage of stages) {
    const t0 = performance.now();
    const summary = await stage.run(ctx);
    const ms = performance.now() - t0;
    results.push({ name: stage.name, summary, ms });
    ctx.log(`${stage.name.padEnd(10)} ${summary} (${(ms / 1000).toFixed(1)} s)`);
  }
  return results;
}
