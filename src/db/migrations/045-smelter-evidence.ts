import type { Migration } from "./migration.ts";

// Analyst-maintained evidence about smelters (inputs.smeltersOfInterest): grievances, adverse media, NGO reports,
// "smelters of interest" lists. One row per facility, flag, source and date; scoring reads the rows dated by its as-of.
export const smelterEvidence: Migration = {
  version: 45,
  name: "smelter-evidence",
  up: [
    `CREATE TABLE smelter_evidence (
      facility VARCHAR NOT NULL,
      cid VARCHAR,
      metal VARCHAR,
      flag VARCHAR NOT NULL,
      evidence_source VARCHAR NOT NULL,
      evidence_date DATE NOT NULL,
      note VARCHAR,
      source VARCHAR NOT NULL,
      line INTEGER NOT NULL
    )`,
  ],
};
