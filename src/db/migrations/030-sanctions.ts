import type { Migration } from "./migration.ts";

// Each sanctions list load is a reference_loads row (kind ofac-sdn, ofac-consolidated, uk-sanctions, eu-sanctions).
export const sanctions: Migration = {
  version: 30,
  name: "sanctions",
  up: [
    `CREATE TABLE sanctions_entries (
      load_id INTEGER NOT NULL,
      list VARCHAR NOT NULL,
      entry_id VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      entry_type VARCHAR NOT NULL,
      programs VARCHAR,
      countries VARCHAR,
      countries_from_address BOOLEAN NOT NULL,
      remarks VARCHAR,
      designated DATE,
      PRIMARY KEY (load_id, entry_id)
    )`,
    `CREATE TABLE sanctions_names (
      load_id INTEGER NOT NULL,
      entry_id VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      name_type VARCHAR NOT NULL
    )`,
    `CREATE VIEW current_sanctions_entries AS
      SELECT e.*, l.kind, l.vintage FROM sanctions_entries e JOIN current_reference_loads l USING (load_id)`,
    `CREATE VIEW current_sanctions_names AS
      SELECT n.* FROM sanctions_names n JOIN current_reference_loads l USING (load_id)`,
    // One row per reference smelter (cid, metal): the latest screening decision; hits as JSON.
    `CREATE TABLE smelter_screening (
      cid VARCHAR NOT NULL,
      metal VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      country_iso2 VARCHAR,
      decision VARCHAR NOT NULL,
      score DOUBLE NOT NULL,
      evidence VARCHAR,
      hits VARCHAR NOT NULL,
      load_ids VARCHAR NOT NULL,
      screened_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (cid, metal)
    )`,
    // Change alerts: smelters newly designated or delisted between two loads of one list.
    `CREATE TABLE sanctions_changes (
      load_id INTEGER NOT NULL,
      previous_load_id INTEGER NOT NULL,
      list VARCHAR NOT NULL,
      change VARCHAR NOT NULL,
      cid VARCHAR NOT NULL,
      metal VARCHAR NOT NULL,
      smelter_name VARCHAR NOT NULL,
      entry_id VARCHAR NOT NULL,
      listed_name VARCHAR NOT NULL,
      program VARCHAR
    )`,
  ],
};
