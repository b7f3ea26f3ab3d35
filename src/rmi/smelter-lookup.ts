import { z } from "zod";
import { IngestError } from "../errors.ts";
import { columnLetter, parseCsvRecords } from "../text/csv.ts";
import { normalizeCid } from "./identifiers.ts";
import { normalizeMetal } from "./minerals.ts";

/** Columns A–I of a template's Smelter Look-up sheet, and the header of its CSV export (in that order). */
export const LOOKUP_COLUMNS = [
  { field: "metal", header: "metal" },
  { field: "alias", header: "smelter_lookup_name" },
  { field: "standardName", header: "standard_smelter_name" },
  { field: "country", header: "country" },
  { field: "cid", header: "smelter_id" },
  { field: "sourceOfId", header: "source_of_id" },
  { field: "street", header: "street" },
  { field: "city", header: "city" },
  { field: "state", header: "state_province" },
] as const;

export const LOOKUP_CSV_HEADER = LOOKUP_COLUMNS.map((c) => c.header);

/** The sheet's header is row 4; data starts on row 5 in every template version. */
export const LOOKUP_FIRST_ROW = 5;

// A cell as RMI wrote it. The template keys each row on `=A&B` and its drop-downs offer B verbatim, so inner
// whitespace stays ("Metallo  (Aurubis)" in EMRT 2.x); only the outer whitespace goes.
const cell = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v) => {
    const s = v === null ? "" : String(v).trim();
    return s === "" ? null : s;
  });

const EXPECTED: Partial<Record<(typeof LOOKUP_COLUMNS)[number]["field"], string>> = { cid: "CID + 6 digits" };

/**
 * One row of a Smelter Look-up: one alias (B) of one facility (C, E). Special rows ("Smelter not listed",
 * "Smelter not yet identified") have no CID. Metal is RMI's spelling; the CID is normalised.
 */
export const LookupRow = z
  .object({
    metal: cell.transform((v) => normalizeMetal(v)).pipe(z.string({ message: "missing metal" })),
    alias: cell,
    standardName: cell,
    country: cell,
    cid: cell.transform((v, ctx) => {
      if (v === null) return null;
      const cid = normalizeCid(v);
      if (cid === null) ctx.addIssue({ code: "custom", message: "invalid smelter ID" });
      return cid;
    }),
    sourceOfId: cell,
    // Pasting the sheet's formulas as values leaves a literal 0 where the street was empty.
    street: cell.transform((v) => (v === "0" ? null : v)),
    city: cell,
    state: cell,
  })
  .superRefine((row, ctx) => {
    if (row.cid !== null && row.standardName === null && row.alias === null)
      ctx.addIssue({ code: "custom", path: ["standardName"], message: `missing standard smelter name for ${row.cid}` });
  });
export type LookupRow = z.infer<typeof LookupRow>;

/** A Look-up row with where it was read: the sheet row, or the CSV line. */
export type LookupEntry = LookupRow & { line: number };

/** What a reader returns: the valid rows in order, and one message per rejected row. */
export interface LookupRead {
  rows: LookupEntry[];
  issues: string[];
}

/** Raw cells of one row (columns A–I) and how to name one of its cells in a message. */
export interface LookupRecord {
  line: number;
  values: readonly (string | number | null | undefined)[];
  place: (column: number) => string;
}

/** Validates raw rows; blank rows are skipped, a rejected row is reported (`place: what: value`) and left out. */
export function parseLookupRecords(records: Iterable<LookupRecord>): LookupRead {
  const out: LookupRead = { rows: [], issues: [] };
  for (const { line, values, place } of records) {
    if (values.every((v) => v === null || v === undefined || String(v).trim() === "")) continue;
    const raw = Object.fromEntries(LOOKUP_COLUMNS.map((c, i) => [c.field, values[i] ?? null]));
    const parsed = LookupRow.safeParse(raw);
    if (parsed.success) {
      out.rows.push({ ...parsed.data, line });
      continue;
    }
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]) as (typeof LOOKUP_COLUMNS)[number]["field"];
    const col = LOOKUP_COLUMNS.findIndex((c) => c.field === field);
    const expected = EXPECTED[field];
    out.issues.push(
      field === "standardName"
        ? `${place(col)}: ${issue.message}`
        : `${place(col)}: ${issue.message}: ${JSON.stringify(values[col] ?? null)}${expected ? ` (expected ${expected})` : ""}`,
    );
  }
  return out;
}

