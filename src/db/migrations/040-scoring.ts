import type { Migration } from "./migration.ts";

// One row per scoring run; a period's results are those of its latest run (see latest_scoring_runs).
export const scoring: Migration = {
  version: 40,
  name: "scoring",
  up: [
    `CREATE SEQUENCE IF NOT EXISTS seq_scoring_run START 1`,
    `CREATE TABLE scoring_runs (
      run_id INTEGER PRIMARY KEY DEFAULT nextval('seq_scoring_run'),
      period VARCHAR NOT NULL,
      as_of DATE NOT NULL,
      model_version VARCHAR NOT NULL,
      model JSON NOT NULL,
      reference_vintages JSON NOT NULL,
      started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      smelters INTEGER NOT NULL DEFAULT 0,
      suppliers INTEGER NOT NULL DEFAULT 0,
      products INTEGER NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE smelter_scores (
      run_id INTEGER NOT NULL,
      smelter_key VARCHAR NOT NULL,
      cid VARCHAR,
      name VARCHAR NOT NULL,
      metal VARCHAR NOT NULL,
      country_iso2 VARCHAR,
      rmi_status VARCHAR NOT NULL,
      sanctions VARCHAR,
      score DOUBLE NOT NULL,
      band VARCHAR NOT NULL,
      flags JSON NOT NULL,
      reasons JSON NOT NULL,
      supplier_count INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (run_id, smelter_key)
    )`,
    `CREATE TABLE supplier_scores (
      run_id INTEGER NOT NULL,
      supplier_id VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      declaration_id VARCHAR,
      responded BOOLEAN NOT NULL,
      score DOUBLE,
      band VARCHAR NOT NULL,
      smelter_count INTEGER NOT NULL,
      reasons JSON NOT NULL,
      PRIMARY KEY (run_id, supplier_id)
    )`,
    `CREATE TABLE supplier_smelter_links (
      run_id INTEGER NOT NULL,
      supplier_id VARCHAR NOT NULL,
      smelter_key VARCHAR NOT NULL,
      PRIMARY KEY (run_id, supplier_id, smelter_key)
    )`,
    `CREATE TABLE product_scores (
      run_id INTEGER NOT NULL,
      product VARCHAR NOT NULL,
      score DOUBLE NOT NULL,
      band VARCHAR NOT NULL,
      coverage DOUBLE NOT NULL,
      data_gap BOOLEAN NOT NULL,
      suppliers_in_scope INTEGER NOT NULL,
      suppliers_answered INTEGER NOT NULL,
      reasons JSON NOT NULL,
      PRIMARY KEY (run_id, product)
    )`,
    `CREATE VIEW latest_scoring_runs AS
      SELECT * FROM scoring_runs r WHERE r.run_id = (SELECT max(m.run_id) FROM scoring_runs m WHERE m.period = r.period)`,
  ],
};
