import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Database } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import { headText, type ReferenceKind, type ReferenceLoadResult } from "./detect.ts";
import { parseCsv } from "./parse-csv.ts";
import { vintageFromFileName } from "./store.ts";
import { readListText } from "./read-list-text.ts";
import { SanctionsEntry, type EntryType, type ParsedList, type SanctionsList } from "./sanctions-entry.ts";
import { storeSanctionsList } from "./store-sanctions.ts";
import { countryToIso2 } from "../../src/text/countries.ts";
import { cleanText } from "../../src/text/normalize.ts";

/** OFAC's legacy CSV layout: no header; `-0-` means empty. */
const SDN_COLUMNS = 12;

function value(field: string | undefined): string | null {
  const v = cleanText(field);
  return v === null || v === "-0-" ? null : v;
}

function entryType(raw: string | null): EntryType {
  if (raw === null) return "entity";
  const t = raw.toLowerCase();
  return t === "individual" || t === "vessel" || t === "aircraft" ? t : "other";
}

/** Splits OFAC's program field: "SDGT] [IFSR" → ["SDGT", "IFSR"]. */
export function ofacPrograms(raw: string | null): string[] {
  if (!raw) return [];
  return raw
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, "").trim())
    .filter((p) => p !== "");
}

/**
 * Parses OFAC's legacy CSV trio: the primary file (sdn.csv or cons_prim.csv), alt.csv aliases and add.csv
 * addresses, joined by ent_num. Aliases or addresses whose ent_num is not in the primary file are counted.
 */
export function parseOfac(
  primary: { file: string; text: string },
  alt: { file: string; text: string } | null,
  add: { file: string; text: string } | null,
  list: SanctionsList = "OFAC SDN",
): ParsedList {
  const issues: string[] = [];
  const entries = new Map<string, SanctionsEntry>();
  const clean = (t: string) => t.replace(/\u001a/g, "");
  for (const { line, fields } of parseCsv(clean(primary.text))) {
    if (fields.length === 1 && value(fields[0]) === null) continue;
    const id = value(fields[0]);
    const name = value(fields[1]);
    if (fields.length < SDN_COLUMNS - 1 || id === null || !/^\d+$/.test(id) || name === null) {
      issues.push(
        `${primary.file}:${line}: not an OFAC record: ${JSON.stringify(fields.slice(0, 3).join(","))} (expected ${SDN_COLUMNS} columns: ent_num, SDN_Name, SDN_Type, Program, …)`,
      );
      continue;
    }
    const parsed = SanctionsEntry.safeParse({
      list,
      id,
      name,
      type: entryType(value(fields[2])),
      programs: ofacPrograms(value(fields[3])),
      countries: [],
      countriesFromAddress: false,
      aliases: [],
      remarks: value(fields[11]),
      designated: null,
    });
    if (parsed.success) entries.set(id, parsed.data);
    else issues.push(`${primary.file}:${line}: ${parsed.error.issues[0]?.message}: ${JSON.stringify(name)}`);
  }
  let orphans = 0;
  if (alt) {
    for (const { line, fields } of parseCsv(clean(alt.text))) {
      const id = value(fields[0]);
      const name = value(fields[3]);
      if (id === null || name === null) {
        if (fields.some((f) => value(f) !== null))
          issues.push(`${alt.file}:${line}: alias without ent_num or name: ${JSON.stringify(fields.join(","))}`);
        continue;
      }
      const entry = entries.get(id);
      if (!entry) {
        orphans++;
        continue;
      }
      entry.aliases.push({ name, nameType: (value(fields[2]) ?? "aka").toLowerCase() });
    }
  }
  if (add) {
    for (const { fields } of parseCsv(clean(add.text))) {
      const id = value(fields[0]);
      const country = value(fields[4]);
      const entry = id === null ? undefined : entries.get(id);
      if (!entry || country === null) continue;
      const iso2 = countryToIso2(country);
      if (iso2 && !entry.countries.includes(iso2)) entry.countries.push(iso2);
      entry.countriesFromAddress = entry.countriesFromAddress || iso2 !== null;
    }
  }
  if (orphans > 0)
    issues.push(
      `${alt?.file}: ${orphans} aliases name entries absent from ${primary.file} (the files are of different dates); skipped`,
    );
  return { list, entries: [...entries.values()], issues, vintage: null };
}

