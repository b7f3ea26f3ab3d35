import type { Database } from "../../src/db/database.ts";

/** The declaration columns the scoring fixtures fill. */
export const DECLARATION_COLUMNS = [
  "declaration_id",
  "file_hash",
  "file",
  "file_name",
  "template",
  "version",
  "company_name",
  "effective_date",
  "error_count",
  "warning_count",
];

// The matching stage creates smelter_matches on first use (src/matching/resolve-smelter-rows.ts); these are the columns gather.ts reads.
const ASSUMED = [
  `CREATE TABLE IF NOT EXISTS smelter_matches (declaration_id VARCHAR NOT NULL, "row" INTEGER NOT NULL, metal VARCHAR, cid VARCHAR, decision VARCHAR NOT NULL)`,
];

const JP = ["JP", "Japan", false, null, false, false, 90.5];
const CN = ["CN", "China", false, "regions", false, false, 40];
const RU = ["RU", "Russian Federation", false, null, false, false, 15];

/** A small warehouse: three reference smelters, two suppliers (one silent) and one product. Period 2024. */
export async function seedWarehouse(db: Database): Promise<void> {
  for (const sql of ASSUMED) await db.run(sql);
  await db.insertRows(
    "reference_loads",
    ["load_id", "kind", "source_file", "vintage", "row_count", "sha256"],
    [
      [1, "rmi-smelter-lookup", "rmi_smelter_lookup_CMRT_6.5.csv", "2025-04-25", 3, "aa11"],
      [2, "rmi-status-conformant", "rmi_status_2023Q1_conformant.csv", "2023-02-15", 1, "bb22"],
      [3, "ofac-sdn", "ofac_sdn_2024-05-03.csv", "2024-05-03", 1, "cc33"],
    ],
  );
  await db.insertRows(
    "ref_smelters",
    ["load_id", "metal", "cid", "standard_name", "country", "country_iso2"],
    [
      [1, "Tungsten", "CID000004", "A.L.M.T. Corp.", "JAPAN", "JP"],
      [1, "Tin", "CID001070", "China Tin Group Co., Ltd.", "CHINA", "CN"],
      [1, "Tin", "CID003397", "Novosibirsk Tin Combine", "RUSSIAN FEDERATION", "RU"],
    ],
  );
  await db.insertRows(
    "ref_facility_status",
    ["load_id", "cid", "metal", "status", "list", "last_audit_date", "audit_cycle"],
    [
      [2, "CID000004", "Tungsten", "conformant", "conformant", "2024-02-29", "1 year"],
      [2, "CID001070", "Tin", "active", "active", null, null],
    ],
  );
  await db.insertRows(
    "smelter_country_risk",
    [
      "cid",
      "metal",
      "basis",
      "country_iso2",
      "country_name",
      "covered",
      "cahra",
      "child_labour",
      "forced_labour",
      "governance_percentile",
      "factors",
      "source",
    ],
    [
      ["CID000004", "Tungsten", "location", ...JP, "[]", "wgi_2022_latest.csv"],
      ["CID001070", "Tin", "location", ...CN, "[]", "wgi_2022_latest.csv"],
      ["CID003397", "Tin", "location", ...RU, "[]", "wgi_2022_latest.csv"],
    ] as never,
  );
  await db.insertRows(
    "suppliers",
    ["supplier_id", "name", "country", "source", "line"],
    [
      ["S-001", "Hokuriku Metals K.K.", "JP", "suppliers.csv", 2],
      ["S-002", "Silent Supplier Ltd.", "DE", "suppliers.csv", 3],
    ],
  );
  await db.insertRows(
    "bom_lines",
    ["product_id", "part_number", "supplier_id", "source", "line"],
    [
      ["WF6-300", "P-1", "S-001", "bom.csv", 2],
      ["WF6-300", "P-2", "S-002", "bom.csv", 3],
    ],
  );
  await db.insertRows("declarations", DECLARATION_COLUMNS, [
    ["D-2024", "h1", "inbox/hokuriku.xlsx", "hokuriku.xlsx", "CMRT", "6.4", "Hokuriku Metals K.K.", "2024-04-26", 0, 1],
  ]);
  await db.insertRows(
    "answers",
    ["declaration_id", "file_hash", "question", "mineral", "answer"],
    [
      ["D-2024", "h1", "1", "Tungsten", "Yes"],
      ["D-2024", "h1", "2", "Tungsten", "Yes"],
      ["D-2024", "h1", "3", "Tungsten", "No"],
      ["D-2024", "h1", "4", "Tungsten", "Unknown"],
      ["D-2024", "h1", "5", "Tungsten", "No"],
      ["D-2024", "h1", "6", "Tungsten", "100%"],
      ["D-2024", "h1", "1", "Tin", "Yes"],
      ["D-2024", "h1", "2", "Tin", "Yes"],
      ["D-2024", "h1", "6", "Tin", "Greater than 90%"],
      ["D-2024", "h1", "1", "Gold", "No"],
      ["D-2024", "h1", "1", "Tantalum", "No"],
    ],
  );
  await db.insertRows(
    "company_answers",
    ["declaration_id", "file_hash", "question", "answer"],
    [
      ["D-2024", "h1", "A", "Yes"],
      ["D-2024", "h1", "E", "Yes, in conformance with IPC1755 (e.g., CMRT)"],
      ["D-2024", "h1", "G", "Yes"],
      ["D-2024", "h1", "H", "No"],
    ],
  );
  await db.insertRows(
    "smelter_rows",
    ["declaration_id", "file_hash", "row", "metal", "name", "country", "cid", "recycled_scrap"],
    [
      ["D-2024", "h1", 5, "Tungsten", "A.L.M.T. Corp.", "JAPAN", "CID000004", "No"],
      ["D-2024", "h1", 6, "Tin", "China Tin Group", "CHINA", null, "No"],
      ["D-2024", "h1", 7, "Tin", "Unknown Tin Works", "CHINA", null, null],
    ],
  );
  await db.insertRows(
    "smelter_matches",
    ["declaration_id", "row", "metal", "cid", "decision"],
    [
      ["D-2024", 5, "Tungsten", "CID000004", "matched"],
      ["D-2024", 6, "Tin", "CID001070", "matched"],
      ["D-2024", 7, "Tin", null, "unmatched"],
    ],
  );
}

/** Period 2025: China Tin becomes conformant; the supplier now also lists a sanctioned smelter. */
export async function advanceTo2025(db: Database): Promise<void> {
  await db.run(
    `UPDATE ref_facility_status SET status = 'conformant', last_audit_date = DATE '2025-03-01', audit_cycle = '1 year' WHERE cid = 'CID001070'`,
  );
  await db.insertRows(
    "smelter_rows",
    ["declaration_id", "file_hash", "row", "metal", "name", "country", "cid", "recycled_scrap"],
    [["D-2024", "h1", 8, "Tin", "Novosibirsk Tin Combine", "RUSSIA", "CID003397", "No"]],
  );
  await db.insertRows(
    "smelter_matches",
    ["declaration_id", "row", "metal", "cid", "decision"],
    [["D-2024", 8, "Tin", "CID003397", "matched"]],
  );
  await db.insertRows(
    "smelter_screening",
    ["cid", "metal", "name", "decision", "score", "evidence", "hits", "load_ids"],
    [
      [
        "CID003397",
        "Tin",
        "Novosibirsk Tin Combine",
        "hit",
        1,
        "OFAC SDN: NOVOSIBIRSK TIN COMBINE (RUSSIA-EO14024)",
        "[]",
        "[3]",
      ],
    ],
  );
}
