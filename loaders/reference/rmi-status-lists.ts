import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { z } from "zod";
import type { Database, SqlValue } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import type { ReferenceLoadResult } from "./detect.ts";
import { normalizeCid, parseListDate } from "../../src/rmi/identifiers.ts";
import { normalizeMetal } from "../../src/rmi/minerals.ts";
import { parseCsv, type CsvRecord } from "./parse-csv.ts";
import { readListText } from "./read-list-text.ts";
import { firstSheetRecords, isSpreadsheetMl } from "./spreadsheet-ml.ts";
import { buildLookupTable, storeLookupTable } from "./rmi-smelter-lookup.ts";
import { parseLookupRecords } from "../../src/rmi/smelter-lookup.ts";
import { sha256, storeLoad, vintageFromFileName } from "./store.ts";
import { countryToIso2 } from "../../src/text/countries.ts";
import { cleanText } from "../../src/text/normalize.ts";

/** The RMI facility-list layouts Assay reads, told apart by their header row. */
export type StatusListLayout = "conformant" | "active" | "all" | "cobalt" | "mica" | "revisions" | "reference";

const key = (h: string) =>
  h
    .toUpperCase()
    .replace(/[^A-Z#]+/g, " ")
    .trim();

export function statusListLayout(header: readonly string[]): StatusListLayout | null {
  const h = new Set(header.map(key));
  if (!h.has("METAL") || !h.has("SMELTER ID")) return null;
  if (h.has("BASIS FOR REVISION")) return "revisions";
  if (h.has("LAST AUDIT DATE")) return "conformant";
  if (h.has("RMI STATUS")) return "all";
  if (h.has("CRUDE COBALT REFINER")) return "cobalt";
  if (h.has("TYPE") && h.has("STANDARD SMELTER NAME")) return "active";
  // RMI's smelter reference list per template (CMRT/EMRT/AMRT export); the mica list has the same columns and is
  // told apart by its rows (every row Mica), see loadStatusList.
  if (h.has("SMELTER REFERENCE") && h.has("STANDARD SMELTER NAME")) return "reference";
  // The facility pages' active-list export has no Type column.
  if (h.has("COUNTRY LOCATION") && h.has("STANDARD SMELTER NAME")) return "active";
  return null;
}

/** RMI's status words (as in the "RMI Status" column) mapped to Assay's status vocabulary. */
export function normalizeStatus(value: string | null): string {
  const v = (value ?? "").toLowerCase().replace(/\s+/g, " ").trim();
  if (v.startsWith("conformant")) return "conformant";
  if (v.startsWith("active")) return "active";
  if (v.startsWith("non conformant") || v.startsWith("non-conformant")) return "non-conformant";
  if (v.startsWith("outreach") || v.includes("not interested") || v.includes("suspended")) return "not-participating";
  if (v.startsWith("in communication")) return "in-communication";
  if (v.includes("due diligence review")) return "due-diligence-review";
  if (v === "") return "listed";
  return "unknown";
}

const yes = (v: string | null) => (v === null ? null : /^(yes|y|true|1|x)$/i.test(v));
const text = z
  .string()
  .optional()
  .transform((v) => cleanText(v ?? null));

export const StatusRow = z.object({
  metal: text.transform((v) => normalizeMetal(v)),
  cid: text
    .transform((v) => normalizeCid(v))
    .pipe(z.string({ message: "invalid smelter ID (expected CID + 6 digits)" })),
  name: text,
  reference: text,
  country: text,
  city: text,
  state: text,
  lastAudit: text,
  auditCycle: text,
  reaudit: text,
  lbma: text,
  rjc: text,
  rmiStatus: text,
  type: text,
  crude: text,
  basis: text,
  details: text,
  revisionDate: text,
  addedDate: text,
});
export type StatusRow = z.infer<typeof StatusRow>;

const COLUMNS: Record<string, keyof StatusRow> = {
  METAL: "metal",
  "SMELTER ID": "cid",
  "STANDARD SMELTER NAME": "name",
  COUNTRY: "country",
  "COUNTRY LOCATION": "country",
  CITY: "city",
  "STATE PROVINCE": "state",
  "STATE PROVINCE REGION": "state",
  "COMPANY STATE PROVINCE REGION": "state",
  "SMELTER REFERENCE": "reference",
  "LAST AUDIT DATE": "lastAudit",
  "AUDIT CYCLE": "auditCycle",
  "REAUDIT IN PROGRESS": "reaudit",
  "LBMA RG": "lbma",
  RJC: "rjc",
  "RMI STATUS": "rmiStatus",
  TYPE: "type",
  "CRUDE COBALT REFINER": "crude",
  "BASIS FOR REVISION": "basis",
  DETAILS: "details",
  "REVISION DATE": "revisionDate",
  "SMELTER ADDED DATE": "addedDate",
};

function revisionKind(basis: string): string {
  const b = basis.toLowerCase();
  if (b.startsWith("removed")) return "removed";
  if (b.startsWith("added")) return "added";
  if (b.includes("name")) return "renamed";
  if (b.includes("location")) return "relocated";
  if (b.includes("metal")) return "metal-corrected";
  return "other";
}

export function parseStatusRows(
  file: string,
  records: readonly CsvRecord[],
  layout: StatusListLayout,
): { rows: StatusRow[]; issues: string[] } {
  const header = records[0]!.fields;
  const fields = header.map((h) => COLUMNS[key(h)]);
  const rows: StatusRow[] = [];
  const issues: string[] = [];
  for (const r of records.slice(1)) {
    if (r.fields.every((f) => cleanText(f) === null)) continue;
    const input: Record<string, string> = {};
    fields.forEach((f, i) => {
      if (f && input[f] === undefined) input[f] = r.fields[i] ?? "";
    });
    const parsed = StatusRow.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const col = fields.indexOf(issue.path[0] as keyof StatusRow);
      issues.push(
        `${file}:${r.line} column ${header[col]?.trim() ?? "?"}: ${issue.message}: ${JSON.stringify(r.fields[col] ?? null)}`,
      );
      continue;
    }
    if (parsed.data.metal === null && layout !== "revisions") {
      const col = fields.indexOf("metal");
      issues.push(
        `${file}:${r.line} column ${header[col]?.trim() ?? "METAL"}: missing metal: ${JSON.stringify(r.fields[col] ?? null)}`,
      );
      continue;
    }
    rows.push(parsed.data);
  }
  return { rows, issues };
}

/** Loads one RMI facility status list or the revision history (CSV exports of RMI's lists). */
/** Records of a list file: RMI's Excel 2003 XML export (SpreadsheetML) or CSV. */
export function readListRecords(bytes: Uint8Array, file: string): CsvRecord[] {
  const text = readListText(bytes);
  if (!isSpreadsheetMl(text)) return parseCsv(text);
  try {
    return firstSheetRecords(text, file);
  } catch (error) {
    throw new IngestError((error as Error).message.replace(`${file}: `, ""), { file });
  }
}

/** A list's vintage: a date in the file name, else in its folder's name (RMI exports are named by list, not date). */
export function listVintage(path: string): string | null {
  return vintageFromFileName(basename(path)) ?? vintageFromFileName(basename(dirname(path)));
}

/** Loads one RMI facility list (conformant, active, all, cobalt, mica, smelter reference list) or the revision history, as CSV or RMI's XML export. */
export async function loadStatusList(
  db: Database,
  path: string,
  vintage: string | null = null,
): Promise<ReferenceLoadResult> {
  const bytes = readFileSync(path);
  const file = basename(path);
  const records = readListRecords(bytes, file);
  let layout = records[0] ? statusListLayout(records[0].fields) : null;
  if (!layout)
    throw new IngestError(
      `not an RMI facility list: header ${JSON.stringify(records[0]?.fields.join(",") ?? "")} (expected METAL and SMELTER ID columns)`,
      { file, line: 1 },
    );
  const { rows, issues } = parseStatusRows(file, records, layout);
  const when = vintage ?? listVintage(path);
  if (layout === "reference") {
    if (rows.length > 0 && rows.every((r) => r.metal === "Mica")) layout = "mica";
    else return loadReferenceList(db, path, bytes, rows, issues, when);
  }
  return storeStatusRows(db, path, bytes, rows, issues, layout, when);
}

async function storeStatusRows(
  db: Database,
  path: string,
  bytes: Uint8Array,
  rows: StatusRow[],
  issues: string[],
  layout: Exclude<StatusListLayout, "reference">,
  when: string | null,
): Promise<ReferenceLoadResult> {
  const kind = layout === "revisions" ? "rmi-revisions" : `rmi-status-${layout}`;
  let table: { table: string; columns: string[]; rows: (id: number) => SqlValue[][] };
  if (layout === "revisions") {
    table = {
      table: "ref_facility_revisions",
      columns: [
        "cid",
        "metal",
        "standard_name",
        "country",
        "revision",
        "basis",
        "details",
        "revision_date",
        "added_date",
      ],
      rows: (id) =>
        rows.map((r) => [
          id,
          r.cid,
          r.metal,
          r.name,
          r.country,
          revisionKind(r.basis ?? ""),
          r.basis ?? "",
          r.details,
          parseListDate(r.revisionDate),
          parseListDate(r.addedDate),
        ]),
    };
  } else {
    const status = (r: StatusRow) =>
      layout === "conformant"
        ? "conformant"
        : layout === "active"
          ? r.type
            ? normalizeStatus(r.type)
            : "active"
          : layout === "all"
            ? normalizeStatus(r.rmiStatus)
            : "listed";
    table = {
      table: "ref_facility_status",
      columns: [
        "cid",
        "metal",
        "status",
        "list",
        "standard_name",
        "country",
        "country_iso2",
        "city",
        "state",
        "last_audit_date",
        "audit_cycle",
        "reaudit_in_progress",
        "lbma",
        "rjc",
        "crude_cobalt_refiner",
        "rmi_status",
        "risk_type",
      ],
      rows: (id) =>
        rows.map((r) => [
          id,
          r.cid,
          r.metal,
          status(r),
          layout,
          r.name,
          r.country,
          countryToIso2(r.country),
          r.city,
          r.state,
          parseListDate(r.lastAudit),
          r.auditCycle?.toLowerCase() ?? null,
          yes(r.reaudit),
          yes(r.lbma),
          yes(r.rjc),
          yes(r.crude),
          r.rmiStatus ?? (layout === "active" ? r.type : null),
          layout === "all" ? r.type : null,
        ]),
    };
  }
  const detail = `RMI ${layout === "revisions" ? "revision history" : `${layout} list`}: ${rows.length} rows`;
  const loadId = await storeLoad(
    db,
    { kind, sourceFile: path, vintage: when, sha256: sha256(bytes), rowCount: rows.length, detail },
    [table],
  );
  return { kind, loadId, rows: rows.length, detail, issues };
}

/** RMI's smelter reference list for a template family: stored like a Smelter Look-up (facilities and their names). */
async function loadReferenceList(
  db: Database,
  path: string,
  bytes: Uint8Array,
  rows: StatusRow[],
  issues: string[],
  vintage: string | null,
): Promise<ReferenceLoadResult> {
  const file = basename(path);
  const table = buildLookupTable(
    parseLookupRecords(
      rows.map((r, i) => ({
        line: i + 1,
        values: [r.metal, r.reference, r.name, r.country, r.cid, "RMI", null, r.city, r.state],
        place: () => `${file}: data row ${i + 1}`,
      })),
    ),
  );
  const result = await storeLookupTable(db, path, bytes, table, null, null, vintage, "facility-list");
  return { ...result, issues: [...issues, ...(result.issues ?? [])] };
}
