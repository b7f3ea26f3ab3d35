import type { Migration } from "./migration.ts";

// Screening and country risk of smelters as suppliers reported them, keyed like scoring's smelters: the CID when
// the row matched, else `unmatched:<metal>:<normalised name>` (src/rmi/smelter-key.ts).
export const reportedSmelters: Migration = {
  version: 32,
  name: "reported-smelters",
  up: [
    // One row per smelter key, metal and reported country: the spellings suppliers typed, screened together.
    `CREATE TABLE reported_smelter_screening (
      smelter_key VARCHAR NOT NULL,
      metal VARCHAR NOT NULL,
      country_iso2 VARCHAR NOT NULL,
      cid VARCHAR,
      name VARCHAR NOT NULL,
      spellings VARCHAR NOT NULL,
      report_rows INTEGER NOT NULL,
      decision VARCHAR NOT NULL,
      score DOUBLE NOT NULL,
      evidence VARCHAR,
      hits VARCHAR NOT NULL,
      load_ids VARCHAR NOT NULL,
      PRIMARY KEY (smelter_key, metal, country_iso2)
    )`,
    // Country risk of unmatched reported smelters: the typed location country and reported mine countries.
    `CREATE TABLE reported_country_risk (
      smelter_key VARCHAR NOT NULL,
      metal VARCHAR NOT NULL,
      basis VARCHAR NOT NULL,
      country_iso2 VARCHAR NOT NULL,
      country_name VARCHAR NOT NULL,
      covered BOOLEAN NOT NULL,
      cahra VARCHAR,
      child_labour BOOLEAN NOT NULL,
      forced_labour BOOLEAN NOT NULL,
      governance_percentile DOUBLE,
      factors VARCHAR NOT NULL,
      report_rows INTEGER NOT NULL,
      source VARCHAR,
      PRIMARY KEY (smelter_key, metal, basis, country_iso2)
    )`,
  ],
};
