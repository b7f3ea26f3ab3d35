import type { Migration } from "./migration.ts";

// One row per file `assay export` writes, naming the data vintages it was built from.
export const exportsLog: Migration = {
  version: 60,
  name: "exports",
  up: [
    `CREATE SEQUENCE IF NOT EXISTS seq_export_run START 1`,
    `CREATE TABLE export_runs (
      export_id INTEGER PRIMARY KEY DEFAULT nextval('seq_export_run'),
      kind VARCHAR NOT NULL,
      output VARCHAR NOT NULL,
      template VARCHAR,
      template_version VARCHAR,
      products VARCHAR,
      smelters INTEGER NOT NULL DEFAULT 0,
      as_of DATE NOT NULL,
      scoring_run INTEGER,
      reference_vintages JSON NOT NULL,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )`,
  ],
};
