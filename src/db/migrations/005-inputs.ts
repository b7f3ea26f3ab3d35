import type { Migration } from "./migration.ts";

// Company-side inputs (supplier master, bills of materials, outreach log). Each row remembers its source
// file and line, and a reload replaces every row of that source, so loading the same file twice is a no-op.
export const inputs: Migration = {
  version: 5,
  name: "inputs",
  up: [
    `CREATE TABLE suppliers (
      supplier_id VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL,
      country VARCHAR,
      commodity VARCHAR,
      annual_spend DOUBLE,
      contact_name VARCHAR,
      contact_email VARCHAR,
      duns VARCHAR,
      declaration_name VARCHAR,
      extra VARCHAR,
      source VARCHAR NOT NULL,
      line INTEGER NOT NULL
    )`,
    `CREATE TABLE bom_lines (
      product_id VARCHAR NOT NULL,
      product_name VARCHAR,
      part_number VARCHAR NOT NULL,
      part_name VARCHAR,
      supplier_id VARCHAR NOT NULL,
      source VARCHAR NOT NULL,
      line INTEGER NOT NULL
    )`,
    `CREATE INDEX bom_lines_supplier ON bom_lines (supplier_id)`,
    `CREATE INDEX bom_lines_product ON bom_lines (product_id)`,
    `CREATE TABLE outreach_events (
      supplier_id VARCHAR NOT NULL,
      event_date DATE NOT NULL,
      channel VARCHAR,
      contact VARCHAR,
      event VARCHAR NOT NULL,
      note VARCHAR,
      source VARCHAR NOT NULL,
      line INTEGER NOT NULL
    )`,
    `CREATE INDEX outreach_events_supplier ON outreach_events (supplier_id)`,
  ],
};
