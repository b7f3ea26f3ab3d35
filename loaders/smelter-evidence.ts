import { z } from "zod";
import type { Database } from "../src/db/database.ts";
import { canonicalMineral } from "../src/rmi/minerals.ts";
import { normalizeCid } from "../src/rmi/identifiers.ts";
import { isoDate, optionalText, requiredText } from "./inputs/fields.ts";
import { loadCsvInput, type LoadResult } from "./inputs/load-csv-input.ts";

export const SMELTER_EVIDENCE_COLUMNS = ["facility", "metal", "flag", "source", "date", "note"] as const;

const metal = optionalText.transform((v, ctx) => {
  if (v === null) return null;
  const m = canonicalMineral(v);
  if (m) return m.toLowerCase();
  ctx.addIssue({
    code: "custom",
    message: `unknown metal: ${JSON.stringify(v)} (expected tin, tantalum, tungsten, gold, cobalt, copper, graphite, lithium, mica or nickel)`,
  });
  return z.NEVER;
});

/**
 * One row of an analyst's smelters-of-interest file (CSV: facility, metal, flag, source, date, note): `facility` is
 * the CID or the name as suppliers write it, `flag` what the evidence is (grievance, adverse media, NGO report,
 * smelter of interest), `source` where it was published (URL or document) and `date` when.
 */
export const SmelterEvidenceRow = () =>
  z.object({
    facility: requiredText,
    metal,
    flag: requiredText.transform((v) => v.toLowerCase()),
    source: requiredText,
    date: isoDate,
    note: optionalText,
  });
export type SmelterEvidenceRow = z.infer<ReturnType<typeof SmelterEvidenceRow>>;

/** Loads a smelters-of-interest evidence CSV into `smelter_evidence` (a reload replaces the rows of the same file). */
export async function loadSmelterEvidence(db: Database, path: string): Promise<LoadResult> {
  return loadCsvInput(db, path, {
    kind: "smelters-of-interest file",
    table: "smelter_evidence",
    columns: SMELTER_EVIDENCE_COLUMNS,
    required: ["facility", "flag", "source", "date"],
    schema: SmelterEvidenceRow,
    store: {
      columns: ["facility", "cid", "metal", "flag", "evidence_source", "evidence_date", "note"],
      values: (r) => [r.facility, normalizeCid(r.facility), r.metal, r.flag, r.source, r.date, r.note],
    },
  });
}
