import { normalizeName } from "../../text/normalize.ts";
import { parseStringList, smelterReporters, type Warehouse } from "./_warehouse.ts";
import { parseHits } from "./_hits.ts";

export interface ReportedScreeningRow {
  key: string;
  metal: string;
  iso2: string | null;
  cid: string | null;
  /** The spelling screened first (the most reported one); `spellings` has every spelling screened with it. */
  spelling: string;
  spellings: string[];
  reportRows: number;
  decision: string;
  score: number;
  evidence: string | null;
  hits: ReturnType<typeof parseHits>;
  /** The suppliers whose current declaration typed one of the spellings (all reporters of the key when none is found). */
  reportedBy: { id: string; name: string }[];
}

type Rec = Record<string, unknown>;

/**
 * Hits and possible matches on what suppliers typed (reported_smelter_screening, screen stage): a "Smelter not listed"
 * row or an unknown spelling of a listed smelter, with the suppliers of the current run that reported it.
 */
export async function reportedScreening(w: Warehouse, runId: number): Promise<ReportedScreeningRow[]> {
  const flagged = await w.rows<Rec>(
    `SELECT smelter_key AS key, metal, country_iso2 AS iso2, cid, name, spellings, report_rows AS "reportRows", decision, score, evidence, hits
     FROM reported_smelter_screening WHERE decision <> 'clear' ORDER BY CASE decision WHEN 'hit' THEN 0 ELSE 1 END, score DESC, smelter_key, country_iso2`,
  );
  if (!flagged.length) return [];
  const reporters = await smelterReporters(w, runId, {
    keys: "SELECT smelter_key FROM reported_smelter_screening WHERE decision <> 'clear'",
  });
  // Who typed which spelling: the rows of the current declarations, folded as the screen stage folds them.
  const typedBy = new Map<string, Set<string>>();
  for (const r of await w.rows<{ id: string; metal: string; name: string | null; lookup: string | null }>(
    `SELECT s.supplier_id AS id, r.metal, r.name, r.lookup_name AS lookup
     FROM resolved_smelter_rows r JOIN supplier_scores s ON s.run_id = ? AND s.declaration_id = r.declaration_id
     WHERE r.metal IN (SELECT DISTINCT metal FROM reported_smelter_screening WHERE decision <> 'clear')`,
    [runId],
  )) {
    for (const text of [r.name, r.lookup]) {
      if (!text) continue;
      const k = `${r.metal}|${normalizeName(text)}`;
      (typedBy.get(k) ?? typedBy.set(k, new Set()).get(k)!).add(r.id);
    }
  }
  return flagged.map((r) => {
    const key = String(r.key);
    const metal = String(r.metal);
    const spellings = parseStringList(r.spellings);
    const all = new Map((reporters.get(key) ?? []).map((x) => [x.id, x.name]));
    const typed = new Set(spellings.flatMap((s) => [...(typedBy.get(`${metal}|${normalizeName(s)}`) ?? [])]));
    const ids = [...all.keys()].filter((id) => typed.has(id));
    return {
      key,
      metal,
      iso2: r.iso2 ? String(r.iso2) : null,
      cid: r.cid ? String(r.cid) : null,
      spelling: String(r.name),
      spellings,
      reportRows: Number(r.reportRows),
      decision: String(r.decision),
      score: Number(r.score),
      evidence: r.evidence ? String(r.evidence) : null,
      hits: parseHits(r.hits),
      reportedBy: (ids.length ? ids : [...all.keys()]).map((id) => ({ id, name: all.get(id)! })),
    };
  });
}
