import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOfac } from "../../loaders/reference/ofac.ts";
import { parseUkSanctions } from "../../loaders/reference/uk-sanctions.ts";
import { readListText } from "../../loaders/reference/read-list-text.ts";
import type { SanctionsEntry } from "../../loaders/reference/sanctions-entry.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const shippedSanctions = path.join(repoRoot, "data/reference/sanctions");
export const sharedDir = process.env.ASSAY_SHARED ?? path.resolve(repoRoot, "../shared");

const read = (dir: string, f: string) => ({ file: f, text: readListText(readFileSync(path.join(dir, f))) });

/** The OFAC SDN (with alt/add) and UK lists shipped in data/reference/sanctions, parsed. */
export function shippedEntries(dir = shippedSanctions): SanctionsEntry[] {
  const ofac = parseOfac(
    read(dir, "ofac_sdn_2024-05-03.csv"),
    read(dir, "ofac_alt_2026-06.csv"),
    read(dir, "ofac_add_2026-06.csv"),
  );
  const uk = parseUkSanctions(
    "uk_fcdo_sanctions_list_2025-08-11.csv",
    read(dir, "uk_fcdo_sanctions_list_2025-08-11.csv").text,
  );
  return [...ofac.entries, ...uk.entries];
}
