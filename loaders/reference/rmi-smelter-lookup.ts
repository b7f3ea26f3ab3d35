import { readFileSync } from "node:fs";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import type { Database } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import type { ReferenceLoadResult } from "./detect.ts";
import {
  LOOKUP_CSV_HEADER,
  type LookupFacility,
  type LookupRead,
  lookupFacilities,
  readLookupCsv,
  readLookupSheet,
  type SheetCells,
} from "../../src/rmi/smelter-lookup.ts";
import { parseRevisionCell, REVISION_CELL } from "../../src/rmi/revision.ts";
import { sha256, storeLoad } from "./store.ts";
import { countryToIso2 } from "../../src/text/countries.ts";

export { LOOKUP_CSV_HEADER };

export interface LookupTable {
  smelters: LookupFacility[];
  aliases: { metal: string; cid: string; alias: string }[];
  issues: string[];
}

/**
 * The facilities and names of a Look-up read by src/rmi/smelter-lookup.ts. Special rows without a CID ("Smelter
 * not listed", "Smelter not yet identified") are not facilities; rejected rows arrive as issues.
 */
export function buildLookupTable(read: LookupRead): LookupTable {
  const smelters = lookupFacilities(read.rows);
  const aliases = smelters.flatMap((s) => s.aliases.map((alias) => ({ metal: s.metal, cid: s.cid, alias })));
  return { smelters, aliases, issues: read.issues };
}

/** Family from the metals a look-up covers (titles are localised, so they are not used). */
export function familyFromMetals(metals: Iterable<string>): string {
  const set = new Set(metals);
  if (["Gold", "Tin", "Tantalum", "Tungsten"].some((m) => set.has(m))) return "CMRT";
  if (["Copper", "Lithium", "Nickel", "Graphite", "Mica"].some((m) => set.has(m))) return "EMRT";
  if (set.size === 1 && set.has("Cobalt")) return "CRT";
  return set.has("Cobalt") ? "EMRT" : "AMRT";
}

// Release dates from each template's Revision sheet (CRT 2.21 still carries 2.2's date).
const RELEASES: Record<string, string> = {
  "CMRT 6.01": "2020-05-19",
  "CMRT 6.1": "2021-04-28",
  "CMRT 6.22": "2022-05-11",
  "CMRT 6.31": "2023-05-26",
  "CMRT 6.4": "2024-04-26",
  "CMRT 6.5": "2025-04-25",
  "EMRT 1.3": "2024-04-26",
  "EMRT 2.0": "2025-04-25",
  "EMRT 2.1": "2025-10-17",
  "CRT 2.21": "2020-10-28",
  "CRT 2.2": "2020-10-28",
  "AMRT 1.3": "2025-10-17",
};

/**
 * Stores a look-up table as one load. A template's Smelter Look-up is kind `rmi-lookup-<family>`; RMI's facility
 * reference list export (same facts, per template family) is `rmi-facility-list-<family>`.
 */
export async function storeLookupTable(
  db: Database,
  path: string,
  bytes: Uint8Array,
  table: LookupTable,
  family: string | null,
  version: string | null,
  vintage: string | null,
  source: "lookup" | "facility-list" = "lookup",
): Promise<ReferenceLoadResult> {
  const fam = family ?? familyFromMetals(table.smelters.map((s) => s.metal));
  const kind = source === "lookup" ? `rmi-lookup-${fam.toLowerCase()}` : `rmi-facility-list-${fam.toLowerCase()}`;
  const what = source === "lookup" ? "Smelter Look-up" : "smelter reference list (RMI facility list)";
  const smelters = table.smelters;
  const detail = `${fam}${version ? ` ${version}` : ""} ${what}: ${smelters.length} facilities, ${table.aliases.length} names`;
  const loadId = await storeLoad(
    db,
    {
      kind,
      sourceFile: path,
      vintage: vintage ?? (version ? (RELEASES[`${fam} ${version}`] ?? null) : null),
      sha256: sha256(bytes),
      rowCount: smelters.length,
      detail,
    },
    [
      {
        table: "ref_smelters",
        columns: [
          "metal",
          "cid",
          "standard_name",
          "country",
          "country_iso2",
          "source_of_id",
          "street",
          "city",
          "state",
        ],
        rows: (id) =>
          smelters.map((s) => [
            id,
            s.metal,
            s.cid,
            s.standardName,
            s.country,
            countryToIso2(s.country),
            s.sourceOfId,
            s.street,
            s.city,
            s.state,
          ]),
      },
      {
        table: "ref_smelter_aliases",
        columns: ["metal", "cid", "alias"],
        rows: (id) => table.aliases.map((a) => [id, a.metal, a.cid, a.alias]),
      },
    ],
  );
  return { kind, loadId, rows: smelters.length, detail, issues: table.issues };
}

/** Loads a Smelter Look-up CSV (LOOKUP_CSV_HEADER; file name `…_<FAMILY>_<version>.csv` gives the vintage). */
export async function loadLookupCsv(
  db: Database,
  path: string,
  vintage: string | null = null,
): Promise<ReferenceLoadResult> {
  const bytes = readFileSync(path);
  const file = basename(path);
  const table = buildLookupTable(readLookupCsv(bytes.toString("utf8"), file));
  const m = /_(CMRT|EMRT|CRT|AMRT)_(\d+(?:\.\d+)?)/i.exec(file);
  return storeLookupTable(db, path, bytes, table, m ? m[1]!.toUpperCase() : null, m ? m[2]! : null, vintage);
}

function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value)
      return value.result === undefined || value.result === null ? null : cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
    return null;
  }
  return String(value);
}

/** Loads the Smelter Look-up sheet of any RMI template (header row 4, data from row 5, columns A–I). */
export async function loadLookupWorkbook(
  db: Database,
  path: string,
  vintage: string | null = null,
): Promise<ReferenceLoadResult> {
  const bytes = readFileSync(path);
  const file = basename(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new IngestError(
      `cannot read workbook: ${(error as Error).message.split("\n")[0]} (expected an .xlsx RMI template)`,
      { file },
    );
  }
  const sheet =
    wb.worksheets.find((w) => /^smelter\s*look-?up$/i.test(w.name.trim())) ??
    wb.worksheets.find((w) => /smelter reference list/i.test(w.name));
  if (!sheet) {
    throw new IngestError(
      `no Smelter Look-up sheet (sheets: ${wb.worksheets.map((w) => w.name).join(", ")}) (expected an RMI template)`,
      { file },
    );
  }
  const cells: SheetCells = {
    rows: Array.from({ length: sheet.rowCount }, (_, i) => i + 1),
    value: (ref) => cellText(sheet.getCell(ref).value),
  };
  const table = buildLookupTable(readLookupSheet(cells, file, sheet.name));
  if (table.smelters.length === 0)
    throw new IngestError(
      "the Smelter Look-up sheet lists no smelter IDs (expected rows from row 5 with a CID in column E)",
      { file, sheet: sheet.name },
    );
  const decl = wb.getWorksheet("Declaration");
  const revision = parseRevisionCell(decl ? cellText(decl.getCell(REVISION_CELL).value) : null);
  return storeLookupTable(db, path, bytes, table, null, revision.version, vintage ?? revision.date);
}
