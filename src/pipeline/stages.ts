import { engagementStage } from "./stages/engagement-stage.ts";
import { incrementalStage } from "./incremental-stage.ts";
import { companyInputs, engagementInputs, scoringInputs } from "./stage-inputs.ts";
import type { Stage } from "./stage.ts";
import { decisionsStage } from "./stages/decisions-stage.ts";
import { ingestStage } from "./stages/ingest-stage.ts";
import { inputsStage } from "./stages/inputs-stage.ts";
import { matchStage } from "./stages/match-stage.ts";
import { referenceStage } from "./stages/reference-stage.ts";
import { scoreStage } from "./stages/score-stage.ts";
import { screenStage } from "./stages/screen-stage.ts";

// The steps of `assay build`, in order. Each module owns its work; this list only orders the stages.
// Derived stages re-run only when their inputs changed since their last run (src/pipeline/stage-inputs.ts).
export const buildStages: readonly Stage[] = [
  referenceStage,
  incrementalStage(inputsStage, companyInputs),
  ingestStage,
  matchStage,
  screenStage,
  decisionsStage,
  incrementalStage(engagementStage, engagementInputs),
  incrementalStage(scoreStage, scoringInputs),
];
