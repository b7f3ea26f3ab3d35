import { engagementStage } from "../engagement/stage.ts";
import type { Stage } from "./stage.ts";
import { ingestStage } from "./stages/ingest-stage.ts";
import { inputsStage } from "./stages/inputs-stage.ts";
import { matchStage } from "./stages/match-stage.ts";
import { referenceStage } from "./stages/reference-stage.ts";
import { scoreStage } from "./stages/score-stage.ts";
import { screenStage } from "./stages/screen-stage.ts";

// The steps of `assay build`, in order. Each module owns its work; this list only orders the stages.
export const buildStages: readonly Stage[] = [referenceStage, inputsStage, ingestStage, matchStage, screenStage, engagementStage, scoreStage];
