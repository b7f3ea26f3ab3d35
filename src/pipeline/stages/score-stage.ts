import { riskModelFor } from "../../config/risk-model.ts";
import { runScoring } from "../../scoring/run.ts";
import type { Stage } from "../stage.ts";

/** Scores smelters, suppliers and products for the period and records the model version and data vintages. */
export const scoreStage: Stage = {
  name: "score",
  async run({ db, config, asOf, period }) {
    const s = await runScoring(db, { period, asOf, model: riskModelFor(config) });
    const high = (b: Record<string, number>) => (b.High ?? 0) + (b.Critical ?? 0);
    return `run ${s.runId}: ${high(s.smelters)} high/critical smelter(s), ${high(s.suppliers)} supplier(s), ${high(s.products)} product(s); ${s.lowCoverageProducts} product(s) with low coverage`;
  },
};
