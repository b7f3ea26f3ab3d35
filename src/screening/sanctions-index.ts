import type { SanctionsEntry } from "./sanctions-entry.ts";
import { nameVariants, screeningName, type ScreeningName } from "./screening-name.ts";

export interface IndexedName {
  entry: number;
  nameType: string;
  name: ScreeningName;
}

/** Listed names prepared once for screening: an inverted index on folded tokens and 4-letter prefixes. */
export interface SanctionsIndex {
  entries: readonly SanctionsEntry[];
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

export function buildSanctionsIndex(entries: readonly SanctionsEntry[]): SanctionsIndex {
  const index: SanctionsIndex = { entries, names: [], byToken: new Map(), byPrefix: new Map(), df: new Map() };
  entries.forEach((entry, e) => {
    const seen = new Set<string>();
    const tokensOfEntry = new Set<string>();
    const all = [{ name: entry.name, nameType: "primary" }, ...entry.aliases];
    for (const { name, nameType } of all) {
      for (const variant of nameVariants(name, false)) {
        const sn = screeningName(variant);
        const key = [...sn.distinctive, "|", ...sn.descriptor, "|", ...sn.generic].join(" ");
        if (sn.distinctive.length === 0 || seen.has(key)) continue;
        seen.add(key);
        const id = index.names.length;
        index.names.push({ entry: e, nameType, name: sn });
        for (const t of [...sn.distinctive, ...sn.descriptor]) {
          push(index.byToken, t, id);
          tokensOfEntry.add(t);
        }
        for (const t of sn.distinctive) if (t.length >= 5) push(index.byPrefix, t.slice(0, 4), id);
      }
    }
    for (const t of tokensOfEntry) index.df.set(t, (index.df.get(t) ?? 0) + 1);
  });
  return index;
}

/** Weight of a distinctive token: 1 when rare, down to 0.35 when many entries share it. */
export function tokenWeight(index: SanctionsIndex, token: string): number {
  const df = index.df.get(token) ?? 0;
  return df <= 3 ? 1 : Math.max(0.35, 1 - 0.15 * Math.log(df / 3));
}
