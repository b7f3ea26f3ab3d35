import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { euSanctionsKind } from "./eu-sanctions.ts";
import { ofacConsolidatedKind, ofacSdnKind } from "./ofac.ts";
import { ukSanctionsKind } from "./uk-sanctions.ts";
import type { Database } from "../../src/db/database.ts";
import { readHead, type ReferenceKind, type ReferenceLoadResult } from "./detect.ts";
import { currentSanctionsLoads } from "./store-sanctions.ts";

export const SHIPPED_SANCTIONS_DIR = resolve(fileURLToPath(new URL("../../data/reference/sanctions", import.meta.url)));

/** The sanctions list kinds (companion files such as OFAC alt/add are read by their primary's loader). */
export const SANCTIONS_REFERENCE_KINDS: readonly ReferenceKind[] = [
  ofacSdnKind,
  ofacConsolidatedKind,
  ukSanctionsKind,
  euSanctionsKind,
];

/**
 * Loads the lists shipped in data/reference/sanctions when the database holds no sanctions list yet, so
 * screening works on a fresh clone. Companion files (OFAC alt/add) are read by their primary's loader.
 */
export async function ensureSanctionsLoaded(db: Database, dir = SHIPPED_SANCTIONS_DIR): Promise<ReferenceLoadResult[]> {
  if ((await currentSanctionsLoads(db)).length > 0) return [];
  const results: ReferenceLoadResult[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort()) {
    const head = readHead(join(dir, f));
    const kind = SANCTIONS_REFERENCE_KINDS.find((k) => k.detect(f, head));
    if (kind) results.push(await kind.load(db, join(dir, f)));
  }
  return results;
}
