import type { Database } from "../db/database.ts";
import { normalizeMetal } from "../rmi/minerals.ts";
import { smelterKey } from "../rmi/smelter-key.ts";
import { countryToIso2 } from "../text/countries.ts";
import { cleanText, normalizeName } from "../text/normalize.ts";
import type { ReferenceSmelter } from "./reference-smelters.ts";

/** One Smelter List row as stored, with the CID scoring resolves it to (matched, else a reference CID typed). */
export interface ReportedRow {
  declaration_id: string;
  row: number;
  metal: string | null;
  lookup_name: string | null;
  name: string | null;
  country: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  mine_countries: string | null;
  /** EMRT Mine List countries of the same declaration, metal and smelter name, joined by "; ". */
  mine_list_countries?: string | null;
  cid: string | null;
}

/** The rows one smelter key gathers for one reported country: what suppliers typed, to screen and rate. */
export interface ReportedSmelter {
  /** Scoring's smelter key: the CID when matched, else `unmatched:<metal>:<normalised name>`. */
  key: string;
  cid: string | null;
  /** True when (cid, metal) is a reference smelter: its location and mine countries are rated by CID already. */
  referenced: boolean;
  /** Lower-case, as scoring keys smelters. */
  metal: string;
  /** ISO alpha-2: the reference location for a matched CID, else the country the supplier typed (null: none). */
  countryIso2: string | null;
  /** Distinct spellings (case and punctuation aside) not already on the reference list for this CID, most reported first. */
  spellings: string[];
  address: string | null;
  rows: number;
  /** Mine-country cells of the rows, with the row they came from. */
  mineCountries: { text: string; source: string }[];
}

const PLACEHOLDER_LOOKUP = /^smelter not (yet )?(listed|identified)$/i;

/**
 * Pure: groups reported rows by scoring's smelter key and reported country. Rows scoring ignores (no metal, no
 * typed name, a literal 0) are skipped; a matched CID's group keeps only spellings the reference does not know.
 */
export function groupReportedRows(
  rows: readonly ReportedRow[],
  reference: readonly ReferenceSmelter[],
): ReportedSmelter[] {
  const known = new Map<string, { iso2: string | null; names: Set<string> }>();
  for (const s of reference) {
    known.set(`${s.metal.toLowerCase()}|${s.cid}`, {
      iso2: s.countryIso2,
      names: new Set([s.name, ...s.aliases].map(normalizeName)),
    });
  }
  type Group = ReportedSmelter & { counts: Map<string, { spelling: string; n: number }> };
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const metal = normalizeMetal(cleanText(r.metal));
    const name = cleanText(r.name);
    if (!metal || !name || /^[\d\W]*$/.test(normalizeName(name))) continue;
    const key = smelterKey(r.cid, metal, name);
    const ref = r.cid ? known.get(`${metal.toLowerCase()}|${r.cid}`) : undefined;
    const iso2 = r.cid ? (ref?.iso2 ?? countryToIso2(r.country)) : countryToIso2(r.country);
    const id = `${key}|${metal.toLowerCase()}|${iso2 ?? ""}`;
    const group: Group = groups.get(id) ?? {
      key,
      cid: r.cid,
      referenced: ref !== undefined,
      metal,
      countryIso2: iso2,
      spellings: [],
      address: null,
      rows: 0,
      mineCountries: [],
      counts: new Map(),
    };
    group.rows += 1;
    const lookup = cleanText(r.lookup_name);
    for (const spelling of [name, lookup && !PLACEHOLDER_LOOKUP.test(lookup) ? lookup : null]) {
      const folded = spelling ? normalizeName(spelling) : "";
      if (!spelling || ref?.names.has(folded)) continue;
      const seen = group.counts.get(folded);
      group.counts.set(folded, { spelling: seen?.spelling ?? spelling, n: (seen?.n ?? 0) + 1 });
    }
    group.address ??=
      [r.street, r.city, r.state]
        .map((v) => cleanText(v))
        .filter(Boolean)
        .join(", ") || null;
    const mines = cleanText(r.mine_countries);
    if (mines) group.mineCountries.push({ text: mines, source: `${r.declaration_id} smelter row ${r.row}` });
    const mineList = cleanText(r.mine_list_countries);
    if (mineList)
      group.mineCountries.push({ text: mineList, source: `${r.declaration_id} mine list (smelter row ${r.row})` });
    groups.set(id, group);
  }
  return [...groups.values()].map(({ counts, ...g }) => ({
    ...g,
    spellings: [...counts.values()]
      .sort((a, b) => b.n - a.n || (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0))
      .map((c) => c.spelling),
  }));
}

/**
 * Reads every stored Smelter List row with its resolved identity (resolved_smelter_rows: matched, else a typed reference CID) and
 * the EMRT Mine List countries tied to it (same declaration, metal and smelter name).
 */
export async function readReportedRows(db: Database): Promise<ReportedRow[]> {
  return db.all<ReportedRow>(
    `SELECT CAST(s.declaration_id AS VARCHAR) AS declaration_id, s."row" AS "row", s.metal,
            s.lookup_name, s.name, s.country, s.street, s.city, s.state, s.mine_countries,
            (SELECT string_agg(DISTINCT x.country, '; ') FROM mines x WHERE x.declaration_id = s.declaration_id AND x.metal = s.reported_metal
               AND lower(trim(x.smelter_name)) = lower(trim(s.name)) AND x.country IS NOT NULL) AS mine_list_countries,
            s.cid
     FROM resolved_smelter_rows s
     ORDER BY s.declaration_id, s."row"`,
  );
}
