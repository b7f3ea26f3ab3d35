import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { IngestError } from "../../errors.ts";
import { type LookupEntry, type LookupFacility, lookupFacilities, readLookupCsv } from "../../rmi/smelter-lookup.ts";
import type { WritableFamily } from "./_versions.ts";

const REFERENCE_DIR = fileURLToPath(new URL("../../../data/reference/rmi/", import.meta.url));
const LATEST: Record<WritableFamily, string> = { CMRT: "6.5", EMRT: "2.1" };
const cache = new Map<string, LookupEntry[]>();

/** The shipped Smelter Look-up for a template version, falling back to the family's latest shipped list. */
export function lookupFile(family: WritableFamily, version: string): string {
  const exact = `${REFERENCE_DIR}rmi_smelter_lookup_${family}_${version}.csv`;
  return existsSync(exact) ? exact : `${REFERENCE_DIR}rmi_smelter_lookup_${family}_${LATEST[family]}.csv`;
}

/** Every row of the shipped look-up, special rows included (the generated template's Look-up sheet). */
export function loadLookup(family: WritableFamily, version: string): LookupEntry[] {
  const file = lookupFile(family, version);
  const hit = cache.get(file);
  if (hit) return hit;
  const read = readLookupCsv(readFileSync(file, "utf8"), basename(file));
  if (read.issues.length > 0) throw new IngestError(`invalid look-up row: ${read.issues[0]}`, { file });
  cache.set(file, read.rows);
  return read.rows;
}

/** Reference facts for one smelter, keyed by CID (a CID names one facility of one metal). */
export function indexByCid(rows: readonly LookupEntry[]): Map<string, LookupFacility> {
  return new Map(lookupFacilities(rows).map((f) => [f.cid, f]));
}
