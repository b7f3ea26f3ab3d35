import type { Migration } from "./migration.ts";
import { core } from "./001-core.ts";
import { inputs } from "./005-inputs.ts";
import { decisions } from "./009-decisions.ts";
import { declarations } from "./010-declarations.ts";
import { answerMeanings } from "./015-answer-meanings.ts";
import { reference } from "./020-reference.ts";
import { matching } from "./025-matching.ts";
import { sanctions } from "./030-sanctions.ts";
import { countryRisk } from "./031-country-risk.ts";
import { reportedSmelters } from "./032-reported-smelters.ts";
import { tradeMeasures } from "./033-trade-measures.ts";
import { decisionEvidence } from "./036-decision-evidence.ts";
import { scoring } from "./040-scoring.ts";
import { unlinkedReports } from "./041-unlinked-reports.ts";
import { smelterEvidence } from "./045-smelter-evidence.ts";
import { engagement } from "./050-engagement.ts";
import { exportsLog } from "./060-exports.ts";
import { buildFingerprints } from "./070-build-fingerprints.ts";
import { noSecondaryIndexes } from "./090-no-secondary-indexes.ts";
import { canonicalMetals } from "./091-canonical-metals.ts";

export type { Migration };

// Version ranges: 1–9 core, 10–19 workbooks/declarations, 20–29 reference & matching,
// 30–39 sanctions & country risk, 40–49 scoring, 50–59 engagement, 60–69 exports, 70–79 scale, 90–99 storage upkeep.
export const migrations: readonly Migration[] = [
  core,
  inputs,
  decisions,
  declarations,
  answerMeanings,
  reference,
  matching,
  sanctions,
  countryRisk,
  reportedSmelters,
  tradeMeasures,
  decisionEvidence,
  scoring,
  unlinkedReports,
  smelterEvidence,
  engagement,
  exportsLog,
  buildFingerprints,
  noSecondaryIndexes,
  canonicalMetals,
];
