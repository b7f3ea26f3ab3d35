import type { Migration } from "./migration.ts";

// Supplier scope and engagement per campaign (reporting period). One row per run; a period's current
// results are those of its latest run (see latest_engagement_runs and current_supplier_engagement).
export const engagement: Migration = {
  version: 50,
  name: "engagement",
  up: [
    `CREATE SEQUENCE IF NOT EXISTS seq_engagement_run START 1`,
    `CREATE TABLE engagement_runs (
      run_id INTEGER PRIMARY KEY DEFAULT nextval('seq_engagement_run'),
      period VARCHAR NOT NULL,
      as_of DATE NOT NULL,
      campaign_start DATE,
      campaign_end DATE,
      config JSON NOT NULL,
      started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      suppliers INTEGER NOT NULL DEFAULT 0,
      in_scope INTEGER NOT NULL DEFAULT 0,
      declarations INTEGER NOT NULL DEFAULT 0,
      unlinked INTEGER NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE supplier_engagement (
      run_id INTEGER NOT NULL,
      supplier_id VARCHAR NOT NULL,
      supplier_name VARCHAR NOT NULL,
      commodity VARCHAR,
      in_scope BOOLEAN NOT NULL,
      scope_rule VARCHAR NOT NULL,
      scope_category VARCHAR,
      reason VARCHAR NOT NULL,
      templates JSON NOT NULL,
      status VARCHAR NOT NULL,
      last_event VARCHAR,
      last_event_date DATE,
      next_action VARCHAR,
      due_date DATE,
      overdue BOOLEAN NOT NULL,
      requests INTEGER NOT NULL,
      contacts INTEGER NOT NULL,
      first_request_date DATE,
      response_date DATE,
      days_to_respond INTEGER,
      declaration_id VARCHAR,
      usable BOOLEAN NOT NULL,
      error_count INTEGER NOT NULL,
      warning_count INTEGER NOT NULL,
      PRIMARY KEY (run_id, supplier_id)
    )`,
    `CREATE TABLE engagement_metrics (
      run_id INTEGER NOT NULL,
      dimension VARCHAR NOT NULL,
      group_key VARCHAR NOT NULL,
      group_label VARCHAR NOT NULL,
      in_scope INTEGER NOT NULL,
      contacted INTEGER NOT NULL,
      responded INTEGER NOT NULL,
      responded_without_data INTEGER NOT NULL,
      usable INTEGER NOT NULL,
      delinquent INTEGER NOT NULL,
      response_rate DOUBLE NOT NULL,
      valid_share DOUBLE,
      coverage DOUBLE NOT NULL,
      median_days_to_respond DOUBLE,
      p90_days_to_respond DOUBLE,
      PRIMARY KEY (run_id, dimension, group_key)
    )`,
    `CREATE TABLE engagement_timeline (
      run_id INTEGER NOT NULL,
      granularity VARCHAR NOT NULL,
      bucket_start DATE NOT NULL,
      bucket_end DATE NOT NULL,
      in_scope INTEGER NOT NULL,
      contacted INTEGER NOT NULL,
      responded INTEGER NOT NULL,
      usable INTEGER NOT NULL,
      response_rate DOUBLE NOT NULL,
      PRIMARY KEY (run_id, granularity, bucket_start)
    )`,
    `CREATE TABLE declaration_links (
      run_id INTEGER NOT NULL,
      declaration_id VARCHAR NOT NULL,
      supplier_id VARCHAR,
      method VARCHAR,
      company_name VARCHAR,
      unique_id VARCHAR,
      file VARCHAR,
      reason VARCHAR,
      PRIMARY KEY (run_id, declaration_id)
    )`,
    `CREATE VIEW latest_engagement_runs AS
      SELECT * FROM engagement_runs r WHERE r.run_id = (SELECT max(m.run_id) FROM engagement_runs m WHERE m.period = r.period)`,
    `CREATE VIEW current_supplier_engagement AS
      SELECT r.period, r.as_of, e.* FROM supplier_engagement e JOIN latest_engagement_runs r USING (run_id)`,
    `CREATE VIEW unlinked_declarations AS
      SELECT r.period, l.declaration_id, l.company_name, l.unique_id, l.file, l.reason
      FROM declaration_links l JOIN latest_engagement_runs r USING (run_id) WHERE l.supplier_id IS NULL`,
  ],
};
