import type { Migration } from "./migration.ts";

// What each analyst decision rested on when first applied (the list entries it cleared, the RMI facility facts it
// confirmed), so a newer reference vintage that changes that evidence expires it for good; and the audit log of
// every change of a decision's status, one row per decision per build in which it changed.
export const decisionEvidence: Migration = {
  version: 36,
  name: "decision-evidence",
  up: [
    `CREATE TABLE decision_evidence (
      decision_id VARCHAR PRIMARY KEY,
      evidence JSON NOT NULL,
      first_applied DATE NOT NULL,
      expired_detail VARCHAR
    )`,
    "CREATE SEQUENCE seq_decision_event START 1",
    `CREATE TABLE decision_events (
      event_id INTEGER PRIMARY KEY DEFAULT nextval('seq_decision_event'),
      logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      as_of DATE NOT NULL,
      decision_id VARCHAR NOT NULL,
      event VARCHAR NOT NULL,
      detail VARCHAR NOT NULL
    )`,
  ],
};
