import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { IngestError } from "../../errors.ts";
import { columnLetter, parseCsv } from "../../../loaders/inputs/parse-csv.ts";
import type { WritableFamily } from "./_versions.ts";

export const LookupRow = z.object({
  metal: z.string().min(1),
  smelter_lookup_name: z.string().min(1),
  standard_smelter_name: z.string(),
  country: z.string(),
  smelter_id: z.string(),
  source_of_id: z.string(),
  street: z.string(),
  city: z.string(),
  state_province: z.string(),
});
export type LookupRow = z.infer<typeof LookupRow>;

const REFERENCE_DIR = fileURLToPath(new URL("../../../data/reference/rmi/", import.meta.url));
const LATEST: Record<WritableFamily, string> = { CMRT: "6.5", EMRT: "2.1" };
const cache = new Map<string, LookupRow[]>();

/** The shipped Smelter Look-up for a template version, falling back to the family's latest shipped list. */
export function lookupFile(family: WritableFamily, version: string): string {
  const exact = `${REFERENCE_DIR}rmi_smelter_lookup_${family}_${version}.csv`;
  return existsSync(exact) ? exact : `${REFERENCE_DIR}rmi_smelter_lookup_${family}_${LATEST[family]}.csv`;
}

export function loadLookup(family: WritableFamily, version: string): LookupRow[] {
  const file = lookupFile(family, version);
  const hit = cache.get(file);
  if (hit) return hit;
  const { header, records } = parseCsv(readFileSync(file, "utf8"), ",");
  const rows: LookupRow[] = [];
  for (const rec of records) {
    const obj = Object.fromEntries(header.map((h, i) => [h, rec.fields[i] ?? ""]));
    const parsed = LookupRow.safeParse(obj);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = String(issue?.path[0] ?? "");
      const column = columnLetter(Math.max(0, header.indexOf(key)));
      throw new IngestError(`invalid look-up row: ${issue?.message}: ${JSON.stringify(obj[key] ?? "")}`, {
        file,
        line: rec.line,
        column,
      });
    }
    rows.push(parsed.data);
  }
  cache.set(file, rows);
  return rows;
}

/** Reference facts for one smelter, keyed by CID (first row per CID, preferring the standard name's own row). */
export function indexByCid(rows: readonly LookupRow[]): Map<string, LookupRow> {
  const out = new Map<string, LookupRow>();
  for (const r of rows) {
    if (!r.smelter_id) continue;
    const prev = out.get(r.smelter_id);
    if (
      !prev ||
      (prev.smelter_lookup_name !== prev.standard_smelter_name && r.smelter_lookup_name === r.standard_smelter_name)
    ) {
      out.set(r.smelter_id, r);
    }
  }
  return out;
}
