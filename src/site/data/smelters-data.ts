import type { Database } from "../../db/database.ts";
import { iso2ToName } from "../../text/countries.ts";
import { columnar } from "./columnar.ts";
import { currentFigures, smelterFigureRows } from "./figures.ts";
import { clearanceKey, sanctionsClearances } from "./_clearances.ts";
import { matchNotes } from "./_match-notes.ts";
import {
  currentAndPrevious,
  openWarehouse,
  parseReasons,
  parseStringList,
  reasonText,
  topReasons,
  type Warehouse,
} from "./_warehouse.ts";

export interface SmelterListRow {
  key: string;
  cid: string | null;
  name: string;
  metal: string;
  iso2: string | null;
  country: string | null;
  status: string;
  /** RMAP audit current at the period end: "yes", "no" (lapsed or not conformant) or "unknown" (figures.ts). */
  audit: string;
  sanctions: string | null;
  score: number;
  band: string;
  reasons: string;
  flags: string[];
  supplierCount: number;
  /** Up to five reporting suppliers by name; the smelter page lists them all. */
  suppliers: string;
  /** Analyst decisions mapping reported rows to this facility: "mapped by decision …". */
  decisions: string;
}

async function reportersByKey(
  w: Warehouse,
  runId: number,
  limit: number | null,
): Promise<Map<string, { id: string; name: string; band: string }[]>> {
  const rows = await w.rows<{ key: string; id: string; name: string; band: string; rn: number }>(
    `SELECT * FROM (
       SELECT l.smelter_key AS key, l.supplier_id AS id, coalesce(s.name, l.supplier_id) AS name, coalesce(s.band, 'Data gap') AS band,
         row_number() OVER (PARTITION BY l.smelter_key ORDER BY coalesce(s.name, l.supplier_id)) AS rn
       FROM supplier_smelter_links l LEFT JOIN supplier_scores s ON s.run_id = l.run_id AND s.supplier_id = l.supplier_id
       WHERE l.run_id = ?) WHERE ? IS NULL OR rn <= ? ORDER BY key, rn`,
    [runId, limit, limit],
  );
  const out = new Map<string, { id: string; name: string; band: string }[]>();
  for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), { id: r.id, name: r.name, band: r.band }]);
  return out;
}

/** Smelters page: every smelter of the current run with status, band, top reasons and reporting suppliers. */
export async function smelterList(db: Database): Promise<SmelterListRow[]> {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  if (!current) return [];
  const reporters = await reportersByKey(w, current.runId, 5);
  const audit = new Map((await smelterFigureRows(w, current)).map((s) => [s.key, s.auditCurrent]));
  const cleared = await sanctionsClearances(w);
  const mapped = (await matchNotes(w, current.runId)).byKey;
  const rows = await w.rows<Record<string, unknown>>(
    `SELECT smelter_key, cid, name, metal, country_iso2, rmi_status, sanctions, score, band,
       CAST(flags AS VARCHAR) AS flags, CAST(reasons AS VARCHAR) AS reasons, supplier_count
     FROM smelter_scores WHERE run_id = ? ORDER BY score DESC, smelter_key`,
    [current.runId],
  );
  return rows.map((r) => {
    const key = String(r.smelter_key);
    const iso2 = r.country_iso2 ? String(r.country_iso2) : null;
    const names = (reporters.get(key) ?? []).map((s) => s.name);
    const count = Number(r.supplier_count ?? 0);
    return {
      key,
      cid: r.cid ? String(r.cid) : null,
      name: String(r.name),
      metal: String(r.metal),
      iso2,
      country: iso2 ? (iso2ToName(iso2) ?? iso2) : null,
      status: String(r.rmi_status),
      audit: audit.get(key) ?? "unknown",
      // A hit an analyst cleared reads "cleared" (the scoring run that read the decision already says "clear").
      sanctions: cleared.has(clearanceKey(key, String(r.metal))) ? "cleared" : r.sanctions ? String(r.sanctions) : null,
      score: Number(r.score),
      band: String(r.band),
      reasons: topReasons(parseReasons(r.reasons), 3).map(reasonText).join("; "),
      flags: parseStringList(r.flags),
      supplierCount: count,
      suppliers: names.join(", ") + (count > names.length ? ` and ${count - names.length} more` : ""),
      decisions: (mapped.get(key) ?? []).map((n) => n.text).join("; "),
    };
  });
}

/** A smelter only declarations linked to no supplier name: shown apart, flagged, counted in no supply-chain figure. */
export interface UnlinkedOnlySmelter {
  key: string;
  cid: string | null;
  name: string;
  metal: string;
  status: string | null;
  sanctions: string | null;
  band: string | null;
  /** The unlinked declarations naming it: file (company named in it). */
  declarations: string;
  note: string;
}

