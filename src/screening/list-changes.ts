import type { Database } from "../db/database.ts";
import { readSanctionsEntries } from "./read-sanctions.ts";
import { readReferenceSmelters, type ReferenceSmelter } from "./reference-smelters.ts";
import { buildSanctionsIndex } from "./sanctions-index.ts";
import type { ReferenceLoadResult } from "../../loaders/reference/detect.ts";
import type { SanctionsEntry } from "../../loaders/reference/sanctions-entry.ts";
import { SANCTIONS_KINDS } from "../../loaders/reference/store-sanctions.ts";
import { screen } from "./screen.ts";

export interface ListChange {
  change: "designated" | "delisted";
  cid: string;
  metal: string;
  smelterName: string;
  list: string;
  entryId: string;
  listedName: string;
  program: string;
}

function nameHits(entries: readonly SanctionsEntry[], smelters: readonly ReferenceSmelter[], asOf: string) {
  const index = buildSanctionsIndex(entries);
  const out = new Map<string, { smelter: ReferenceSmelter; list: string; id: string; name: string; program: string }>();
  for (const s of smelters) {
    const r = screen(index, { name: s.name, aliases: s.aliases, country: s.countryIso2 }, { asOf }, []);
    for (const h of r.hits)
      if (h.score >= 0.88)
        out.set(`${s.metal}|${s.cid}|${h.id}`, {
          smelter: s,
          list: h.list,
          id: h.id,
          name: h.name,
          program: h.program,
        });
  }
  return out;
}

/** Pure: reference smelters hit by `after` but not `before` (designated) and the reverse (delisted). */
export function diffDesignations(
  before: readonly SanctionsEntry[],
  after: readonly SanctionsEntry[],
  smelters: readonly ReferenceSmelter[],
  asOf: string,
): ListChange[] {
  const a = nameHits(before, smelters, asOf);
  const b = nameHits(after, smelters, asOf);
  const changes: ListChange[] = [];
  const add = (change: ListChange["change"], h: NonNullable<ReturnType<typeof a.get>>) =>
    changes.push({
      change,
      cid: h.smelter.cid,
      metal: h.smelter.metal,
      smelterName: h.smelter.name,
      list: h.list,
      entryId: h.id,
      listedName: h.name,
      program: h.program,
    });
  for (const [k, h] of b) if (!a.has(k)) add("designated", h);
  for (const [k, h] of a) if (!b.has(k)) add("delisted", h);
  return changes;
}

/** Compares two loads of one list against the reference smelters and records the changes in sanctions_changes. */
export async function listChanges(db: Database, previousLoad: number, load: number): Promise<ListChange[]> {
  const smelters = await readReferenceSmelters(db);
  const asOf = new Date().toISOString().slice(0, 10);
  const changes = diffDesignations(
    await readSanctionsEntries(db, [previousLoad]),
    await readSanctionsEntries(db, [load]),
    smelters,
    asOf,
  );
  await db.insertRows(
    "sanctions_changes",
    [
      "load_id",
      "previous_load_id",
      "list",
      "change",
      "cid",
      "metal",
      "smelter_name",
      "entry_id",
      "listed_name",
      "program",
    ],
    changes.map((c) => [
      load,
      previousLoad,
      c.list,
      c.change,
      c.cid,
      c.metal,
      c.smelterName,
      c.entryId,
      c.listedName,
      c.program,
    ]),
  );
  return changes;
}

/**
 * After a reference load: when it is a new load of a sanctions list with an earlier load of the same kind, records
 * the reference smelters it newly designates or delists (sanctions_changes) and adds one issue line per change.
 */
export async function reportListChanges(db: Database, result: ReferenceLoadResult): Promise<ReferenceLoadResult> {
  if (result.loadId === null || !(SANCTIONS_KINDS as readonly string[]).includes(result.kind)) return result;
  const previous = await db.scalar<number | null>(
    "SELECT max(load_id) FROM reference_loads WHERE kind = ? AND load_id < ?",
    [result.kind, result.loadId],
  );
  if (previous === undefined || previous === null) return result;
  const changes = await listChanges(db, previous, result.loadId);
  return {
    ...result,
    detail: `${result.detail ?? ""}${changes.length === 0 ? "; no reference smelter newly designated or delisted" : ""}`,
    issues: [
      ...(result.issues ?? []),
      ...changes.map(
        (c) =>
          `${c.change === "designated" ? "newly designated" : "delisted"}: ${c.smelterName} (${c.cid}, ${c.metal}) ~ ${c.list} ${c.entryId} "${c.listedName}"`,
      ),
    ],
  };
}
