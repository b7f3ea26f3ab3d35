import type { Migration } from "./migration.ts";

export const core: Migration = {
  version: 1,
  name: "core",
  up: [
    `CREATE SEQUENCE IF NOT EXISTS seq_ingest_run START 1`,
    `CREATE TABLE ingest_runs (
      run_id INTEGER PRIMARY KEY DEFAULT nextval('seq_ingest_run'),
      started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      finished_at TIMESTAMP,
      command VARCHAR,
      files_seen INTEGER DEFAULT 0,
      files_new INTEGER DEFAULT 0,
      files_rejected INTEGER DEFAULT 0
    )`,
    // Every input file Assay has seen, keyed by content hash: re-ingesting the same bytes is a no-op.
    `CREATE TABLE files (
      file_hash VARCHAR PRIMARY KEY,
      path VARCHAR NOT NULL,
      file_name VARCHAR NOT NULL,
      size_bytes BIGINT NOT NULL,
      kind VARCHAR NOT NULL,
      status VARCHAR NOT NULL,
      reason VARCHAR,
      first_seen_run INTEGER,
      ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE TABLE file_paths (
      path VARCHAR PRIMARY KEY,
      file_hash VARCHAR NOT NULL,
      mtime_ms DOUBLE,
      size_bytes BIGINT,
      last_seen_run INTEGER
    )`,
  ],
};
