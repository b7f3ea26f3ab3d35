import { createHash } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import type { ReferenceLoadResult } from "./detect.ts";
import { storeLoad } from "./store.ts";
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
 * Stores a parsed list as a new reference load (same bytes as the current load: no-op). Which reference smelters a
 * new load designates or delists is screening's question (src/screening/list-changes.ts reportListChanges).
 */
export async function storeSanctionsList(
  db: Database,
  parsed: ParsedList,
  info: SanctionsLoadInfo,
): Promise<ReferenceLoadResult> {
  const hash = createHash("sha256");
  for (const b of info.bytes) hash.update(b);
  const loadId = await storeLoad(
    db,
    {
      kind: info.kind,
      sourceFile: info.sourceFile,
      vintage: parsed.vintage ?? info.vintage,
      sha256: hash.digest("hex"),
      rowCount: parsed.entries.length,
      detail: info.detail,
    },
    [
      {
        table: "sanctions_entries",
        columns: [
          "list",
          "entry_id",
          "name",
          "entry_type",
          "programs",
          "countries",
          "countries_from_address",
          "remarks",
          "designated",
        ],
        rows: (loadId) =>
          parsed.entries.map((e) => [
            loadId,
            e.list,
            e.id,
            e.name,
            e.type,
            e.programs.join("; "),
            e.countries.join(","),
            e.countriesFromAddress,
            e.remarks,
            e.designated,
          ]),
      },
      {
        table: "sanctions_names",
        columns: ["entry_id", "name", "name_type"],
        rows: (loadId) => parsed.entries.flatMap((e) => e.aliases.map((a) => [loadId, e.id, a.name, a.nameType])),
      },
    ],
  );
  return { kind: info.kind, loadId, rows: parsed.entries.length, detail: info.detail, issues: [...parsed.issues] };
}

export const SANCTIONS_KINDS = ["ofac-sdn", "ofac-consolidated", "uk-sanctions", "eu-sanctions"] as const;

/** The newest load id of each sanctions kind present. */
export async function currentSanctionsLoads(db: Database): Promise<number[]> {
  const rows = await db.all<{ load_id: number }>(
    `SELECT max(load_id) AS load_id FROM reference_loads WHERE kind IN (${SANCTIONS_KINDS.map(() => "?").join(", ")}) GROUP BY kind ORDER BY 1`,
    [...SANCTIONS_KINDS],
  );
  return rows.map((r) => r.load_id);
}
