import type { Migration } from "./migration.ts";

// The inputs each derived `assay build` stage last ran on: a stage whose fingerprint is unchanged is skipped.
export const buildFingerprints: Migration = {
  version: 70,
  name: "build-fingerprints",
  up: [
    `CREATE TABLE build_fingerprints (
      stage VARCHAR NOT NULL,
      scope VARCHAR NOT NULL,
      fingerprint VARCHAR NOT NULL,
      outputs VARCHAR NOT NULL,
      as_of VARCHAR NOT NULL,
      summary VARCHAR NOT NULL,
      recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (stage, scope)
    )`,
  ],
};
