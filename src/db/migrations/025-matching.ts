import type { Migration } from "./migration.ts";

// The match stage (src/matching/resolve-smelter-rows.ts) writes one smelter_matches row per Smelter List row.
// `IF NOT EXISTS` / `OR REPLACE`: warehouses built before this migration already hold the stage's own copies.
export const matching: Migration = {
  version: 25,
  name: "matching",
  up: [
    `CREATE TABLE IF NOT EXISTS smelter_matches (
      declaration_id VARCHAR NOT NULL,
      "row" INTEGER NOT NULL,
      metal VARCHAR,
      cid VARCHAR,
      method VARCHAR,
      confidence DOUBLE,
      decision VARCHAR NOT NULL,
      alternatives JSON,
      findings JSON,
      reference_loads VARCHAR,
      matched_at TIMESTAMP DEFAULT current_timestamp,
      PRIMARY KEY (declaration_id, "row")
    )`,
    // A Smelter List row with the identity every later stage uses: the CID (and metal) matching resolved, else the
    // CID the supplier typed when it is on a current RMI look-up, else none. Screen, score, site and exports read
    // this view, never smelter_rows joined to smelter_matches themselves. reported_* keep what the supplier typed.
    `CREATE OR REPLACE VIEW resolved_smelter_rows AS
      SELECT s.declaration_id, s.file_hash, s."row",
             CASE WHEN m.decision = 'matched' THEN coalesce(m.metal, s.metal) ELSE s.metal END AS metal,
             coalesce(CASE WHEN m.decision = 'matched' THEN m.cid END,
                      CASE WHEN s.cid IN (SELECT cid FROM current_ref_smelters) THEN s.cid END) AS cid,
             CASE WHEN m.decision = 'matched' AND m.cid IS NOT NULL THEN 'match'
                  WHEN s.cid IN (SELECT cid FROM current_ref_smelters) THEN 'reported-cid' END AS cid_source,
             m.decision AS match_decision, m.method AS match_method, m.confidence AS match_confidence,
             s.metal AS reported_metal, s.cid AS reported_cid,
             s.lookup_name, s.name, s.country, s.id_source, s.street, s.city, s.state, s.contact_name, s.contact_email,
             s.next_steps, s.mine_names, s.mine_countries, s.recycled_scrap, s.comments
      FROM smelter_rows s
      LEFT JOIN smelter_matches m ON m.declaration_id = s.declaration_id AND m."row" = s."row"`,
    // One row per matched report, with the reference name and the declaring supplier.
    `CREATE OR REPLACE VIEW facility_reports AS
      SELECT s.cid, s.metal, r.standard_name, r.country, r.country_iso2, s.declaration_id, s."row",
             s.lookup_name AS reported_lookup_name, s.name AS reported_name, s.country AS reported_country,
             s.match_method AS method, s.match_confidence AS confidence,
             d.company_name AS supplier_name, d.supplier_key
      FROM resolved_smelter_rows s
      LEFT JOIN current_ref_smelters r ON r.cid = s.cid AND r.metal = s.metal
      LEFT JOIN declarations d ON d.declaration_id = s.declaration_id
      WHERE s.match_decision = 'matched'`,
    // Each matched facility once, with every spelling, supplier and declaration that reported it.
    `CREATE OR REPLACE VIEW facilities AS
      SELECT cid, metal, any_value(standard_name) AS standard_name, any_value(country) AS country,
             any_value(country_iso2) AS country_iso2,
             count(*) AS report_rows,
             count(DISTINCT declaration_id) AS declarations,
             count(DISTINCT coalesce(supplier_key, supplier_name, declaration_id)) AS suppliers,
             list(DISTINCT coalesce(reported_name, reported_lookup_name) ORDER BY coalesce(reported_name, reported_lookup_name)) AS reported_names,
             list(DISTINCT supplier_name ORDER BY supplier_name) FILTER (WHERE supplier_name IS NOT NULL) AS supplier_names,
             list(DISTINCT declaration_id ORDER BY declaration_id) AS declaration_ids
      FROM facility_reports GROUP BY cid, metal`,
  ],
};
