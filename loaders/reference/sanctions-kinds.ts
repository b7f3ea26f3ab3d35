import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { euSanctionsKind } from "../eu-sanctions.ts";
import { ofacConsolidatedKind, ofacSdnKind } from "../ofac.ts";
import { ukSanctionsKind } from "../uk-sanctions.ts";
import type { Database } from "../../src/db/database.ts";
import { detectReferenceKind, registerReferenceKind, type ReferenceLoadResult } from "./detect.ts";
import { currentSanctionsLoads } from "../../src/screening/read-sanctions.ts";

export const SHIPPED_SANCTIONS_DIR = resolve(fileURLToPath(new URL("../../data/reference/sanctions", import.meta.url)));

/** Registers the sanctions list kinds with `assay reference add` (idempotent). */
export function registerSanctionsKinds(): void {
  for (const kind of [ofacSdnKind, ofacConsolidatedKind, ukSanctionsKind, euSanctionsKind]) registerReferenceKind(kind);
}

/**
 * Loads the lists shipped in data/reference/sanctions when the database holds no sanctions list yet, so
 * screening works on a fresh clone. Companion files (OFAC alt/add) are read by their primary's loader.
 */
export async function ensureSanctionsLoaded(db: Database, dir = SHIPPED_SANCTIONS_DIR): Promise<ReferenceLoadResult[]> {
  if ((await currentSanctionsLoads(db)).length > 0) return [];
  registerSanctionsKinds();
  const results: ReferenceLoadResult[] = [];
  for (const f of readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".csv")).sort()) {
    const kind = detectReferenceKind(join(dir, f));
    if (kind && [ofacSdnKind, ofacConsolidatedKind, ukSanctionsKind, euSanctionsKind].some((k) => k.kind === kind.kind)) {
      results.push(await kind.load(db, join(dir, f)));
    }
  }
  return results;
}
