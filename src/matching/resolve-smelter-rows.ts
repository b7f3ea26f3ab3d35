import type { Database, SqlValue } from "../db/database.ts";
import { cleanText } from "../text/normalize.ts";
import { identify, type Identification } from "./identify.ts";
import type { MatchIndex } from "./match-index.ts";
import { ensureMatchIndex } from "./match-session.ts";

// DuckDB types smelter_matches.declaration_id may take, to follow smelter_rows' own column type.
const KEY_TYPES = new Set(["INTEGER", "BIGINT", "VARCHAR", "UUID", "HUGEINT", "UBIGINT"]);

const PLACEHOLDER_LOOKUP = /^smelter not (yet )?(listed|identified)$/i;

export interface ReportedSmelter {
  metal: string | null;
  lookup_name: string | null;
  name: string | null;
  country: string | null;
  cid: string | null;
}

/**
 * Identifies one Smelter List row: the look-up choice (column C) is the supplier's pick from RMI's list and is
 * tried first; the typed name (column D) is used when the look-up says "Smelter not listed" or finds nothing.
 */
export function identifyReportedSmelter(index: MatchIndex, row: ReportedSmelter): Identification {
  const lookup = cleanText(row.lookup_name);
  const typed = cleanText(row.name);
  const first = lookup && !PLACEHOLDER_LOOKUP.test(lookup) ? lookup : (typed ?? lookup);
  const result = identify(index, { name: first, metal: row.metal, country: row.country, id: row.cid });
  if (result.decision === "matched" || !typed || typed === first) return result;
  const second = identify(index, { name: typed, metal: row.metal, country: row.country, id: null });
  return second.decision === "matched" || (second.decision === "ambiguous" && result.decision === "unmatched")
    ? { ...second, findings: [...result.findings, ...second.findings] }
    : result;
}

async function ensureTables(db: Database): Promise<void> {
  const type = await db.scalar<string>(
    "SELECT data_type FROM information_schema.columns WHERE table_name = 'smelter_rows' AND column_name = 'declaration_id'",
  );
  const keyType = type && KEY_TYPES.has(type.toUpperCase()) ? type.toUpperCase() : "VARCHAR";
  await db.run(`CREATE TABLE IF NOT EXISTS smelter_matches (
    declaration_id ${keyType} NOT NULL,
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
  )`);
  const tables = new Set((await db.tableNames()).map((t) => t.toLowerCase()));
  const declarations = tables.has("declarations");
  const column = async (name: string) =>
    declarations && ((await db.scalar<number>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'declarations' AND column_name = ?", [name])) ?? 0) > 0;
  const supplierCol = await column("supplier_id");
  const keyCol = await column("supplier_key");
  await db.run(`CREATE OR REPLACE VIEW facility_reports AS
    SELECT m.cid, m.metal, r.standard_name, r.country, r.country_iso2, m.declaration_id, m."row",
           s.lookup_name AS reported_lookup_name, s.name AS reported_name, s.country AS reported_country,
           m.method, m.confidence,
           ${declarations ? "d.company_name" : "NULL"} AS supplier_name,
           ${supplierCol ? "d.supplier_id" : "NULL"} AS supplier_id,
           ${keyCol ? "d.supplier_key" : "NULL"} AS supplier_key
    FROM smelter_matches m
    JOIN smelter_rows s ON s.declaration_id = m.declaration_id AND s."row" = m."row"
    LEFT JOIN current_ref_smelters r ON r.cid = m.cid AND r.metal = m.metal
    ${declarations ? "LEFT JOIN declarations d ON d.declaration_id = m.declaration_id" : ""}
    WHERE m.decision = 'matched'`);
  await db.run(`CREATE OR REPLACE VIEW facilities AS
    SELECT cid, metal, any_value(standard_name) AS standard_name, any_value(country) AS country,
           any_value(country_iso2) AS country_iso2,
           count(*) AS report_rows,
           count(DISTINCT declaration_id) AS declarations,
           count(DISTINCT coalesce(CAST(supplier_id AS VARCHAR), supplier_key, supplier_name, CAST(declaration_id AS VARCHAR))) AS suppliers,
           list(DISTINCT coalesce(reported_name, reported_lookup_name) ORDER BY coalesce(reported_name, reported_lookup_name)) AS reported_names,
           list(DISTINCT supplier_name ORDER BY supplier_name) FILTER (WHERE supplier_name IS NOT NULL) AS supplier_names,
           list(DISTINCT declaration_id ORDER BY declaration_id) AS declaration_ids
    FROM facility_reports GROUP BY cid, metal`);
}

/**
 * Matches every stored smelter row that has no match yet and stores the result in smelter_matches; the views
 * facility_reports and facilities then show each facility once with every supplier and declaration that reported it.
 */
export async function resolveSmelterRows(db: Database, options: { index?: MatchIndex } = {}): Promise<{ resolved: number }> {
  const tables = new Set(await db.tableNames());
  if (!tables.has("smelter_rows")) return { resolved: 0 };
  await ensureTables(db);
  const pending = await db.all<ReportedSmelter & { declaration_id: SqlValue; row: number }>(
    `SELECT s.declaration_id, s."row" AS "row", s.metal, s.lookup_name, s.name, s.country, s.cid
     FROM smelter_rows s ANTI JOIN smelter_matches m ON m.declaration_id = s.declaration_id AND m."row" = s."row"
     ORDER BY s.declaration_id, s."row"`,
  );
  if (pending.length === 0) return { resolved: 0 };
  const index = options.index ?? (await ensureMatchIndex(db)).index;
  const loads = (await db.all<{ load_id: number }>("SELECT load_id FROM current_reference_loads ORDER BY load_id")).map((l) => l.load_id).join(",");
  // Suppliers report the same facilities over and over (a roll-up lists hundreds): identify each distinct row once.
  const seen = new Map<string, SqlValue[]>();
  const rows: SqlValue[][] = pending.map((p) => {
    const key = JSON.stringify([p.metal, p.lookup_name, p.name, p.country, p.cid]);
    let stored = seen.get(key);
    if (!stored) {
      const r = identifyReportedSmelter(index, p);
      const top = r.decision === "matched" ? r.matches[0] : undefined;
      stored = [top?.metal ?? p.metal, top?.cid ?? null, top?.method ?? r.matches[0]?.method ?? null, top?.score ?? r.matches[0]?.score ?? 0, r.decision, JSON.stringify(r.matches), JSON.stringify(r.findings), loads];
      seen.set(key, stored);
    }
    return [p.declaration_id, p.row, ...stored];
  });
  await db.insertRows("smelter_matches", ["declaration_id", "row", "metal", "cid", "method", "confidence", "decision", "alternatives", "findings", "reference_loads"], rows);
  return { resolved: rows.length };
}
