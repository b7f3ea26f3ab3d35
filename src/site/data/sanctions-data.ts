import type { Database } from "../../db/database.ts";
import { iso2ToName } from "../../text/countries.ts";
import { currentAndPrevious, openWarehouse, smelterReporters, str } from "./_warehouse.ts";
import { reportedScreening } from "./reported-screening.ts";
import { parseHits } from "./_hits.ts";
import { figuresForRun } from "./figures.ts";
import { clearanceKey, sanctionsClearances } from "./_clearances.ts";

const names = (list: readonly { name: string }[], n = 5) =>
  list
    .slice(0, n)
    .map((s) => s.name)
    .join(", ") + (list.length > n ? ` and ${list.length - n} more` : "");

/**
 * Sanctions and countries page: screening hits and possible matches with their reasons — on the RMI reference
 * names and on what suppliers typed — list changes, and exposure by country and mineral.
 */
export async function sanctionsData(db: Database) {
  const w = await openWarehouse(db);
  const { current } = await currentAndPrevious(w);
  const runId = current?.runId ?? -1;
  const screened = await w.rows<Record<string, unknown>>(
    `SELECT x.cid, x.metal, x.name, x.country_iso2 AS iso2, x.decision, x.score, x.evidence, x.hits,
       s.smelter_key AS key, coalesce(s.supplier_count, 0) AS suppliers, s.band
     FROM smelter_screening x LEFT JOIN smelter_scores s ON s.run_id = ? AND s.cid = x.cid AND s.metal = x.metal
     WHERE x.decision <> 'clear' ORDER BY CASE x.decision WHEN 'hit' THEN 0 ELSE 1 END, (s.smelter_key IS NULL), x.score DESC, x.cid`,
    [runId],
  );
  const reporters = await smelterReporters(w, runId, {
    keys: "SELECT smelter_key FROM smelter_scores WHERE run_id = ? AND sanctions IS NOT NULL AND sanctions <> 'clear'",
    params: [runId],
  });
  const listed = (list: ReturnType<typeof parseHits>) =>
    list.map((h) => `${h.list} ${h.id}: ${h.name}${h.program ? ` [${h.program}]` : ""}`).join("; ");
  const why = (list: ReturnType<typeof parseHits>) => [...new Set(list.flatMap((h) => h.reasons))].join("; ");
  const hits = screened.map((r) => {
    const list = parseHits(r.hits);
    const by = r.key ? (reporters.get(String(r.key)) ?? []) : [];
    return {
      key: str(r.key),
      cid: String(r.cid),
      metal: String(r.metal),
      name: String(r.name),
      screened: "RMI reference name",
      country: r.iso2 ? (iso2ToName(String(r.iso2)) ?? String(r.iso2)) : null,
      decision: String(r.decision),
      score: Number(r.score),
      reported: r.key !== null,
      suppliers: Number(r.suppliers),
      reportedBy: names(by),
      band: str(r.band),
      evidence: str(r.evidence),
      listedAs: listed(list),
      reasons: why(list),
      clearance: null as string | null,
    };
  });
  // What suppliers typed is screened too: "Smelter not listed" rows and unknown spellings of listed smelters.
  const scored = new Map(
    (
      await w.rows<{ key: string; name: string; band: string }>(
        "SELECT smelter_key AS key, name, band FROM smelter_scores WHERE run_id = ?",
        [runId],
      )
    ).map((r) => [r.key, r]),
  );
  for (const r of await reportedScreening(w, runId)) {
    hits.push({
      key: scored.has(r.key) ? r.key : null,
      cid: r.cid ?? "",
      metal: r.metal,
      name: scored.get(r.key)?.name ?? r.spelling,
      screened: `reported as ${r.spellings.map((x) => `"${x}"`).join(", ")}`,
      country: r.iso2 ? (iso2ToName(r.iso2) ?? r.iso2) : null,
      decision: r.decision,
      score: r.score,
      reported: r.reportedBy.length > 0,
      suppliers: r.reportedBy.length,
      reportedBy: names(r.reportedBy),
      band: scored.get(r.key)?.band ?? null,
      evidence: r.evidence,
      listedAs: listed(r.hits),
      reasons: why(r.hits),
      clearance: null,
    });
  }
  // A hit or possible match an analyst cleared (an active clear-sanctions decision) reads as cleared, by whom, when and
  // why; it is no hit in any count.
  const cleared = await sanctionsClearances(w);
  for (const h of hits) {
    const c = cleared.get(clearanceKey(h.key ?? h.cid, h.metal));
    if (c) Object.assign(h, { decision: "cleared", clearance: c.text });
  }
  // Hits on smelters your suppliers report ("your supply chain") and on RMI reference facilities none of them reports
  // ("the reference list") are counted as the Overview counts them (figures.ts).
  const figures = current ? await figuresForRun(w, current) : null;
  const rank = (d: string) => ({ hit: 0, review: 1 })[d] ?? 2;
  hits.sort(
    (a, b) =>
      rank(a.decision) - rank(b.decision) ||
      Number(!a.reported) - Number(!b.reported) ||
      b.score - a.score ||
      (a.key ?? a.cid).localeCompare(b.key ?? b.cid),
  );
  const changes = await w.rows<Record<string, unknown>>(
    "SELECT list, change, cid, metal, smelter_name AS smelter, entry_id AS entry, listed_name AS listed, program FROM sanctions_changes ORDER BY list, change, cid",
  );
  const lists = await w.rows<Record<string, unknown>>(
    `SELECT kind, CAST(vintage AS VARCHAR) AS vintage, row_count AS rows FROM current_reference_loads
     WHERE kind IN (SELECT DISTINCT kind FROM current_sanctions_entries) ORDER BY kind`,
  );
  const exposure = await w.rows<Record<string, unknown>>(
    `SELECT r.country_iso2 AS iso2, any_value(r.country_name) AS country, r.metal,
       CASE WHEN regexp_matches(lower(r.basis), '^loc') THEN 'smelter location' ELSE 'mine country' END AS basis,
       count(DISTINCT r.cid) AS smelters, sum(coalesce(s.supplier_count, 0)) AS "supplierLinks",
       bool_or(r.covered) AS covered, any_value(r.cahra) AS cahra, bool_or(r.child_labour) AS "childLabour", bool_or(r.forced_labour) AS "forcedLabour",
       round(min(r.governance_percentile), 1) AS governance
     FROM smelter_country_risk r JOIN smelter_scores s ON s.run_id = ? AND s.cid = r.cid AND s.metal = r.metal
     GROUP BY 1, 3, 4 ORDER BY covered DESC, smelters DESC, 1, 3`,
    [runId],
  );
  return {
    supplyChainHits: figures?.sanctionsHits ?? 0,
    referenceHits: figures?.referenceSanctionsHits ?? 0,
    supplyChain: hits.filter((h) => h.reported),
    referenceList: hits.filter((h) => !h.reported),
    changes,
    lists,
    exposure,
  };
}
