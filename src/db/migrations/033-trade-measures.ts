import type { Migration } from "./migration.ts";

// Trade measures (export bans and licences, quotas, import bans, tariffs) per mineral and jurisdiction. Each list file
// is its own list: a newer load of the same file name replaces it, a file of another name adds its measures.
export const tradeMeasures: Migration = {
  version: 33,
  name: "trade-measures",
  up: [
    `CREATE TABLE trade_measures (
      load_id INTEGER NOT NULL,
      line INTEGER NOT NULL,
      mineral VARCHAR NOT NULL,
      imposer VARCHAR NOT NULL,
      measure_type VARCHAR NOT NULL,
      description VARCHAR NOT NULL,
      origin VARCHAR,
      effective_from DATE NOT NULL,
      effective_to DATE,
      effective_from_text VARCHAR NOT NULL,
      effective_to_text VARCHAR NOT NULL,
      source_url VARCHAR,
      PRIMARY KEY (load_id, line)
    )`,
    `CREATE VIEW current_trade_measures AS
      SELECT t.*, l.source_file, CAST(l.vintage AS VARCHAR) AS vintage FROM trade_measures t JOIN reference_loads l USING (load_id)
      WHERE l.load_id = (SELECT max(m.load_id) FROM reference_loads m WHERE m.kind = 'trade-measures' AND m.source_file = l.source_file)`,
  ],
};