export async function unlinkedOnlySmelters(w: Warehouse, runId: number): Promise<UnlinkedOnlySmelter[]> {
  const rows = await w.rows<Record<string, unknown>>(
    `SELECT u.smelter_key AS key, any_value(u.cid) AS cid, any_value(u.name) AS name, any_value(u.metal) AS metal,
       any_value(u.rmi_status) AS status, any_value(u.sanctions) AS sanctions, any_value(u.band) AS band,
       string_agg(DISTINCT coalesce(d.file_name, u.declaration_id) || coalesce(' (' || u.company_name || ')', ''), '; ') AS declarations
     FROM unlinked_smelter_reports u LEFT JOIN declarations d USING (declaration_id)
     WHERE u.run_id = ? AND u.smelter_key IS NOT NULL AND NOT u.in_supply_chain
     GROUP BY u.smelter_key ORDER BY 3, 1`,
    [runId],
  );
  return rows.map((r) => ({
    key: String(r.key),
    cid: r.cid ? String(r.cid) : null,
    name: String(r.name ?? r.key),
    metal: String(r.metal ?? ""),
    status: r.status ? String(r.status) : null,
    sanctions: r.sanctions ? String(r.sanctions) : null,
    band: r.band ? String(r.band) : null,
    declarations: String(r.declarations ?? ""),
    note: "reported only by an unlinked declaration",
  }));
}

/** What the smelters page loads: the displayed and searchable fields, by column (see columnar.ts). */
export async function smeltersPageData(db: Database) {
  const list = await smelterList(db);
  const w = await openWarehouse(db);
  const f = await currentFigures(w);
  const { current } = await currentAndPrevious(w);
  return {
    unlinkedOnly: current ? await unlinkedOnlySmelters(w, current.runId) : [],
    figures: f && {
      smelters: f.smelters,
      smeltersIdentified: f.smeltersIdentified,
      conformant: f.conformant,
      conformantLapsed: f.conformantLapsed,
      sanctionsHits: f.sanctionsHits,
      highRiskSmelters: f.highRiskSmelters,
      periodEnd: f.periodEnd,
    },
    smelters: columnar(list, {
      columns: [
        "key",
        "cid",
        "name",
        "metal",
        "country",
        "status",
        "audit",
        "sanctions",
        "band",
        "score",
        "reasons",
        "supplierCount",
        "suppliers",
        "decisions",
      ],
      round: { score: 1 },
    }),
  };
}

const BAND_RANK: Record<string, number> = { Critical: 4, High: 3, Medium: 2, Low: 1 };

/** Map data: smelters per location country (worst band) and reported mine countries with their risk factors. */
export async function smelterMap(db: Database) {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  if (!current) return { locations: [], mines: [] };
  const loc = await w.rows<{ iso2: string; band: string; n: number }>(
    `SELECT country_iso2 AS iso2, band, count(*) AS n FROM smelter_scores WHERE run_id = ? AND country_iso2 IS NOT NULL GROUP BY ALL`,
    [current.runId],
  );
  const byCountry = new Map<
    string,
    { iso2: string; country: string; smelters: number; worst: string; bands: Record<string, number> }
  >();
  for (const r of loc) {
    const c = byCountry.get(r.iso2) ?? {
      iso2: r.iso2,
      country: iso2ToName(r.iso2) ?? r.iso2,
      smelters: 0,
      worst: "Low",
      bands: {},
    };
    c.smelters += r.n;
    c.bands[r.band] = (c.bands[r.band] ?? 0) + r.n;
    if ((BAND_RANK[r.band] ?? 0) > (BAND_RANK[c.worst] ?? 0)) c.worst = r.band;
    byCountry.set(r.iso2, c);
  }
  const mines = await w.rows<{
    iso2: string;
    country: string;
    smelters: number;
    covered: boolean;
    cahra: boolean;
    labour: boolean;
    metals: string;
  }>(
    `SELECT r.country_iso2 AS iso2, any_value(r.country_name) AS country, count(DISTINCT r.cid || r.metal) AS smelters,
       bool_or(r.covered) AS covered, bool_or(coalesce(r.cahra, 'none') NOT IN ('none', 'false', '')) AS cahra,
       bool_or(r.child_labour OR r.forced_labour) AS labour, string_agg(DISTINCT r.metal, ', ' ORDER BY r.metal) AS metals
     FROM smelter_country_risk r
     JOIN smelter_scores s ON s.run_id = ? AND s.cid = r.cid AND s.metal = r.metal
     WHERE NOT regexp_matches(lower(r.basis), '^loc') GROUP BY 1 ORDER BY 1`,
    [current.runId],
  );
  return {
    locations: [...byCountry.values()].sort((a, b) => a.iso2.localeCompare(b.iso2)),
    mines: mines.map((m) => ({
      ...m,
      risk: m.covered ? "Covered country" : m.cahra ? "CAHRA" : m.labour ? "Labour risk" : "No listed risk",
    })),
  };
}
