import { countryNameTable, countryToIso2, useCountryNameTable } from "../text/countries.ts";
import { nameKey, trigrams, type NameKey } from "../rmi/name-key.ts";
import { findCids } from "../rmi/identifiers.ts";
import type { WeightedToken } from "./similarity.ts";
import type {
  LegacyIdRow,
  MatchReference,
  ReferenceAlias,
  ReferenceFacility,
  RemovedFacility,
  RevisionRow,
  Sighting,
} from "./reference-rows.ts";

/** A status change of a facility, from the revision history; `successors` are the CIDs RMI points to ("see CID002224", "Alias to CID000760"). */
export interface StatusChange {
  change: string;
  date: string | null;
  details: string | null;
  name: string | null;
  successors: string[];
}

/** Where a facility stands in the loaded reference. */
export interface FacilityStanding {
  /** "listed": in a current list; "historical": only in older vintages; "removed": RMI removed it (latest revision). */
  status: "listed" | "historical" | "removed";
  /** The newest list that names the facility. */
  listedIn: { list: string; file: string; vintage: string | null; current: boolean } | null;
  changes: StatusChange[];
  successors: string[];
}

export interface AliasEntry {
  metal: string;
  cid: string;
  alias: string;
  /** A current list names the facility by this name (false: only an older vintage did). */
  current: boolean;
  key: NameKey;
  tokens: WeightedToken[];
  /** The name's character trigrams as ids into the index's trigram vocabulary, ascending. */
  grams: readonly number[];
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
  /** Trigram → its id (the vocabulary of every entry's trigrams). */
  gramIds: Map<string, number>;
  /** Per metal, trigram id → positions in entriesByMetal's list of that metal, for candidate generation. */
  gramIndex: Map<string, (number[] | undefined)[]>;
  /** metal|cid → status, newest list and changes. */
  standing: Map<string, FacilityStanding>;
}

export function weightTokens(key: NameKey, idf: ReadonlyMap<string, number>, maxIdf: number): WeightedToken[] {
  return key.core.map((stem, i) => ({ stem, raw: key.raw[i] ?? stem, weight: idf.get(stem) ?? maxIdf }));
}

export const facilityKey = (metal: string, cid: string) => `${metal}|${cid}`;

function successorsOf(details: string | null, self: string): string[] {
  return findCids(details).filter((cid) => cid !== self);
}

const isReferenceKind = (kind: string) => /^rmi-(lookup|facility-list)-/.test(kind);
// Current first, newest vintage first, then smelter reference lists before status lists; file name last (deterministic).
const byVintageDesc = (a: Sighting, b: Sighting) =>
  Number(b.current) - Number(a.current) ||
  (b.vintage ?? "").localeCompare(a.vintage ?? "") ||
  Number(isReferenceKind(b.kind)) - Number(isReferenceKind(a.kind)) ||
  Number(b.standard) - Number(a.standard) ||
  a.file.localeCompare(b.file) ||
  (a.name ?? "").localeCompare(b.name ?? "");

/**
 * Builds the index from reference rows (pure; see loadMatchIndex for the database version). `facilities` and
 * `aliases` are the current reference; `sightings` are every list of every loaded vintage that named a facility
 * (older look-ups, status lists, legacy-ID table), so a CID or name RMI listed once still resolves, with its
 * newest list and status; `revisions` give removals, renames and relocations.
 */
/** The index as plain data (what a snapshot stores); indexFromData adds the look-up structures. */
export interface MatchIndexData {
  facilities: ReferenceFacility[];
  entries: { metal: string; cid: string; alias: string; current: boolean; key: NameKey; grams: number[] }[];
  /** Every entry's character trigrams once; entries give theirs as positions in this list. */
  grams: string[];
  idf: [string, number][];
  maxIdf: number;
  removed: RemovedFacility[];
  legacy: LegacyIdRow[];
  standing: [string, FacilityStanding][];
  /** The country name table (src/text/countries.ts) the index was built with, installed when a snapshot is read. */
  countries?: [string, string][];
}

export function buildMatchIndex(input: MatchReference): MatchIndex {
  return indexFromData(prepareMatchIndex(input));
}

