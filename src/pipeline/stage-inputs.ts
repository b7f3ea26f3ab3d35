import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { COUNTRY_RISK_DIR } from "../../loaders/reference/country-risk-datasets.ts";
import type { StageInputs } from "./incremental-stage.ts";

const REFERENCE = [
  "reference_loads",
  "ref_smelters",
  "ref_smelter_aliases",
  "ref_facility_status",
  "ref_facility_revisions",
];
const SANCTIONS = ["sanctions_entries", "sanctions_names"];
const MASTER = ["suppliers", "bom_lines", "outreach_events", "decisions", "smelter_evidence"];
/** Build and command bookkeeping: changes without changing any result. */
const BOOKKEEPING = ["build_fingerprints", "ingest_runs", "schema_migrations", "export_runs"];
const ENGAGEMENT_OUT = [
  "engagement_runs",
  "supplier_engagement",
  "engagement_metrics",
  "engagement_timeline",
  "declaration_links",
];
const SCORING_OUT = [
  "scoring_runs",
  "smelter_scores",
  "supplier_scores",
  "supplier_smelter_links",
  "unlinked_smelter_reports",
  "product_scores",
];

let countryRiskHash: string | null = null;
/** The shipped country-risk datasets screening reads from disk (not the database). */
export function countryRiskFilesHash(dir = COUNTRY_RISK_DIR): string {
  if (countryRiskHash && dir === COUNTRY_RISK_DIR) return countryRiskHash;
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  const value = h.digest("hex");
  if (dir === COUNTRY_RISK_DIR) countryRiskHash = value;
  return value;
}

function fileHash(path: string): string {
  return existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex") : "missing";
}

/** The supplier master, BOMs and outreach log: reloaded only when a file's bytes or the configured list changed. */
export const companyInputs: StageInputs = {
  tables: [],
  outputs: MASTER,
  scope: () => "*",
  settings: (ctx) => {
    const { supplierMaster, boms, outreachLog, decisions, smeltersOfInterest } = ctx.config.config.inputs;
    const hashed = (p: string) => {
      const path = resolve(ctx.config.resolve(p));
      return { path, sha256: fileHash(path) };
    };
    return {
      supplierMaster: supplierMaster ? hashed(supplierMaster) : null,
      boms: boms.map(hashed),
      outreachLog: outreachLog ? hashed(outreachLog) : null,
      decisions: decisions.map(hashed),
      smeltersOfInterest: smeltersOfInterest.map(hashed),
    };
  },
};

/** Sanctions and location screening of every reference smelter: global results. */
export const sanctionsScreeningInputs: StageInputs = {
  tables: [...REFERENCE, ...SANCTIONS],
  outputs: ["smelter_screening"],
  scope: () => "*",
  settings: (ctx) => ({ asOf: ctx.asOf, countryRisk: countryRiskFilesHash() }),
};

/** Mine-country risk from the countries suppliers reported, by each row's resolved CID (which the look-ups decide). */
export const mineRiskInputs: StageInputs = {
  tables: ["smelter_rows", "mines", "smelter_matches", ...REFERENCE],
  scope: () => "*",
  settings: () => ({ countryRisk: countryRiskFilesHash() }),
};

/** Supplier scope, status and metrics for a period: reads every table but its own and scoring's results. */
export const engagementInputs: StageInputs = {
  tables: { except: [...BOOKKEEPING, ...ENGAGEMENT_OUT, ...SCORING_OUT] },
  scope: (ctx) => ctx.period,
  settings: (ctx) => ({
    asOf: ctx.asOf,
    period: ctx.period,
    scope: ctx.config.config.scope ?? null,
    outreach: ctx.config.config.outreach ?? null,
  }),
};

/** Smelter, supplier and product scores for a period: reads every table but its own results. */
export const scoringInputs: StageInputs = {
  tables: { except: [...BOOKKEEPING, ...SCORING_OUT] },
  scope: (ctx) => ctx.period,
  settings: (ctx) => ({ asOf: ctx.asOf, period: ctx.period, riskModel: ctx.config.config.riskModel ?? null }),
};
