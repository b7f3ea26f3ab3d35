import { loadCountryRiskDatasets } from "../../../loaders/reference/country-risk-datasets.ts";
import { refreshMineCountryRisk } from "../../country-risk/refresh-mine-risk.ts";
import { locationRisks, storeSmelterCountryRisk } from "../../country-risk/smelter-country-risk.ts";
import { runIfChanged, type StageInputs } from "../incremental-stage.ts";
import { countryRiskFilesHash, mineRiskInputs, sanctionsScreeningInputs } from "../stage-inputs.ts";
import { reportedCountryRisks, storeReportedCountryRisk } from "../../country-risk/reported-country-risk.ts";
import { readReferenceSmelters } from "../../screening/reference-smelters.ts";
import { groupReportedRows, readReportedRows } from "../../screening/reported-smelters.ts";
import { loadSanctionsIndex, type LoadedSanctionsIndex } from "../../screening/sanctions-index-cache.ts";
import { screenReportedSmelters, storeReportedScreening } from "../../screening/screen-reported-smelters.ts";
import { screenSmelters, storeSmelterScreening } from "../../screening/screen-smelters.ts";
import type { PipelineContext, Stage } from "../stage.ts";

/** Runs `work` unless its inputs are unchanged since it last ran (then returns null). */
async function unlessUnchanged(
  name: string,
  inputs: StageInputs,
  ctx: PipelineContext,
  work: () => Promise<string>,
): Promise<string | null> {
  const r = await runIfChanged(name, inputs, ctx, work);
  return r.skipped ? null : r.summary;
}

/** The smelters suppliers reported, screened under their typed spellings and rated by their typed country. */
const reportedInputs: StageInputs = {
  tables: [
    "reference_loads",
    "ref_smelters",
    "ref_smelter_aliases",
    "sanctions_entries",
    "sanctions_names",
    "smelter_rows",
    "smelter_matches",
    "mines",
  ],
  outputs: ["reported_smelter_screening", "reported_country_risk"],
  scope: () => "*",
  settings: (ctx) => ({ asOf: ctx.asOf, countryRisk: countryRiskFilesHash() }),
};

/**
 * Screens every reference smelter against the sanctions lists and rates location risk (only when the reference,
 * the sanctions lists or the as-of date changed), then rates the mine countries suppliers reported (only when
 * declarations changed), then screens and rates the smelters as suppliers reported them — the spellings they typed
 * and, for rows matching no RMI facility, the typed country (when declarations, reference or lists changed).
 */
export const screenStage: Stage = {
  name: "screen",
  async run(ctx) {
    const { db, asOf } = ctx;
    let countryData: ReturnType<typeof loadCountryRiskDatasets> | null = null;
    const countries = () => (countryData ??= loadCountryRiskDatasets());
    let sanctions: Promise<LoadedSanctionsIndex> | null = null;
    const lists = () => (sanctions ??= loadSanctionsIndex(db));
    const screened = await unlessUnchanged("screen", sanctionsScreeningInputs, ctx, async () => {
      const { index, loadIds } = await lists();
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
    const reported = await unlessUnchanged("screen:reported", reportedInputs, ctx, async () => {
      const { index, loadIds } = await lists();
      const groups = groupReportedRows(await readReportedRows(db), await readReferenceSmelters(db));
      const results = screenReportedSmelters(index, groups, { asOf });
      await storeReportedScreening(db, results, loadIds);
      const risks = reportedCountryRisks(groups, countries());
      await storeReportedCountryRisk(db, risks);
      const hits = results.filter((r) => r.decision === "hit").length;
      const review = results.filter((r) => r.decision === "review").length;
      return `${results.length} reported spelling group(s) screened: ${hits} hit, ${review} review; ${risks.length} reported-country rating(s)`;
    });
    return [
      screened ?? "sanctions screening skipped (reference, lists and as-of unchanged)",
      mines ?? "mine countries unchanged",
      reported ?? "reported smelters unchanged",
    ].join("; ");
  },
};
