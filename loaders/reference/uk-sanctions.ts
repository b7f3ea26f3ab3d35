import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Database } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import { headText, type ReferenceKind, type ReferenceLoadResult } from "./detect.ts";
import { parseCsv } from "./parse-csv.ts";
import { vintageFromFileName } from "./store.ts";
import { readListText } from "./read-list-text.ts";
import { SanctionsEntry, type EntryType, type ParsedList } from "./sanctions-entry.ts";
import { storeSanctionsList } from "./store-sanctions.ts";
import { countryToIso2 } from "../../src/text/countries.ts";
import { cleanText } from "../../src/text/normalize.ts";

// Header names of the UK Sanctions List CSV: the compact export (Unique ID, OFSI Group ID, Name, Regime Name, Type,
// Designation source, Date Designated, Sanctions Imposed) and the full export (Name 1–6, Name type, Address Country…).
const COLUMNS = {
  id: ["unique id"],
  name: ["name"],
  nameParts: ["name 6", "name 1", "name 2", "name 3", "name 4", "name 5"],
  nameType: ["name type"],
  regime: ["regime name", "regime"],
  type: ["type", "entity type", "designation type", "individual, entity, ship"],
  designated: ["date designated"],
  country: ["address country", "country"],
} as const;

function entryType(raw: string | null): EntryType {
  const t = (raw ?? "").toLowerCase();
  if (t.startsWith("entity")) return "entity";
  if (t.startsWith("individual")) return "individual";
  if (t.startsWith("ship")) return "vessel";
  return "other";
}

/** DD-MM-YYYY or DD/MM/YYYY → YYYY-MM-DD. */
function ukDate(raw: string | null): string | null {
  const m = raw ? /^(\d{2})[-/](\d{2})[-/](\d{4})/.exec(raw) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** Parses the UK Sanctions List CSV (one row per name; rows sharing a Unique ID are one designation). */
export function parseUkSanctions(file: string, text: string): ParsedList {
  const issues: string[] = [];
  const records = parseCsv(text.replace(/\u001a/g, ""));
  let vintage: string | null = null;
  const headerAt = records.findIndex((r) => r.fields.some((f) => cleanText(f)?.toLowerCase() === "unique id"));
  for (const r of records.slice(0, Math.max(0, headerAt))) {
    const m = /report date:?\s*(\S+)/i.exec(r.fields.join(" "));
    if (m) vintage = ukDate(m[1]!) ?? vintage;
  }
  if (headerAt < 0) throw new IngestError(`no "Unique ID" header row (expected the UK Sanctions List CSV)`, { file });
  const header = records[headerAt]!.fields.map((f) => cleanText(f)?.toLowerCase() ?? "");
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const c = Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, col(v)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  const parts = COLUMNS.nameParts.map((n) => header.indexOf(n)).filter((i) => i >= 0);
  const entries = new Map<string, SanctionsEntry>();
  for (const { line, fields } of records.slice(headerAt + 1)) {
    const get = (i: number) => (i >= 0 ? cleanText(fields[i]) : null);
    const id = get(c.id);
    const name = get(c.name) ?? (parts.map(get).filter(Boolean).join(" ") || null);
    if (!id || !name) {
      if (fields.some((f) => cleanText(f)))
        issues.push(`${file}:${line}: row without Unique ID or name: ${JSON.stringify(fields.slice(0, 3).join(","))}`);
      continue;
    }
    const regime = get(c.regime);
    const country = countryToIso2(get(c.country));
    const existing = entries.get(id);
    if (existing) {
      if (!existing.aliases.some((a) => a.name === name) && existing.name !== name)
        existing.aliases.push({ name, nameType: (get(c.nameType) ?? "alias").toLowerCase() });
      if (country && !existing.countries.includes(country)) {
        if (!existing.countriesFromAddress) existing.countries = [];
        existing.countries.push(country);
        existing.countriesFromAddress = true;
      }
      continue;
    }
    const regimeCountry = regime ? countryToIso2(regime) : null;
    const parsed = SanctionsEntry.safeParse({
      list: "UK Sanctions List",
      id,
      name,
      type: entryType(get(c.type)),
      programs: regime ? [`UK ${regime}`] : [],
      countries: country ? [country] : regimeCountry ? [regimeCountry] : [],
      countriesFromAddress: country !== null,
      aliases: [],
      remarks: null,
      designated: ukDate(get(c.designated)),
    });
    if (parsed.success) entries.set(id, parsed.data);
    else issues.push(`${file}:${line}: ${parsed.error.issues[0]?.message}: ${JSON.stringify(name)}`);
  }
  return { list: "UK Sanctions List", entries: [...entries.values()], issues, vintage };
}

export async function loadUkSanctions(db: Database, path: string): Promise<ReferenceLoadResult> {
  const bytes = readFileSync(path);
  const file = basename(path);
  const parsed = parseUkSanctions(file, readListText(bytes));
  if (parsed.entries.length === 0)
    throw new IngestError("no designations found (expected rows under a Unique ID, Name header)", { file });
  const vintage =
    parsed.vintage ??
    vintageFromFileName(file) ??
    parsed.entries
      .map((e) => e.designated ?? "")
      .sort()
      .at(-1) ??
    null;
  return storeSanctionsList(db, parsed, {
    kind: "uk-sanctions",
    sourceFile: path,
    vintage: vintage || null,
    bytes: [bytes],
    detail: `UK Sanctions List: ${parsed.entries.length} designations`,
  });
}

export const ukSanctionsKind: ReferenceKind = {
  kind: "uk-sanctions",
  description: "UK Sanctions List CSV (FCDO)",
  detect: (fileName, head) =>
    fileName.toLowerCase().endsWith(".csv") &&
    /unique id/i.test(headText(head).slice(0, 4096)) &&
    /regime/i.test(headText(head).slice(0, 4096)),
  load: loadUkSanctions,
};
