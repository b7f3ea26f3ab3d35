import type { Database } from "../db/database.ts";
import { SanctionsEntry } from "../../loaders/reference/sanctions-entry.ts";
import { currentSanctionsLoads } from "../../loaders/reference/store-sanctions.ts";

interface EntryRow {
  load_id: number;
  list: string;
  entry_id: string;
  name: string;
  entry_type: string;
  programs: string | null;
  countries: string | null;
  countries_from_address: boolean;
  remarks: string | null;
  designated: string | null;
}

/** Reads the entries of the given loads (default: the current load of every sanctions kind). */
export async function readSanctionsEntries(db: Database, loadIds?: readonly number[]): Promise<SanctionsEntry[]> {
  const ids = loadIds ?? (await currentSanctionsLoads(db));
  const out: SanctionsEntry[] = [];
  for (const loadId of ids) {
    const rows = await db.all<EntryRow>("SELECT * FROM sanctions_entries WHERE load_id = ? ORDER BY entry_id", [
      loadId,
    ]);
    const names = await db.all<{ entry_id: string; name: string; name_type: string }>(
      "SELECT entry_id, name, name_type FROM sanctions_names WHERE load_id = ?",
      [loadId],
    );
    const aliases = new Map<string, { name: string; nameType: string }[]>();
    for (const n of names) {
      const list = aliases.get(n.entry_id) ?? [];
      list.push({ name: n.name, nameType: n.name_type });
      aliases.set(n.entry_id, list);
    }
    for (const r of rows) {
      const parsed = SanctionsEntry.safeParse({
        list: r.list,
        id: r.entry_id,
        name: r.name,
        type: r.entry_type,
        programs: r.programs ? r.programs.split("; ") : [],
        countries: r.countries ? r.countries.split(",") : [],
        countriesFromAddress: r.countries_from_address,
        aliases: aliases.get(r.entry_id) ?? [],
        remarks: r.remarks,
        designated: r.designated,
      });
      if (parsed.success) out.push(parsed.data);
    }
  }
  return out;
}