/** The alt/add companion of a primary file: same name with sdn/prim → alt/add, else the newest such file beside it. */
export function findCompanion(primaryPath: string, role: "alt" | "add"): string | null {
  const dir = dirname(primaryPath);
  const name = basename(primaryPath);
  const direct = name.replace(/sdn|prim/i, role);
  if (direct !== name && existsSync(join(dir, direct))) return join(dir, direct);
  const prefix = /cons/i.test(name) ? /cons/i : /sdn|ofac/i;
  const candidates = readdirSync(dir)
    .filter((f) => new RegExp(`(^|[_\\-.])${role}([_\\-.]|$)`, "i").test(f) && f.toLowerCase().endsWith(".csv"))
    .filter((f) => (prefix.source === "cons" ? prefix.test(f) : !/cons/i.test(f)))
    .sort();
  return candidates.length > 0 ? join(dir, candidates[candidates.length - 1]!) : null;
}

/** Loads an OFAC primary file with its companions found beside it. */
export async function loadOfac(db: Database, path: string): Promise<ReferenceLoadResult> {
  const list: SanctionsList = /cons/i.test(basename(path)) ? "OFAC Consolidated" : "OFAC SDN";
  const read = (p: string | null) => (p ? { file: basename(p), bytes: readFileSync(p) } : null);
  const primary = read(path)!;
  const alt = read(findCompanion(path, "alt"));
  const add = read(findCompanion(path, "add"));
  const text = (f: { file: string; bytes: Uint8Array } | null) =>
    f ? { file: f.file, text: readListText(f.bytes) } : null;
  const parsed = parseOfac(text(primary)!, text(alt), text(add), list);
  if (parsed.entries.length === 0) {
    throw new IngestError(`no OFAC records found (expected OFAC's legacy CSV layout: ent_num, SDN_Name, …)`, {
      file: primary.file,
    });
  }
  const companions = [alt?.file, add?.file].filter((f): f is string => !!f);
  return storeSanctionsList(db, parsed, {
    kind: list === "OFAC SDN" ? "ofac-sdn" : "ofac-consolidated",
    sourceFile: path,
    vintage: vintageFromFileName(primary.file),
    bytes: [primary.bytes, ...[alt, add].filter((f) => f !== null).map((f) => f.bytes)],
    detail: `${list}: ${parsed.entries.length} records${companions.length ? ` with ${companions.join(", ")}` : " (no alt.csv/add.csv found beside it)"}`,
  });
}

const OFAC_ROW = /^\s*"?\d+"?,\s*"[^"]*",\s*(-0-|"[^"]*")\s*,\s*("[^"]*"|-0-)/;

function detectOfac(kind: "sdn" | "cons") {
  return (fileName: string, head: Uint8Array): boolean => {
    const name = fileName.toLowerCase();
    if (!name.endsWith(".csv") || /(^|[_\-.])(alt|add|comments)([_\-.]|$)/.test(name)) return false;
    if (kind === "cons" ? !/cons/.test(name) : /cons/.test(name)) return false;
    return OFAC_ROW.test(headText(head).split(/\r?\n/, 1)[0] ?? "");
  };
}

export const ofacSdnKind: ReferenceKind = {
  kind: "ofac-sdn",
  description: "OFAC SDN list, legacy CSV (sdn.csv; alt.csv and add.csv beside it are joined)",
  detect: detectOfac("sdn"),
  load: loadOfac,
};
export const ofacConsolidatedKind: ReferenceKind = {
  kind: "ofac-consolidated",
  description: "OFAC consolidated non-SDN list, legacy CSV (cons_prim.csv with cons_alt.csv, cons_add.csv)",
  detect: detectOfac("cons"),
  load: loadOfac,
};
