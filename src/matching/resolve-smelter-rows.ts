import type { Database, SqlValue } from "../db/database.ts";
import { cleanText } from "../text/normalize.ts";
import { identify, type Identification } from "./identify.ts";
import type { MatchIndex } from "./match-index.ts";
import { ensureMatchIndex } from "./match-session.ts";

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

/**
 * Matches every stored smelter row that has no match yet and stores the result in smelter_matches (migration 025);
 * its views resolved_smelter_rows, facility_reports and facilities then show each row's identity and each facility
 * once with every supplier and declaration that reported it.
 */
export async function resolveSmelterRows(
  db: Database,
  options: { index?: MatchIndex } = {},
): Promise<{ resolved: number }> {
  const pending = await db.all<ReportedSmelter & { declaration_id: SqlValue; row: number }>(
    `SELECT s.declaration_id, s."row" AS "row", s.metal, s.lookup_name, s.name, s.country, s.cid
     FROM smelter_rows s ANTI JOIN smelter_matches m ON m.declaration_id = s.declaration_id AND m."row" = s."row"
     ORDER BY s.declaration_id, s."row"`,
  );
  if (pending.length === 0) return { resolved: 0 };
  const index = options.index ?? (await ensureMatchIndex(db)).index;
  const loads = (await db.all<{ load_id: number }>("SELECT load_id FROM current_reference_loads ORDER BY load_id"))
    .map((l) => l.load_id)
    .join(",");
  // Suppliers report the same facilities over and over (a roll-up lists hundreds): identify each distinct row once.
  const seen = new Map<string, SqlValue[]>();
  const rows: SqlValue[][] = pending.map((p) => {
    const key = JSON.stringify([p.metal, p.lookup_name, p.name, p.country, p.cid]);
    let stored = seen.get(key);
    if (!stored) {
      const r = identifyReportedSmelter(index, p);
      const top = r.decision === "matched" ? r.matches[0] : undefined;
      stored = [
        top?.metal ?? p.metal,
        top?.cid ?? null,
        top?.method ?? r.matches[0]?.method ?? null,
        top?.score ?? r.matches[0]?.score ?? 0,
        r.decision,
        JSON.stringify(r.matches),
        JSON.stringify(r.findings),
        loads,
      ];
      seen.set(key, stored);
    }
    return [p.declaration_id, p.row, ...stored];
  });
  await db.insertRows(
    "smelter_matches",
    [
      "declaration_id",
      "row",
      "metal",
      "cid",
      "method",
      "confidence",
      "decision",
      "alternatives",
      "findings",
      "reference_loads",
    ],
    rows,
  );
  return { resolved: rows.length };
}
