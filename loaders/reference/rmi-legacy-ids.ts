import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Database } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import type { ReferenceLoadResult } from "./detect.ts";
import { normalizeCid, normalizeLegacyId } from "../../src/rmi/identifiers.ts";
import { normalizeMetal } from "../../src/rmi/minerals.ts";
import { parseCsv } from "./parse-csv.ts";
import { sha256, storeLoad } from "./store.ts";
import { cleanText } from "../../src/text/normalize.ts";

export interface LegacyId {
  legacyId: string;
  cid: string;
  metal: string | null;
  name: string | null;
  country: string | null;
}

/**
 * The 2014 CFSI translation of version-2 smelter IDs (1RUS067) to CIDs. Reads either layout RMI published:
 * the translation table (metal, name, country, "Version 2", "Version 3") or the standard-name list with
 * "V2 Smelter ID" / "V3 Smelter ID" columns.
 */
export function parseLegacyIds(
  file: string,
  text: string,
): { ids: LegacyId[]; issues: string[]; layout: "translation" | "key-terms" } {
  const records = parseCsv(text);
  const header = (records[0]?.fields ?? []).map((h) => h.trim().toUpperCase());
  let at: { metal: number; name: number; country: number; v2: number; v3: number };
  const layout = header.includes("V2 SMELTER ID") ? "key-terms" : "translation";
  if (layout === "key-terms") {
    at = {
      metal: header.indexOf("METAL"),
      name: header.indexOf("STANDARD SMELTER NAME"),
      country: header.indexOf("COUNTRY"),
      v2: header.indexOf("V2 SMELTER ID"),
      v3: header.indexOf("V3 SMELTER ID"),
    };
  } else if (header.includes("VERSION 2") && header.includes("VERSION 3")) {
    at = { metal: 0, name: 1, country: 2, v2: header.indexOf("VERSION 2"), v3: header.indexOf("VERSION 3") };
  } else {
    throw new IngestError(
      `not a legacy smelter ID translation: header ${JSON.stringify(header.join(","))} (expected "Version 2","Version 3" or "V2 Smelter ID","V3 Smelter ID" columns)`,
      { file, line: 1 },
    );
  }
  const ids: LegacyId[] = [];
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const r of records.slice(1)) {
    const get = (i: number) => (i >= 0 ? cleanText(r.fields[i] ?? null) : null);
    const rawV2 = get(at.v2);
    const rawV3 = get(at.v3);
    if (!rawV2) continue;
    const legacyId = normalizeLegacyId(rawV2);
    const cid = normalizeCid(rawV3);
    if (!legacyId || !cid) {
      const [col, raw, rule] = !legacyId
        ? [header[at.v2], rawV2, "digit + 3 letters + 3 digits, e.g. 1RUS067"]
        : [header[at.v3], rawV3, "CID + 6 digits"];
      issues.push(`${file}:${r.line} column ${col}: invalid smelter ID: ${JSON.stringify(raw)} (expected ${rule})`);
      continue;
    }
    if (seen.has(legacyId)) continue;
    seen.add(legacyId);
    ids.push({ legacyId, cid, metal: normalizeMetal(get(at.metal)), name: get(at.name), country: get(at.country) });
  }
  return { ids, issues, layout };
}

export async function loadLegacyIds(
  db: Database,
  path: string,
  vintage: string | null = "2014-01-01",
): Promise<ReferenceLoadResult> {
  const bytes = readFileSync(path);
  const file = basename(path);
  const { ids, issues, layout } = parseLegacyIds(file, bytes.toString("utf8"));
  const kind = layout === "translation" ? "rmi-legacy-ids" : "rmi-legacy-ids-key-terms";
  const detail = `CFSI 2014 legacy smelter IDs: ${ids.length}`;
  const loadId = await storeLoad(
    db,
    { kind, sourceFile: path, vintage, sha256: sha256(bytes), rowCount: ids.length, detail },
    [
      {
        table: "ref_legacy_ids",
        columns: ["legacy_id", "cid", "metal", "name", "country"],
        rows: (id) => ids.map((x) => [id, x.legacyId, x.cid, x.metal, x.name, x.country]),
      },
    ],
  );
  return { kind, loadId, rows: ids.length, detail, issues };
}