/**
 * Reads a Smelter Look-up exported as CSV (LOOKUP_CSV_HEADER, the layout of `data/reference/rmi/`). Throws when
 * the header is not that one; rows are reported as `<file>:<line> column <header>`.
 */
export function readLookupCsv(text: string, file: string): LookupRead {
  const [head, ...records] = parseCsvRecords(text);
  const header = head?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  if (LOOKUP_CSV_HEADER.some((h, i) => header[i] !== h)) {
    throw new IngestError(
      `not a Smelter Look-up CSV: header ${JSON.stringify(header.slice(0, 9).join(","))} (expected ${LOOKUP_CSV_HEADER.join(",")})`,
      { file, line: head?.line ?? 1 },
    );
  }
  return parseLookupRecords(
    records.map((r) => ({
      line: r.line,
      values: r.fields,
      place: (c: number) => `${file}:${r.line} column ${LOOKUP_CSV_HEADER[c] ?? columnLetter(c)}`,
    })),
  );
}

/** The cached values of one worksheet, whatever library opened the workbook. */
export interface SheetCells {
  /** The row numbers that hold cells, ascending. */
  rows: Iterable<number>;
  /** The cached value of a cell ("E12"); null when empty or an error. */
  value(ref: string): string | number | null;
}

const LETTERS = "ABCDEFGHI";

/** Reads a template's Smelter Look-up sheet (header row 4, data from row 5, columns A–I). */
export function readLookupSheet(sheet: SheetCells, file: string, sheetName = "Smelter Look-up"): LookupRead {
  const records: LookupRecord[] = [];
  for (const r of sheet.rows) {
    if (r < LOOKUP_FIRST_ROW) continue;
    records.push({
      line: r,
      values: [...LETTERS].map((c) => sheet.value(`${c}${r}`)),
      place: (c) => `${file} › ${sheetName}!${LETTERS[c] ?? columnLetter(c)}${r}`,
    });
  }
  return parseLookupRecords(records);
}

/** One facility of a Look-up: its standard entry and every name the sheet gives it. */
export interface LookupFacility {
  metal: string;
  cid: string;
  standardName: string;
  country: string | null;
  sourceOfId: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  /** Aliases and the standard name, each once, in sheet order. */
  aliases: string[];
}

/**
 * The facilities of a Look-up, one per metal and CID, in sheet order. Facts come from the facility's own row (the
 * alias that is its standard name), else its first row: alias rows can carry another site's address (CRT 2.21
 * "Niihama Nickel and Cobalt Facility" under "Sumitomo Metal Mining", Tokyo). Source is always "RMI" for a CID;
 * when that row lacks it (a defect of 17 tungsten rows in CMRT 6.4) it is read from the facility's other rows.
 */
export function lookupFacilities(rows: readonly LookupRow[]): LookupFacility[] {
  const byKey = new Map<string, { facility: LookupFacility; own: boolean }>();
  for (const row of rows) {
    if (row.cid === null) continue;
    const standardName = (row.standardName ?? row.alias)!;
    const key = `${row.metal}|${row.cid}`;
    let entry = byKey.get(key);
    const own = row.alias === null || row.alias === standardName;
    const facts = {
      metal: row.metal,
      cid: row.cid,
      standardName,
      country: row.country,
      sourceOfId: row.sourceOfId,
      street: row.street,
      city: row.city,
      state: row.state,
    };
    if (!entry) {
      entry = { facility: { ...facts, aliases: [] }, own };
      byKey.set(key, entry);
    } else if (own && !entry.own) {
      entry.facility = {
        ...facts,
        sourceOfId: row.sourceOfId ?? entry.facility.sourceOfId,
        aliases: entry.facility.aliases,
      };
      entry.own = true;
    }
    const f = entry.facility;
    if (f.sourceOfId === null) f.sourceOfId = row.sourceOfId;
    for (const name of [row.alias, standardName]) if (name !== null && !f.aliases.includes(name)) f.aliases.push(name);
  }
  return [...byKey.values()].map((e) => e.facility);
}
