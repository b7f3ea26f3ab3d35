import { createHash } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import type { ReferenceLoadResult } from "./detect.ts";
import { storeLoad } from "./store.ts";
import { listChanges } from "../../src/screening/list-changes.ts";
import type { ParsedList } from "./sanctions-entry.ts";

export interface SanctionsLoadInfo {
  kind: string;
  sourceFile: string;
  vintage: string | null;
  /** Every file read (primary and companions): the load hash covers all of them. */
  bytes: Uint8Array[];
  detail: string;
}

/**
 * Stores a parsed list as a new reference load (same bytes as the current load: no-op), then reports the
 * reference smelters newly designated or delisted compared with the previous load of the same kind.
 */
export async function storeSanctionsList(db: Database, parsed: ParsedList, info: SanctionsLoadInfo): Promise<ReferenceLoadResult> {
  const hash = createHash("sha256");
  for (const b of info.bytes) hash.update(b);
  const previous = await db.scalar<number>("SELECT max(load_id) FROM reference_loads WHERE kind = ?", [info.kind]);
  const loadId = await storeLoad(
    db,
    { kind: info.kind, sourceFile: info.sourceFile, vintage: parsed.vintage ?? info.vintage, sha256: hash.digest("hex"), rowCount: parsed.entries.length, detail: info.detail },
    [
      {
        table: "sanctions_entries",
        columns: ["list", "entry_id", "name", "entry_type", "programs", "countries", "countries_from_address", "remarks", "designated"],
        rows: (loadId) => parsed.entries.map((e) => [loadId, e.list, e.id, e.name, e.type, e.programs.join("; "), e.countries.join(","), e.countriesFromAddress, e.remarks, e.designated]),
      },
      {
        table: "sanctions_names",
        columns: ["entry_id", "name", "name_type"],
        rows: (loadId) => parsed.entries.flatMap((e) => e.aliases.map((a) => [loadId, e.id, a.name, a.nameType])),
      },
    ],
  );
  const issues = [...parsed.issues];
  let detail = info.detail;
  if (loadId !== null && previous !== undefined && previous !== null) {
    const changes = await listChanges(db, previous, loadId);
    detail += changes.length === 0 ? "; no reference smelter newly designated or delisted" : "";
    for (const c of changes) {
      issues.push(`${c.change === "designated" ? "newly designated" : "delisted"}: ${c.smelterName} (${c.cid}, ${c.metal}) ~ ${c.list} ${c.entryId} "${c.listedName}"`);
    }
  }
  return { kind: info.kind, loadId, rows: parsed.entries.length, detail, issues };
}
