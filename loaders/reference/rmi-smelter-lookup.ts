import { readFileSync } from "node:fs";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Database } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import type { ReferenceLoadResult } from "./detect.ts";
import { normalizeCid } from "../../src/rmi/identifiers.ts";
import { normalizeMetal } from "../../src/rmi/minerals.ts";
import { columnLetter, parseCsv } from "./parse-csv.ts";
import { sha256, storeLoad } from "./store.ts";
import { countryToIso2 } from "../../src/text/countries.ts";
import { cleanText } from "../../src/text/normalize.ts";

export const LOOKUP_CSV_HEADER = [
  "metal",
  "smelter_lookup_name",
  "standard_smelter_name",
  "country",
  "smelter_id",
  "source_of_id",
  "street",
  "city",
  "state_province",
] as const;

const cell = z
  .string()
  .nullable()
  .transform((v) => cleanText(v));

/** One row of a Smelter Look-up (sheet columns A–I, or the CSV export with LOOKUP_CSV_HEADER). */
export const LookupRow = z.object({
  metal: cell.transform((v) => normalizeMetal(v)).pipe(z.string({ message: "missing metal" })),
  alias: cell,
  standardName: cell,
  country: cell,
  cid: cell,
  sourceOfId: cell,
  street: cell.transform((v) => (v === "0" ? null : v)),
  city: cell,
  state: cell,
});
export type LookupRow = z.infer<typeof LookupRow>;

export interface LookupTable {
  smelters: Map<string, LookupRow & { cid: string; standardName: string }>;
  aliases: { metal: string; cid: string; alias: string }[];
  issues: string[];
}

/** Where a row came from, for messages: `file:line` (CSV) or `file › Smelter Look-up!A12` (workbook). */
export type RowPlace = (column: number) => string;

const FIELDS = ["metal", "alias", "standardName", "country", "cid", "sourceOfId", "street", "city", "state"] as const;

/**
 * Validates look-up rows. Special rows without a CID ("Smelter not listed", "Smelter not yet identified")
 * are skipped; a CID that is not CID + 6 digits is reported and skipped; a CID repeated for one metal
 * keeps its first standard name and adds the alias.
 */
export function buildLookupTable(rows: readonly { values: (string | null)[]; place: RowPlace }[]): LookupTable {
  const table: LookupTable = { smelters: new Map(), aliases: [], issues: [] };
  const seenAlias = new Set<string>();
  for (const { values, place } of rows) {
    if (values.every((v) => cleanText(v) === null)) continue;
    const parsed = LookupRow.safeParse(Object.fromEntries(FIELDS.map((f, i) => [f, values[i] ?? null])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const col = FIELDS.indexOf(String(issue.path[0]) as (typeof FIELDS)[number]);
      table.issues.push(`${place(col)}: ${issue.message}: ${JSON.stringify(values[col] ?? null)}`);
      continue;
    }
    const row = parsed.data;
    if (row.cid === null) continue;
    const cid = normalizeCid(row.cid);
    if (!cid) {
      table.issues.push(`${place(4)}: invalid smelter ID: ${JSON.stringify(row.cid)} (expected CID + 6 digits)`);
      continue;
    }
    const standardName = row.standardName ?? row.alias;
    if (!standardName) {
      table.issues.push(`${place(2)}: missing standard smelter name for ${cid}`);
      continue;
    }
    const key = `${row.metal}|${cid}`;
    if (!table.smelters.has(key)) table.smelters.set(key, { ...row, cid, standardName });
    for (const alias of [row.alias, standardName]) {
      if (!alias || seenAlias.has(`${key}|${alias}`)) continue;
      seenAlias.add(`${key}|${alias}`);
      table.aliases.push({ metal: row.metal, cid, alias });
    }
  }
  return table;
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
  const fam = family ?? familyFromMetals([...table.smelters.values()].map((s) => s.metal));
  const kind = source === "lookup" ? `rmi-lookup-${fam.toLowerCase()}` : `rmi-facility-list-${fam.toLowerCase()}`;
  const what = source === "lookup" ? "Smelter Look-up" : "smelter reference list (RMI facility list)";
  const detail = `${fam}${version ? ` ${version}` : ""} ${what}: ${table.smelters.size} facilities, ${table.aliases.length} names`;
  const smelters = [...table.smelters.values()];
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
  const records = parseCsv(bytes.toString("utf8"));
  const header = records[0]?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = LOOKUP_CSV_HEADER.filter((h, i) => header[i] !== h);
  if (missing.length > 0) {
    throw new IngestError(
      `not a Smelter Look-up CSV: header ${JSON.stringify(header.slice(0, 9).join(","))} (expected ${LOOKUP_CSV_HEADER.join(",")})`,
      { file, line: 1 },
    );
  }
  const table = buildLookupTable(
    records.slice(1).map((r) => ({
      values: r.fields,
      place: (c: number) => `${file}:${r.line} column ${LOOKUP_CSV_HEADER[c] ?? columnLetter(c)}`,
    })),
  );
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

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Parses Declaration!J3 ("Revision 6.4\nApril 26, 2024") into version and ISO release date. */
export function parseRevisionCell(text: string | null): { version: string | null; date: string | null } {
  if (!text) return { version: null, date: null };
  const v = /(?:Revision|Version)\s*([\d.]+)/i.exec(text);
  const d = /([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/.exec(text);
  const month = d ? MONTHS.indexOf(d[1]!.toLowerCase()) : -1;
  const date = d && month >= 0 ? `${d[3]}-${String(month + 1).padStart(2, "0")}-${d[2]!.padStart(2, "0")}` : null;
  return { version: v ? v[1]! : null, date };
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
  const rows: { values: (string | null)[]; place: RowPlace }[] = [];
  for (let r = 5; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push({
      values: FIELDS.map((_, i) => cellText(row.getCell(i + 1).value)),
      place: (c) => `${file} › ${sheet.name}!${columnLetter(c)}${r}`,
    });
  }
  const table = buildLookupTable(rows);
  if (table.smelters.size === 0)
    throw new IngestError(
      "the Smelter Look-up sheet lists no smelter IDs (expected rows from row 5 with a CID in column E)",
      { file, sheet: sheet.name },
    );
  const decl = wb.getWorksheet("Declaration");
  const revision = parseRevisionCell(decl ? cellText(decl.getCell("J3").value) : null);
  return storeLookupTable(db, path, bytes, table, null, revision.version, vintage ?? revision.date);
}
