import type { Migration } from "./migration.ts";

// Reference data keeps every load: a reload adds a new load_id, and the current_* views pick the newest load per kind.
export const reference: Migration = {
  version: 20,
  name: "reference",
  up: [
    `CREATE SEQUENCE IF NOT EXISTS seq_reference_load START 1`,
    `CREATE TABLE reference_loads (
      load_id INTEGER PRIMARY KEY DEFAULT nextval('seq_reference_load'),
      kind VARCHAR NOT NULL,
      source_file VARCHAR NOT NULL,
      vintage DATE,
      loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      row_count INTEGER NOT NULL,
      sha256 VARCHAR NOT NULL,
      detail VARCHAR
    )`,
    `CREATE TABLE ref_smelters (
      load_id INTEGER NOT NULL,
      metal VARCHAR NOT NULL,
      cid VARCHAR NOT NULL,
      standard_name VARCHAR NOT NULL,
      country VARCHAR,
      country_iso2 VARCHAR,
      source_of_id VARCHAR,
      street VARCHAR,
      city VARCHAR,
      state VARCHAR,
      PRIMARY KEY (load_id, metal, cid)
    )`,
    `CREATE TABLE ref_smelter_aliases (
      load_id INTEGER NOT NULL,
      metal VARCHAR NOT NULL,
      cid VARCHAR NOT NULL,
      alias VARCHAR NOT NULL
    )`,
    `CREATE TABLE ref_facility_status (
      load_id INTEGER NOT NULL,
      cid VARCHAR NOT NULL,
      metal VARCHAR NOT NULL,
      status VARCHAR NOT NULL,
      list VARCHAR NOT NULL,
      standard_name VARCHAR,
      country VARCHAR,
      country_iso2 VARCHAR,
      city VARCHAR,
      state VARCHAR,
      last_audit_date DATE,
      audit_cycle VARCHAR,
      reaudit_in_progress BOOLEAN,
      lbma BOOLEAN,
      rjc BOOLEAN,
      crude_cobalt_refiner BOOLEAN,
      rmi_status VARCHAR,
      risk_type VARCHAR
    )`,
    `CREATE TABLE ref_facility_revisions (
      load_id INTEGER NOT NULL,
      cid VARCHAR NOT NULL,
      metal VARCHAR,
      standard_name VARCHAR,
      country VARCHAR,
      revision VARCHAR NOT NULL,
      basis VARCHAR NOT NULL,
      details VARCHAR,
      revision_date DATE,
      added_date DATE
    )`,
    `CREATE TABLE ref_legacy_ids (
      load_id INTEGER NOT NULL,
      legacy_id VARCHAR NOT NULL,
      cid VARCHAR NOT NULL,
      metal VARCHAR,
      name VARCHAR,
      country VARCHAR
    )`,
    `CREATE VIEW current_reference_loads AS
      SELECT * FROM reference_loads l
      WHERE l.load_id = (SELECT max(m.load_id) FROM reference_loads m WHERE m.kind = l.kind)`,
    // Several look-up files may be loaded (CMRT + EMRT + CRT + AMRT); the newest load of each kind counts,
    // and a CID/metal pair present in more than one keeps the row of the newest vintage.
    `CREATE VIEW current_ref_smelters AS
      SELECT * EXCLUDE (rn) FROM (
        SELECT s.*, row_number() OVER (PARTITION BY s.metal, s.cid ORDER BY l.vintage DESC NULLS LAST, s.load_id DESC) AS rn
        FROM ref_smelters s JOIN current_reference_loads l USING (load_id)
      ) WHERE rn = 1`,
    `CREATE VIEW current_ref_smelter_aliases AS
      SELECT DISTINCT a.metal, a.cid, a.alias
      FROM ref_smelter_aliases a JOIN current_reference_loads l USING (load_id)`,
    `CREATE VIEW current_ref_facility_status AS
      SELECT s.* FROM ref_facility_status s JOIN current_reference_loads l USING (load_id)`,
    `CREATE VIEW current_ref_facility_revisions AS
      SELECT r.* FROM ref_facility_revisions r JOIN current_reference_loads l USING (load_id)`,
    `CREATE VIEW current_ref_legacy_ids AS
      SELECT g.* FROM ref_legacy_ids g JOIN current_reference_loads l USING (load_id)`,
  ],
};
