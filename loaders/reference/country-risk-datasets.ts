import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseCsv } from "./parse-csv.ts";
import { countryToIso2, iso3ToIso2 } from "../../src/text/countries.ts";
import { goodToMinerals } from "./mineral-goods.ts";
import { REPO_ROOT } from "../../src/repo-root.ts";

export const CahraRegion = z.object({
  name: z.string(),
  code: z.string(),
  conflictAffected: z.boolean(),
  highRisk: z.boolean(),
});
export const CahraEntry = z.object({
  countryName: z.string(),
  iso2: z.string().length(2),
  wholeCountry: z.boolean(),
  regions: z.array(CahraRegion).nullable(),
  /** Set by the loader: the list names every first-level subdivision, so the entry counts as the whole country. */
  allRegionsListed: z.boolean().optional(),
});
export type CahraEntry = z.infer<typeof CahraEntry>;

export interface LabourGood {
  good: string;
  minerals: string[];
  iso2: string;
  childLabour: boolean;
  forcedLabour: boolean;
}
export interface Governance {
  iso2: string;
  percentiles: Record<string, number>;
  mean: number;
}

/** The versioned country datasets countryRisk() reads; load once with loadCountryRiskDatasets(). */
export interface CountryRiskDatasets {
  covered: Map<string, string>;
  cahra: Map<string, CahraEntry>;
  labour: LabourGood[];
  governance: Map<string, Governance>;
  vintages: Record<"covered" | "cahra" | "labour" | "governance", string>;
  issues: string[];
}

export const COUNTRY_RISK_DIR = path.join(REPO_ROOT, "data/reference/country-risk");
export const COUNTRY_RISK_FILES = {
  covered: "dodd_frank_covered_countries.csv",
  cahra: "eu_cahra_list_2026-06.json",
  labour: "ilab_list_of_goods.csv",
  governance: "wgi_2022_latest.csv",
  subdivisions: "iso3166_2_first_level_counts.csv",
} as const;

function csvObjects(file: string): { line: number; row: Record<string, string> }[] {
  const [header, ...records] = parseCsv(readFileSync(file, "utf8"));
  const names = header?.fields.map((h) => h.trim()) ?? [];
  return records.map((r) => ({
    line: r.line,
    row: Object.fromEntries(names.map((n, i) => [n, (r.fields[i] ?? "").trim()])),
  }));
}

const yes = (v: string | undefined) => /^(yes|y|true|1)$/i.test(v ?? "");

/** Reads the shipped (or given) datasets synchronously; rows that fail validation are reported in `issues`. */
export function loadCountryRiskDatasets(dir = COUNTRY_RISK_DIR): CountryRiskDatasets {
  const issues: string[] = [];
  const covered = new Map<string, string>();
  for (const { line, row } of csvObjects(path.join(dir, COUNTRY_RISK_FILES.covered))) {
    const iso2 = countryToIso2(row.iso2) ?? countryToIso2(row.name);
    if (iso2) covered.set(iso2, row.role ?? "");
    else issues.push(`${COUNTRY_RISK_FILES.covered}:${line}: unknown country: ${JSON.stringify(row.iso2)}`);
  }
  const cahraJson = JSON.parse(readFileSync(path.join(dir, COUNTRY_RISK_FILES.cahra), "utf8")) as {
    meta?: { version?: string };
    entries?: unknown[];
  };
  const cahra = new Map<string, CahraEntry>();
  (cahraJson.entries ?? []).forEach((e, i) => {
    const parsed = CahraEntry.safeParse(e);
    if (parsed.success) cahra.set(parsed.data.iso2, parsed.data);
    else issues.push(`${COUNTRY_RISK_FILES.cahra} › entries[${i}]: ${parsed.error.issues[0]?.message}`);
  });
  // The EU list names the DRC province by province although all 26 are listed (DOMAIN §10): an entry that lists
  // every first-level subdivision of its country is the whole country.
  const subdivisionsFile = path.join(dir, COUNTRY_RISK_FILES.subdivisions);
  const subdivisions = new Map<string, number>();
  if (existsSync(subdivisionsFile)) {
    for (const { row } of csvObjects(subdivisionsFile)) {
      const n = Number(row.first_level_subdivisions);
      if (row.iso2 && Number.isInteger(n) && n > 0) subdivisions.set(row.iso2.toUpperCase(), n);
    }
  }
  for (const [iso2, entry] of cahra) {
    const total = subdivisions.get(iso2);
    const listed = new Set((entry.regions ?? []).map((r) => r.code.toUpperCase())).size;
    if (!entry.wholeCountry && total !== undefined && listed >= total)
      cahra.set(iso2, { ...entry, wholeCountry: true, allRegionsListed: true });
  }
  const labour: LabourGood[] = [];
  for (const { line, row } of csvObjects(path.join(dir, COUNTRY_RISK_FILES.labour))) {
    // Manufactured goods ("Lithium-Ion Batteries") are not mine output: only the Mining sector counts.
    if ((row.sector ?? "").toLowerCase() !== "mining") continue;
    const minerals = goodToMinerals(row.good ?? "");
    if (minerals.length === 0) continue;
    const iso2 = countryToIso2(row.country);
    if (!iso2) {
      issues.push(`${COUNTRY_RISK_FILES.labour}:${line}: unknown country: ${JSON.stringify(row.country)}`);
      continue;
    }
    labour.push({
      good: row.good!,
      minerals,
      iso2,
      childLabour: yes(row.child_labor) || yes(row.forced_child_labor),
      forcedLabour: yes(row.forced_labor) || yes(row.forced_child_labor),
    });
  }
  const governance = new Map<string, Governance>();
  for (const { line, row } of csvObjects(path.join(dir, COUNTRY_RISK_FILES.governance))) {
    const iso2 = iso3ToIso2(row.iso3 ?? "");
    if (!iso2) continue;
    const percentiles: Record<string, number> = {};
    for (const k of ["cc_pct", "ge_pct", "pv_pct", "rq_pct", "rl_pct", "va_pct"]) {
      const v = row[k] ?? "";
      if (v !== "" && Number.isFinite(Number(v))) percentiles[k] = Number(v);
    }
    const values = Object.values(percentiles);
    if (values.length === 0) {
      issues.push(`${COUNTRY_RISK_FILES.governance}:${line}: no percentile ranks for ${row.iso3}`);
      continue;
    }
    governance.set(iso2, { iso2, percentiles, mean: values.reduce((a, b) => a + b, 0) / values.length });
  }
  return {
    covered,
    cahra,
    labour,
    governance,
    issues,
    vintages: {
      covered: "Dodd-Frank s.1502 (statutory)",
      cahra: cahraJson.meta?.version ?? "EU CAHRA list",
      labour: "ILAB List of Goods 2022",
      governance: "WGI 2022",
    },
  };
}
