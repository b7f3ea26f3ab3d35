import type { SanctionsEntry } from "../../loaders/reference/sanctions-entry.ts";
import { nameVariants, screeningName, type ScreeningName } from "./screening-name.ts";

export interface IndexedName {
  entry: number;
  nameType: string;
  name: ScreeningName;
}

/** What a hit reports about a listed party (aliases live in `names`; remarks are not screened). */
export type ListedParty = Pick<
  SanctionsEntry,
  "list" | "id" | "name" | "type" | "programs" | "countries" | "countriesFromAddress"
>;

/** Listed names prepared once for screening: an inverted index on folded tokens and 4-letter prefixes. */
export interface SanctionsIndex {
  entries: readonly ListedParty[];
  names: IndexedName[];
  byToken: Map<string, number[]>;
  byPrefix: Map<string, number[]>;
  /** Number of entries whose names contain the token: common tokens ("korea", "bank") weigh less. */
  df: Map<string, number>;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The costly half of indexing: every listed spelling split into folded tokens (entry order, duplicates dropped). */
export function prepareListedNames(entries: readonly SanctionsEntry[]): IndexedName[] {
  const names: IndexedName[] = [];
  entries.forEach((entry, e) => {
    const seen = new Set<string>();
    for (const { name, nameType } of [{ name: entry.name, nameType: "primary" }, ...entry.aliases]) {
      for (const variant of nameVariants(name, false)) {
        const sn = screeningName(variant);
        const key = [...sn.distinctive, "|", ...sn.descriptor, "|", ...sn.generic].join(" ");
        if (sn.distinctive.length === 0 || seen.has(key)) continue;
        seen.add(key);
        names.push({ entry: e, nameType, name: sn });
      }
    }
  });
  return names;
}

/** The cheap half: token and prefix postings and document frequencies from prepared names. */
export function indexPreparedNames(entries: readonly ListedParty[], names: IndexedName[]): SanctionsIndex {
  const index: SanctionsIndex = { entries, names, byToken: new Map(), byPrefix: new Map(), df: new Map() };
  let entry = -1;
  let tokensOfEntry = new Set<string>();
  const flush = () => {
    for (const t of tokensOfEntry) index.df.set(t, (index.df.get(t) ?? 0) + 1);
    tokensOfEntry = new Set();
  };
  names.forEach((n, id) => {
    if (n.entry !== entry) {
      flush();
      entry = n.entry;
    }
    for (const t of n.name.distinctive) {
      push(index.byToken, t, id);
      tokensOfEntry.add(t);
    }
    for (const t of n.name.descriptor) {
      push(index.byToken, t, id);
      tokensOfEntry.add(t);
    }
    for (const t of n.name.distinctive) if (t.length >= 5) push(index.byPrefix, t.slice(0, 4), id);
  });
  flush();
  return index;
}

export function buildSanctionsIndex(entries: readonly SanctionsEntry[]): SanctionsIndex {
  return indexPreparedNames(entries, prepareListedNames(entries));
}

/** Weight of a distinctive token: 1 when rare, down to 0.35 when many entries share it. */
export function tokenWeight(index: SanctionsIndex, token: string): number {
  const df = index.df.get(token) ?? 0;
  return df <= 3 ? 1 : Math.max(0.35, 1 - 0.15 * Math.log(df / 3));
}
