import { countryToIso2 } from "../text/countries.ts";
import { cleanText, normalizeName } from "../text/normalize.ts";
import { canonicalMineral } from "../rmi/minerals.ts";
import { normalizeCid } from "../rmi/identifiers.ts";
import type { RollupCountry, RollupReference, RollupSmelterRow } from "./rollup-input.ts";

export interface RolledSmelter {
  metal: string;
  cid: string | null;
  /** Reference standard name when the CID is known, else the name the supplier gave. */
  name: string;
  country: string | null;
  countryIso2: string | null;
  rmiStatus: string;
  /** Conformant list facts for the audit-currency test (facility-status.ts). */
  lastAuditDate: string | null;
  auditCycleMonths: number | null;
  reauditInProgress: boolean | null;
  /** Vintage of the facility-status list the status rests on. */
  statusVintage: string | null;
  /** Sanctions entries the facility is a hit against. */
  sanctions: RollupReference["sanctions"];
  /** True when the CID is on the reference list. */
  inReference: boolean;
  /** Suppliers (ids) that listed the smelter. */
  suppliers: string[];
  /** Mine countries as written by suppliers (deduplicated). */
  mineCountries: string[];
  /** Smelter List column P rolled up: Yes only when every supplier that answered says Yes; null when none answered. */
  recycledScrap: "Yes" | "No" | "Unknown" | null;
}

export interface SmelterInput {
  supplierId: string;
  row: RollupSmelterRow;
}

export interface SmelterRollup {
  smelters: RolledSmelter[];
  /** Rows naming no smelter at all ("Smelter not yet identified", blank name and CID), per metal. */
  unidentified: Map<string, number>;
}

const NOT_IDENTIFIED = /not yet identified|^unknown$|^n\/?a$|^0$/i;

/** A supplier's column-P answer; pasted-value zeros and dashes count as no answer. */
function recycledVerdict(value: string | null): "yes" | "no" | "unknown" | null {
  const v = (cleanText(value) ?? "").toLowerCase();
  if (v === "" || /^(0|-+|n\/?a)$/.test(v)) return null;
  if (/^(yes|y)\b/.test(v)) return "yes";
  if (/^(no|n)\b/.test(v)) return "no";
  return "unknown";
}

function combineRecycled(verdicts: ReadonlyArray<"yes" | "no" | "unknown">): RolledSmelter["recycledScrap"] {
  if (verdicts.length === 0) return null;
  if (verdicts.includes("no")) return "No";
  return verdicts.every((v) => v === "yes") ? "Yes" : "Unknown";
}

/** Looks up a country name (any spelling listed in `countries`) → the country record. */
export function countryIndex(countries: readonly RollupCountry[]): (name: string | null) => RollupCountry | null {
  const byName = new Map<string, RollupCountry>();
  for (const c of countries) {
    byName.set(c.iso2.toLowerCase(), c);
    for (const n of c.names) byName.set(normalizeName(n), c);
  }
  const byIso = new Map(countries.map((c) => [c.iso2.toUpperCase(), c]));
  return (name) => {
    if (!name) return null;
    const iso = countryToIso2(name);
    return (iso ? byIso.get(iso) : undefined) ?? byName.get(normalizeName(name)) ?? null;
  };
}

/**
 * Deduplicates supplier smelter rows: by metal + CID, else by metal + normalised name + country.
 * Names and countries of CIDs on the reference list come from the reference.
 */
export function rollupSmelters(
  rows: readonly SmelterInput[],
  reference: readonly RollupReference[],
  countries: readonly RollupCountry[],
  reportedSanctions: ReadonlyArray<{ key: string; hits: RollupReference["sanctions"] }> = [],
): SmelterRollup {
  const typedHits = new Map(reportedSanctions.map((r) => [r.key, r.hits]));
  const refByCid = new Map(reference.map((r) => [`${r.metal.toLowerCase()}|${r.cid}`, r]));
  const refAnyMetal = new Map(reference.map((r) => [r.cid, r]));
  const country = countryIndex(countries);
  const out = new Map<string, RolledSmelter>();
  const unidentified = new Map<string, number>();
  const recycled = new Map<RolledSmelter, Array<"yes" | "no" | "unknown">>();

  for (const { supplierId, row } of rows) {
    const cid = normalizeCid(row.cid);
    const metal = canonicalMineral(row.metal) ?? (cid ? canonicalMineral(refAnyMetal.get(cid)?.metal) : null);
    if (!metal) continue;
    const ref = cid ? (refByCid.get(`${metal.toLowerCase()}|${cid}`) ?? null) : null;
    const name = cleanText(row.name);
    if (!cid && (!name || NOT_IDENTIFIED.test(name))) {
      unidentified.set(metal, (unidentified.get(metal) ?? 0) + 1);
      continue;
    }
    const countryName = ref?.country ?? cleanText(row.country);
    const key = cid ? `${metal}|${cid}` : `${metal}|${normalizeName(name ?? "")}|${normalizeName(countryName ?? "")}`;
    let s = out.get(key);
    if (!s) {
      s = {
        metal,
        cid,
        name: ref?.standardName ?? name ?? cid ?? "",
        country: countryName,
        countryIso2: ref?.countryIso2 ?? country(countryName)?.iso2 ?? countryToIso2(countryName),
        rmiStatus: ref?.rmiStatus ?? "unknown",
        lastAuditDate: ref?.lastAuditDate ?? null,
        auditCycleMonths: ref?.auditCycleMonths ?? null,
        reauditInProgress: ref?.reauditInProgress ?? null,
        statusVintage: ref?.statusVintage ?? null,
        // A facility no reference CID names is screened by what suppliers typed (scoring's unmatched key).
        sanctions:
          ref?.sanctions ?? typedHits.get(`unmatched:${metal.toLowerCase()}:${normalizeName(name ?? "")}`) ?? [],
        inReference: ref !== null,
        suppliers: [],
        mineCountries: [],
        recycledScrap: null,
      };
      out.set(key, s);
      recycled.set(s, []);
    }
    const verdict = recycledVerdict(row.recycledScrap);
    if (verdict) recycled.get(s)!.push(verdict);
    if (!s.suppliers.includes(supplierId)) s.suppliers.push(supplierId);
    for (const m of (cleanText(row.mineCountries) ?? "").split(/[,;/]| and /)) {
      const c = cleanText(m);
      if (c && !s.mineCountries.includes(c)) s.mineCountries.push(c);
    }
  }
  for (const [s, verdicts] of recycled) s.recycledScrap = combineRecycled(verdicts);
  const smelters = [...out.values()].sort(
    (a, b) =>
      a.metal.localeCompare(b.metal) || a.name.localeCompare(b.name) || (a.cid ?? "").localeCompare(b.cid ?? ""),
  );
  return { smelters, unidentified };
}
