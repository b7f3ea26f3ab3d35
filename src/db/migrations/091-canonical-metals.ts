import { METAL_NAMES } from "../../rmi/minerals.ts";
import type { Migration } from "./migration.ts";

// Metals are stored by RMI's spelling ("Gold", "Rare Earth Elements": src/rmi/minerals.ts), so no query compares them
// through lower(). Warehouses written before scoring and reported-smelter screening stored the canonical name kept
// lower-case spellings ("gold"); this rewrites every metal column. Where a table's key already holds the canonical
// twin of a row, the lower-case duplicate (derived data the next build rewrites) is dropped instead.

const TABLES: readonly { table: string; key: readonly string[] | null }[] = [
  { table: "decisions", key: null },
  { table: "smelter_rows", key: null },
  { table: "mines", key: null },
  { table: "ref_smelters", key: ["load_id", "cid"] },
  { table: "ref_smelter_aliases", key: null },
  { table: "ref_facility_status", key: null },
  { table: "ref_facility_revisions", key: null },
  { table: "ref_legacy_ids", key: null },
  { table: "smelter_matches", key: null },
  { table: "smelter_screening", key: ["cid"] },
  { table: "sanctions_changes", key: null },
  { table: "smelter_country_risk", key: ["cid", "basis", "country_iso2"] },
  { table: "reported_smelter_screening", key: ["smelter_key", "country_iso2"] },
  { table: "reported_country_risk", key: ["smelter_key", "basis", "country_iso2"] },
  { table: "smelter_scores", key: null },
  { table: "smelter_evidence", key: null },
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const canonical = (column: string) =>
  `CASE lower(trim(${column})) ${METAL_NAMES.map((m) => `WHEN ${quote(m.toLowerCase())} THEN ${quote(m)}`).join(" ")} END`;
const stale = (column: string) => `${canonical(column)} IS NOT NULL AND ${column} <> ${canonical(column)}`;

function statements({ table, key }: { table: string; key: readonly string[] | null }): string[] {
  if (key === null) return [`UPDATE ${table} SET metal = ${canonical("metal")} WHERE ${stale("metal")}`];
  const twin = `EXISTS (SELECT 1 FROM ${table} c WHERE c.metal = ${canonical(`${table}.metal`)} AND ${key.map((k) => `c.${k} IS NOT DISTINCT FROM ${table}.${k}`).join(" AND ")})`;
  return [
    `DELETE FROM ${table} WHERE ${stale("metal")} AND ${twin}`,
    `UPDATE ${table} SET metal = ${canonical("metal")} WHERE ${stale("metal")}`,
  ];
}

export const canonicalMetals: Migration = {
  version: 91,
  name: "canonical-metals",
  up: TABLES.flatMap(statements),
};
