import { z } from "zod";
import type { Database } from "../db/database.ts";
import { countryToIso2 } from "../text/countries.ts";
import { nameKey, trigrams, type NameKey } from "../rmi/name-key.ts";
import type { WeightedToken } from "./similarity.ts";

export const ReferenceFacility = z.object({
  metal: z.string(),
  cid: z.string(),
  standard_name: z.string(),
  country: z.string().nullable(),
  country_iso2: z.string().nullable(),
});
export type ReferenceFacility = z.infer<typeof ReferenceFacility>;

export const ReferenceAlias = z.object({ metal: z.string(), cid: z.string(), alias: z.string() });
export type ReferenceAlias = z.infer<typeof ReferenceAlias>;

export const RemovedFacility = z.object({ cid: z.string(), metal: z.string().nullable(), standard_name: z.string().nullable(), revision_date: z.string().nullable(), details: z.string().nullable() });
export type RemovedFacility = z.infer<typeof RemovedFacility>;

export const LegacyIdRow = z.object({ legacy_id: z.string(), cid: z.string(), metal: z.string().nullable() });
export type LegacyIdRow = z.infer<typeof LegacyIdRow>;

export interface AliasEntry {
  metal: string;
  cid: string;
  alias: string;
  key: NameKey;
  tokens: WeightedToken[];
  grams: Set<string>;
}

/** Everything identification needs, in memory: built once, queried thousands of times. */
export interface MatchIndex {
  facilities: Map<string, ReferenceFacility>;
  metalsByCid: Map<string, string[]>;
  entriesByMetal: Map<string, AliasEntry[]>;
  exact: Map<string, Set<string>>;
  removed: Map<string, RemovedFacility>;
  legacy: Map<string, LegacyIdRow>;
  idf: Map<string, number>;
  maxIdf: number;
  /** Trigram → positions in entriesByMetal's list of that metal, for candidate generation. */
  gramIndex: Map<string, Map<string, number[]>>;
}

export function weightTokens(key: NameKey, idf: ReadonlyMap<string, number>, maxIdf: number): WeightedToken[] {
  return key.core.map((stem, i) => ({ stem, raw: key.raw[i] ?? stem, weight: idf.get(stem) ?? maxIdf }));
}

export const facilityKey = (metal: string, cid: string) => `${metal}|${cid}`;

/** Builds the index from reference rows (pure; see loadMatchIndex for the database version). */
export function buildMatchIndex(input: {
  facilities: readonly ReferenceFacility[];
  aliases: readonly ReferenceAlias[];
  removed?: readonly RemovedFacility[];
  legacy?: readonly LegacyIdRow[];
}): MatchIndex {
  const facilities = new Map<string, ReferenceFacility>();
  const metalsByCid = new Map<string, string[]>();
  for (const f of input.facilities) {
    const iso = f.country_iso2 ?? countryToIso2(f.country);
    facilities.set(facilityKey(f.metal, f.cid), { ...f, country_iso2: iso });
    metalsByCid.set(f.cid, [...(metalsByCid.get(f.cid) ?? []), f.metal]);
  }
  const names = [...input.aliases.filter((a) => facilities.has(facilityKey(a.metal, a.cid)))];
  for (const f of facilities.values()) names.push({ metal: f.metal, cid: f.cid, alias: f.standard_name });
  const seen = new Set<string>();
  const keyed: { a: ReferenceAlias; key: NameKey }[] = [];
  for (const a of names) {
    const key = nameKey(a.alias);
    const id = `${a.metal}|${a.cid}|${key.norm}`;
    if (key.norm === "" || seen.has(id)) continue;
    seen.add(id);
    keyed.push({ a, key });
  }
  // Document frequency counts facilities, not aliases, so a facility with many spellings does not dilute its words.
  const df = new Map<string, Set<string>>();
  for (const { a, key } of keyed) for (const t of new Set(key.core)) df.set(t, (df.get(t) ?? new Set()).add(facilityKey(a.metal, a.cid)));
  const n = facilities.size || 1;
  const idf = new Map<string, number>();
  for (const [t, s] of df) idf.set(t, Math.log(1 + n / s.size));
  const maxIdf = Math.log(1 + n);
  const entriesByMetal = new Map<string, AliasEntry[]>();
  const exact = new Map<string, Set<string>>();
  const gramIndex = new Map<string, Map<string, number[]>>();
  for (const { a, key } of keyed) {
    const entry: AliasEntry = { metal: a.metal, cid: a.cid, alias: a.alias, key, tokens: weightTokens(key, idf, maxIdf), grams: trigrams(key.compact) };
    const list = entriesByMetal.get(a.metal) ?? [];
    if (list.length === 0) entriesByMetal.set(a.metal, list);
    const grams = gramIndex.get(a.metal) ?? new Map<string, number[]>();
    gramIndex.set(a.metal, grams);
    for (const g of entry.grams) grams.set(g, [...(grams.get(g) ?? []), list.length]);
    list.push(entry);
    const ek = `${a.metal}|${key.norm}`;
    exact.set(ek, (exact.get(ek) ?? new Set()).add(a.cid));
  }
  const removed = new Map<string, RemovedFacility>();
  for (const r of input.removed ?? []) if (!metalsByCid.has(r.cid)) removed.set(r.cid, r);
  const legacy = new Map<string, LegacyIdRow>();
  for (const l of input.legacy ?? []) legacy.set(l.legacy_id, l);
  return { facilities, metalsByCid, entriesByMetal, exact, removed, legacy, idf, maxIdf, gramIndex };
}

/** Builds the index from the current reference tables (newest load of each kind). */
export async function loadMatchIndex(db: Database): Promise<MatchIndex> {
  const parse = <T>(schema: z.ZodType<T>, rows: unknown[]) => rows.map((r) => schema.parse(r));
  const facilities = await db.all("SELECT metal, cid, standard_name, country, country_iso2 FROM current_ref_smelters");
  const aliases = await db.all("SELECT metal, cid, alias FROM current_ref_smelter_aliases");
    // The latest revision of each CID decides: removed, or re-added later.
  const removed = await db.all(`SELECT cid, metal, standard_name, CAST(revision_date AS VARCHAR) AS revision_date, details FROM (
              SELECT *, row_number() OVER (PARTITION BY cid ORDER BY revision_date DESC NULLS LAST) AS rn
              FROM current_ref_facility_revisions WHERE revision IN ('removed', 'added')
            ) WHERE rn = 1 AND revision = 'removed'`);
  const legacy = await db.all("SELECT DISTINCT legacy_id, cid, metal FROM current_ref_legacy_ids");
  return buildMatchIndex({
    facilities: parse(ReferenceFacility, facilities),
    aliases: parse(ReferenceAlias, aliases),
    removed: parse(RemovedFacility, removed),
    legacy: parse(LegacyIdRow, legacy),
  });
}
