import type { Migration } from "./migration.ts";

// Analyst decisions (inputs.decisions): who decided what, when and why, and what it overrides. The decisions stage
// evaluates each against the current warehouse (decision_status); matching, engagement and scoring apply the active ones.
export const decisions: Migration = {
  version: 9,
  name: "decisions",
  up: [
    `CREATE TABLE decisions (
      decision_id VARCHAR NOT NULL,
      action VARCHAR NOT NULL,
      subject VARCHAR NOT NULL,
      metal VARCHAR,
      value VARCHAR,
      who VARCHAR NOT NULL,
      decided_on DATE NOT NULL,
      why VARCHAR NOT NULL,
      expires_on DATE,
      source VARCHAR NOT NULL,
      line INTEGER NOT NULL
    )`,
    `CREATE TABLE decision_status (
      decision_id VARCHAR PRIMARY KEY,
      status VARCHAR NOT NULL,
      detail VARCHAR NOT NULL,
      targets JSON NOT NULL,
      as_of DATE NOT NULL
    )`,
    `CREATE VIEW active_decisions AS
      SELECT d.*, s.targets FROM decisions d JOIN decision_status s USING (decision_id) WHERE s.status = 'active'`,
  ],
};
