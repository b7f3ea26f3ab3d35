import { loadCountryRiskDatasets } from "../../country-risk/datasets.ts";
import { refreshMineCountryRisk } from "../../country-risk/refresh-mine-risk.ts";
import { locationRisks, storeSmelterCountryRisk } from "../../country-risk/smelter-country-risk.ts";
import { lastFingerprint, recordFingerprint, stageFingerprint } from "../../scale/incremental-stage.ts";
import { mineRiskInputs, sanctionsScreeningInputs } from "../../scale/stage-inputs.ts";
import { currentSanctionsLoads, readSanctionsEntries } from "../../screening/read-sanctions.ts";
import { readReferenceSmelters } from "../../screening/reference-smelters.ts";
import { buildSanctionsIndex } from "../../screening/sanctions-index.ts";
import { screenSmelters, storeSmelterScreening } from "../../screening/screen-smelters.ts";
import type { PipelineContext, Stage } from "../stage.ts";

/** Runs `work` unless its inputs are unchanged since it last ran (then returns null). */
async function unlessUnchanged(name: string, inputs: typeof mineRiskInputs, ctx: PipelineContext, work: () => Promise<string>): Promise<string | null> {
  const f = await stageFingerprint(name, inputs, ctx);
  const last = await lastFingerprint(ctx.db, f.stage, f.scope);
  if (!ctx.full && last?.fingerprint === f.value) return null;
  const summary = await work();
  await recordFingerprint(ctx.db, f, ctx.asOf, summary);
  return summary;
}

/**
 * Screens every reference smelter against the sanctions lists and rates location risk (only when the reference,
 * the sanctions lists or the as-of date changed), then rates the mine countries suppliers reported (only when
 * declarations changed).
 */
export const screenStage: Stage = {
  name: "screen",
  async run(ctx) {
    const { db, asOf } = ctx;
    let countryData: ReturnType<typeof loadCountryRiskDatasets> | null = null;
    const countries = () => (countryData ??= loadCountryRiskDatasets());
    const screened = await unlessUnchanged("screen", sanctionsScreeningInputs, ctx, async () => {
      const loadIds = await currentSanctionsLoads(db);
      const index = buildSanctionsIndex(await readSanctionsEntries(db, loadIds));
      const list = await readReferenceSmelters(db);
      const results = screenSmelters(index, list, { asOf });
      await storeSmelterScreening(db, results, list, loadIds);
      await storeSmelterCountryRisk(db, locationRisks(list, countries()), ["location"]);
      const hits = results.filter((r) => r.decision === "hit").length;
      const review = results.filter((r) => r.decision === "review").length;
      return `${results.length} reference smelter(s) screened: ${hits} hit, ${review} review`;
    });
    const mines = await unlessUnchanged("screen:mine-countries", mineRiskInputs, ctx, async () => {
      const n = await refreshMineCountryRisk(db, countries());
      return `${n} mine-country rating(s)`;
    });
    return [screened ?? "sanctions screening skipped (reference, lists and as-of unchanged)", mines ?? "mine countries unchanged"].join("; ");
  },
};
