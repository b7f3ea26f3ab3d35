import type { Migration } from "./migration.ts";

// DuckDB's ART indexes on non-unique columns can come back from WAL replay after a killed process out of step with
// their table; the next DELETE of those rows then fails with "Failed to delete all rows from index" and invalidates the
// database on every later run. These columns are only joined and scanned (DuckDB's zone maps serve that), never
// looked up one row at a time, so the indexes bought nothing worth that risk.
export const noSecondaryIndexes: Migration = {
  version: 90,
  name: "no-secondary-indexes",
  up: [
    "DROP INDEX IF EXISTS bom_lines_supplier",
    "DROP INDEX IF EXISTS bom_lines_product",
    "DROP INDEX IF EXISTS outreach_events_supplier",
    "DROP INDEX IF EXISTS declarations_supplier",
    "DROP INDEX IF EXISTS smelter_rows_cid",
    "DROP INDEX IF EXISTS findings_declaration",
  ],
};
