import type { Migration } from "./migration.ts";

// Current declarations a scoring run could link to no supplier-master entry: never suppliers. One row per declaration
// and smelter it names (a declaration naming none has one row with a null key), with the smelter's score. A smelter
// that some supplier also reports is in smelter_scores (`in_supply_chain`); one reported only by unlinked declarations
// is scored here and nowhere else, so no supply-chain figure counts it (docs/engagement.md).
export const unlinkedReports: Migration = {
  version: 41,
  name: "unlinked-reports",
  up: [
    `CREATE TABLE unlinked_smelter_reports (
      run_id INTEGER NOT NULL,
      declaration_id VARCHAR NOT NULL,
      company_name VARCHAR,
      smelter_key VARCHAR,
      cid VARCHAR,
      name VARCHAR,
      metal VARCHAR,
      rmi_status VARCHAR,
      sanctions VARCHAR,
      score DOUBLE,
      band VARCHAR,
      in_supply_chain BOOLEAN
    )`,
  ],
};