/** Builds the index from its plain data: maps, the exact-alias table and the trigram candidate index. */
export function indexFromData(data: MatchIndexData): MatchIndex {
  if (data.countries) useCountryNameTable(data.countries);
  const facilities = new Map<string, ReferenceFacility>();
  const metalsByCid = new Map<string, string[]>();
  for (const f of data.facilities) {
    facilities.set(facilityKey(f.metal, f.cid), f);
    const metals = metalsByCid.get(f.cid);
    if (metals) metals.push(f.metal);
    else metalsByCid.set(f.cid, [f.metal]);
  }
  const idf = new Map(data.idf);
  const maxIdf = data.maxIdf;
  const entriesByMetal = new Map<string, AliasEntry[]>();
  const exact = new Map<string, Set<string>>();
  const gramIds = new Map<string, number>();
  for (let i = 0; i < data.grams.length; i++) gramIds.set(data.grams[i]!, i);
  const gramIndex = new Map<string, (number[] | undefined)[]>();
  for (const a of data.entries) {
    const key = a.key;
    const entry: AliasEntry = {
      metal: a.metal,
      cid: a.cid,
      alias: a.alias,
      current: a.current,
      key,
      tokens: weightTokens(key, idf, maxIdf),
      grams: a.grams,
    };
    let list = entriesByMetal.get(a.metal);
    if (!list) entriesByMetal.set(a.metal, (list = []));
    let grams = gramIndex.get(a.metal);
    if (!grams) gramIndex.set(a.metal, (grams = new Array<number[] | undefined>(data.grams.length)));
    for (const g of a.grams) {
      const at = grams[g];
      if (at) at.push(list.length);
      else grams[g] = [list.length];
    }
    list.push(entry);
    const ek = `${a.metal}|${key.norm}`;
    const set = exact.get(ek);
    if (set) set.add(a.cid);
    else exact.set(ek, new Set([a.cid]));
  }
  const removed = new Map(data.removed.map((r) => [r.cid, r]));
  const legacy = new Map(data.legacy.map((l) => [l.legacy_id, l]));
  return {
    facilities,
    metalsByCid,
    entriesByMetal,
    exact,
    removed,
    legacy,
    idf,
    maxIdf,
    gramIds,
    gramIndex,
    standing: new Map(data.standing),
  };
}

