import type { Migration } from "./migration.ts";

// Country risk per reference smelter and mineral: its location and every reported mine country.
export const countryRisk: Migration = {
  version: 31,
  name: "country-risk",
  up: [
    `CREATE TABLE smelter_country_risk (
      cid VARCHAR NOT NULL,
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
      source VARCHAR,
      PRIMARY KEY (cid, metal, basis, country_iso2)
    )`,
  ],
};
