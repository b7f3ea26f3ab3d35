import type { Stage } from "../pipeline/stage.ts";
import { loadRiskModel } from "./load-model.ts";
import { runScoring } from "./run.ts";

/** The `score` step of `assay build`: one scoring run for the pipeline's period and as-of date. */
export const scoringStage: Stage = {
  name: "score",
  async run(ctx) {
    const spec = ctx.config.config.riskModel;
    const model = loadRiskModel(typeof spec === "string" ? ctx.config.resolve(spec) : spec);
    const s = await runScoring(ctx.db, { period: ctx.period, asOf: ctx.asOf, model });
    const high = s.smelters.High + s.smelters.Critical;
    return `run ${s.runId} (${s.period}, model ${s.modelVersion}): ${high} High/Critical smelters, ${s.suppliers["Data gap"]} suppliers without an answer, ${s.lowCoverageProducts} products with low coverage`;
  },
};
