import type { Database } from "../../db/database.ts";
import { iso2ToName } from "../../text/countries.ts";
import { currentAndPrevious, openWarehouse, parseReasons, topReasons } from "./_warehouse.ts";
import { supplierFigureRows } from "./figures.ts";
import { clearanceKey, sanctionsClearances } from "./_clearances.ts";
import { loadRollupInput } from "../../exports/load-rollup-input.ts";
import { familyCoverage } from "../../exports/survey-coverage.ts";
import { kpiList, kpisForRun } from "./kpis.ts";

const ACTION_TEXT: Record<string, string> = {
  "send-request": "Send the declaration request",
  "fix-contact": "Find a working supplier contact",
  "send-reminder": "Send a reminder",
  escalate: "Escalate to the supplier's management",
  "escalate-to-another-contact": "Escalate to another contact",
  "follow-up": "Follow up",
  "request-clarification": "Ask for a corrected declaration",
  "review-declaration": "Review the declaration",
  // Engagement's `corrective-action` is for delinquent suppliers: repeated requests to several contacts went unanswered.
  "corrective-action": "Start corrective action with suppliers that have not answered repeated requests",
  "request-update": "Request the yearly update",
};

/** Cuts text at a word boundary to about `max` characters, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd()}…`;
}

/** Per template family: relevant suppliers and those with a usable declaration (the roll-up's survey-coverage computation). */
async function surveyFigures(db: Database, asOf: string | undefined) {
  const input = await loadRollupInput(db, asOf ? { asOf } : {});
  return (["CMRT", "EMRT"] as const)
    .map((family) => familyCoverage(input.suppliers, family))
    .filter((c) => c.relevant > 0)
    .map((c) => ({ family: c.family, relevant: c.relevant, responded: c.responded }));
}

/**
 * Executive report: status, top risks and required actions for a five-minute read. Names the reporting company,
 * its suppliers and smelters, never people: no supplier contact field is read. The survey figures are the ones the
 * roll-up and the drafts quote (src/exports/survey-coverage.ts).
 */
export async function reportData(db: Database, options: { company?: string; asOf?: string } = {}) {
  const w = await openWarehouse(db);
  const { current, previous } = await currentAndPrevious(w);
  const company = options.company ?? null;
  if (!current)
    return {
      company,
      current: null,
      previous: null,
      kpis: [],
      risks: [],
      sanctions: [],
      products: [],
      actions: [],
      survey: [],
      headline: "No scoring run yet.",
    };
  const survey = await surveyFigures(db, options.asOf ?? current.asOf);
  const now = await kpisForRun(w, current);
  const before = previous ? await kpisForRun(w, previous) : null;
  const risks = (
    await w.rows<Record<string, unknown>>(
      `SELECT smelter_key AS key, name, metal, country_iso2 AS iso2, band, score, supplier_count AS suppliers, CAST(reasons AS VARCHAR) AS reasons
       FROM smelter_scores WHERE run_id = ? AND band IN ('Critical', 'High')
       ORDER BY CASE band WHEN 'Critical' THEN 0 ELSE 1 END, score DESC, supplier_count DESC, smelter_key LIMIT 8`,
      [current.runId],
    )
  ).map((r) => ({
    name: String(r.name),
    metal: String(r.metal),
    country: r.iso2 ? (iso2ToName(String(r.iso2)) ?? String(r.iso2)) : "unknown",
    band: String(r.band),
    score: Number(r.score),
    suppliers: Number(r.suppliers),
    why: shorten(
      topReasons(parseReasons(r.reasons), 2)
        .map((x) => x.evidence || x.factor)
        .join("; "),
      140,
    ),
  }));
  const products = await w.rows<Record<string, unknown>>(
    `SELECT p.product AS id, coalesce(b.name, p.product) AS name, p.band, p.score, p.coverage FROM product_scores p
     LEFT JOIN (SELECT product_id, any_value(product_name) AS name FROM bom_lines GROUP BY 1) b ON b.product_id = p.product
     WHERE p.run_id = ? AND (p.band IN ('Critical', 'High') OR p.data_gap) ORDER BY p.score DESC, p.product LIMIT 8`,
    [current.runId],
  );
  // The open actions the Overview counts (figures.ts): suppliers in scope with a next step.
  const grouped = new Map<string, string[]>();
  for (const e of (await supplierFigureRows(w, current)).suppliers)
    if (e.nextAction && e.inScope) grouped.set(e.nextAction, [...(grouped.get(e.nextAction) ?? []), e.name]);
  const actions = [...grouped]
    .map(([action, list]) => ({
      action: ACTION_TEXT[action] ?? action,
      suppliers: list.length,
      examples: list.sort().slice(0, 4).join(", ") + (list.length > 4 ? ", …" : ""),
    }))
    .sort((a, b) => b.suppliers - a.suppliers);
  const cleared = await sanctionsClearances(w);
  const hits = (
    await w.rows<{ key: string; name: string; metal: string; suppliers: number }>(
      "SELECT smelter_key AS key, name, metal, supplier_count AS suppliers FROM smelter_scores WHERE run_id = ? AND sanctions = 'hit' ORDER BY supplier_count DESC, name",
      [current.runId],
    )
  )
    .filter((h) => !cleared.has(clearanceKey(h.key, h.metal)))
    .map(({ key: _, ...h }) => h);
  const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);
  const surveyed = survey
    .map(
      (c) =>
        `${c.family}: ${c.responded} of ${c.relevant} relevant suppliers responded with a usable declaration (${pct(c.relevant ? c.responded / c.relevant : null)})`,
    )
    .join("; ");
  const headline =
    (company ? `${company}: ` : "") +
    (surveyed
      ? `${surveyed}; `
      : `${now.responded} of ${now.suppliersInScope} suppliers have answered (${pct(now.responseRate)}); `) +
    `${now.conformant} of ${now.smeltersIdentified} identified smelters are RMAP conformant (${pct(now.conformantShare)}); ` +
    `${now.highRiskSmelters} smelters are high risk` +
    (now.sanctionsHits ? ` and ${now.sanctionsHits} match a sanctions list.` : " and none matches a sanctions list.");
  return {
    company,
    current,
    previous,
    kpis: kpiList(now, before),
    risks,
    sanctions: hits,
    products,
    actions,
    survey,
    headline,
  };
}