/** Resolves every name once (normalisation, legal forms, weights) and every facility's standing. Pure. */
export function prepareMatchIndex(input: MatchReference): MatchIndexData {
  const facilities = new Map<string, ReferenceFacility>();
  const metalsByCid = new Map<string, string[]>();
  const currentKeys = new Set<string>();
  const addFacility = (f: ReferenceFacility) => {
    const k = facilityKey(f.metal, f.cid);
    if (facilities.has(k)) return;
    facilities.set(k, { ...f, country_iso2: f.country_iso2 ?? countryToIso2(f.country) });
    metalsByCid.set(f.cid, [...(metalsByCid.get(f.cid) ?? []), f.metal]);
  };
  for (const f of input.facilities) {
    addFacility(f);
    currentKeys.add(facilityKey(f.metal, f.cid));
  }
  // A status list counts as current only when it is not older than the newest current look-up or facility
  // reference list for the metal: a 2023 snapshot does not keep a facility "listed" that the 2026 lists dropped.
  const isReference = isReferenceKind;
  const newestReference = new Map<string, string>();
  for (const s of input.sightings ?? []) {
    if (s.current && s.vintage && isReference(s.kind) && s.vintage > (newestReference.get(s.metal) ?? ""))
      newestReference.set(s.metal, s.vintage);
  }
  const sightings = (input.sightings ?? [])
    .map((s) => {
      const newest = newestReference.get(s.metal);
      const stale =
        s.current && !isReference(s.kind) && newest !== undefined && (s.vintage === null || s.vintage < newest);
      return stale ? { ...s, current: false } : s;
    })
    .sort(byVintageDesc);
  const sightingsOf = new Map<string, Sighting[]>();
  for (const s of sightings) {
    const k = facilityKey(s.metal, s.cid);
    sightingsOf.set(k, [...(sightingsOf.get(k) ?? []), s]);
    if (s.current && s.standard) currentKeys.add(k);
  }
  // Facilities only older vintages name: their newest standard name (else any name) stands for them.
  for (const list of sightingsOf.values()) {
    const best = list.find((s) => s.standard && s.name) ?? list.find((s) => s.name);
    if (best?.name)
      addFacility({
        metal: best.metal,
        cid: best.cid,
        standard_name: best.name,
        country: best.country,
        country_iso2: null,
      });
  }
  // Removed-only CIDs (named by the revision history alone) resolve too.
  const revisions = input.revisions ?? [];
  for (const r of [...revisions].sort((a, b) => (b.revision_date ?? "").localeCompare(a.revision_date ?? ""))) {
    if (r.metal && r.standard_name)
      addFacility({
        metal: r.metal,
        cid: r.cid,
        standard_name: r.standard_name,
        country: r.country,
        country_iso2: null,
      });
  }
  for (const r of input.removed ?? []) {
    if (r.metal && r.standard_name)
      addFacility({ metal: r.metal, cid: r.cid, standard_name: r.standard_name, country: null, country_iso2: null });
  }

  const names: (ReferenceAlias & { current: boolean })[] = [];
  for (const a of input.aliases) if (facilities.has(facilityKey(a.metal, a.cid))) names.push({ ...a, current: true });
  for (const f of facilities.values())
    names.push({
      metal: f.metal,
      cid: f.cid,
      alias: f.standard_name,
      current: currentKeys.has(facilityKey(f.metal, f.cid)),
    });
  // The 2014 legacy-ID table translates IDs; its names ("PT Timah" for what is now two smelters) count only for
  // facilities no list names.
  const legacyOnly = (s: Sighting) =>
    !s.kind.startsWith("rmi-legacy-ids") ||
    !(sightingsOf.get(facilityKey(s.metal, s.cid)) ?? []).some((o) => o.standard);
  for (const s of sightings)
    if (s.name && legacyOnly(s)) names.push({ metal: s.metal, cid: s.cid, alias: s.name, current: s.current });
  // Revision-history names stand in only for facilities no list names (a renaming row may carry a group's old name).
  for (const r of revisions)
    if (r.metal && r.standard_name && !sightingsOf.has(facilityKey(r.metal, r.cid)))
      names.push({ metal: r.metal, cid: r.cid, alias: r.standard_name, current: false });
  const seen = new Map<string, { a: ReferenceAlias & { current: boolean }; key: NameKey }>();
  const keys = new Map<string, NameKey>();
  for (const a of names) {
    let key = keys.get(a.alias);
    if (!key) keys.set(a.alias, (key = nameKey(a.alias)));
    const id = `${a.metal}|${a.cid}|${key.norm}`;
    if (key.norm === "") continue;
    const had = seen.get(id);
    if (had) {
      if (a.current) had.a.current = true;
      continue;
    }
    seen.set(id, { a: { ...a }, key });
  }
  const keyed = [...seen.values()];
  // Document frequency counts facilities, not aliases, so a facility with many spellings does not dilute its words.
  const df = new Map<string, Set<string>>();
  for (const { a, key } of keyed)
    for (const t of new Set(key.core)) df.set(t, (df.get(t) ?? new Set()).add(facilityKey(a.metal, a.cid)));
  const n = facilities.size || 1;
  const idf = new Map<string, number>();
  for (const [t, s] of df) idf.set(t, Math.log(1 + n / s.size));
  const maxIdf = Math.log(1 + n);

  // Standing: the latest removal/addition decides "removed"; a list newer than the removal that names it again wins.
  const changesOf = new Map<string, RevisionRow[]>();
  for (const r of revisions) changesOf.set(r.cid, [...(changesOf.get(r.cid) ?? []), r]);
  const removedInput = new Map((input.removed ?? []).map((r) => [r.cid, r]));
  const standing = new Map<string, FacilityStanding>();
  const removed = new Map<string, RemovedFacility>();
  for (const [k, f] of facilities) {
    const seenIn = sightingsOf.get(k) ?? [];
    const top = seenIn[0];
    const listedIn = top ? { list: top.list, file: top.file, vintage: top.vintage, current: top.current } : null;
    const seenRows = new Set<string>();
    const rows = (changesOf.get(f.cid) ?? [])
      .filter((r) => !r.metal || r.metal === f.metal)
      .filter((r) => {
        const id = `${r.revision}|${r.revision_date}|${r.details}`;
        return !seenRows.has(id) && Boolean(seenRows.add(id));
      })
      .sort((a, b) => (b.revision_date ?? "").localeCompare(a.revision_date ?? ""));
    const changes: StatusChange[] = rows.map((r) => ({
      change: r.revision,
      date: r.revision_date,
      details: r.details,
      name: r.standard_name,
      successors: successorsOf(r.details, f.cid),
    }));
    const lastMove = rows.find((r) => r.revision === "removed" || r.revision === "added");
    let removal: RemovedFacility | undefined =
      lastMove?.revision === "removed"
        ? {
            cid: f.cid,
            metal: f.metal,
            standard_name: lastMove.standard_name ?? f.standard_name,
            revision_date: lastMove.revision_date,
            details: lastMove.details,
          }
        : undefined;
    if (!lastMove && removedInput.has(f.cid) && !currentKeys.has(k)) removal = removedInput.get(f.cid);
    // Listed again by a current list of a later vintage than the removal: RMI reinstated it.
    if (
      removal &&
      seenIn.some(
        (s) => s.current && s.standard && s.vintage && removal!.revision_date && s.vintage > removal!.revision_date,
      )
    )
      removal = undefined;
    if (removal) removed.set(f.cid, removal);
    const successors = removal ? successorsOf(removal.details, f.cid) : [];
    standing.set(k, {
      status: removal ? "removed" : currentKeys.has(k) ? "listed" : "historical",
      listedIn,
      changes,
      successors,
    });
  }
  const legacy = new Map<string, LegacyIdRow>();
  for (const l of input.legacy ?? []) legacy.set(l.legacy_id, l);
  const vocabulary = new Map<string, number>();
  const gramsOf = (compact: string) =>
    [...trigrams(compact)]
      .map((g) => {
        let id = vocabulary.get(g);
        if (id === undefined) vocabulary.set(g, (id = vocabulary.size));
        return id;
      })
      .sort((x, y) => x - y);
  return {
    facilities: [...facilities.values()],
    entries: keyed.map(({ a, key }) => ({
      metal: a.metal,
      cid: a.cid,
      alias: a.alias,
      current: a.current,
      key,
      grams: gramsOf(key.compact),
    })),
    grams: [...vocabulary.keys()],
    idf: [...idf],
    maxIdf,
    removed: [...removed.values()],
    legacy: [...legacy.values()],
    standing: [...standing],
    countries: countryNameTable(),
  };
}
