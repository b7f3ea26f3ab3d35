import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Database } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import { parseCsv } from "../inputs/parse-csv.ts";
import { headText, type ReferenceKind, type ReferenceLoadResult } from "./detect.ts";
import { vintageFromFileName } from "./store.ts";
import { readListText } from "./read-list-text.ts";
import { SanctionsEntry, type EntryType, type ParsedList } from "./sanctions-entry.ts";
import { storeSanctionsList } from "./store-sanctions.ts";
import { countryToIso2 } from "../../src/text/countries.ts";
import { cleanText } from "../../src/text/normalize.ts";

function entryType(code: string | null, classification: string | null): EntryType {
  const t = `${code ?? ""} ${classification ?? ""}`.toLowerCase();
  if (/\benterprise\b|^e\b/.test(t.trim())) return "entity";
  if (/\bperson\b|^p\b/.test(t.trim())) return "individual";
  return "other";
}

/**
 * Parses the EU consolidated financial sanctions list CSV (semicolon-separated, one row per name × address ×
 * … of an entity; columns Entity_LogicalId, Entity_SubjectType, Entity_Regulation_Programme,
 * NameAlias_WholeName, Address_CountryIso2Code, …). Rows sharing Entity_LogicalId are one designation.
 */
export function parseEuSanctions(file: string, text: string): ParsedList {
  const { header, records } = parseCsv(text, ";");
  const h = header.map((x) => cleanText(x)?.toLowerCase() ?? "");
  const col = (name: string) => h.indexOf(name.toLowerCase());
  const c = {
    date: col("fileGenerationDate"),
    id: col("Entity_LogicalId"),
    type: col("Entity_SubjectType"),
    typeClass: col("Entity_SubjectType_ClassificationCode"),
    programme: col("Entity_Regulation_Programme"),
    name: col("NameAlias_WholeName"),
    remark: col("Entity_Remark"),
    designated: col("Entity_DesignationDate"),
    country: col("Address_CountryIso2Code"),
    countryText: col("Address_CountryDescription"),
  };
  if (c.id < 0 || c.name < 0)
    throw new IngestError(
      "missing Entity_LogicalId or NameAlias_WholeName column (expected the EU consolidated list CSV)",
      { file },
    );
  const issues: string[] = [];
  const entries = new Map<string, SanctionsEntry>();
  let vintage: string | null = null;
  for (const { line, fields } of records) {
    const get = (i: number) => (i >= 0 ? cleanText(fields[i]) : null);
    const id = get(c.id);
    const name = get(c.name);
    vintage ??= /^\d{4}-\d{2}-\d{2}/.exec(get(c.date) ?? "")?.[0] ?? null;
    if (!id || !name) {
      if (id && !name) continue;
      issues.push(`${file}:${line}: row without Entity_LogicalId: ${JSON.stringify(fields.slice(0, 3).join(";"))}`);
      continue;
    }
    const rawCountry = get(c.country);
    const country = rawCountry && rawCountry !== "00" ? countryToIso2(rawCountry) : countryToIso2(get(c.countryText));
    const programme = get(c.programme);
    let entry = entries.get(id);
    if (!entry) {
      const parsed = SanctionsEntry.safeParse({
        list: "EU Consolidated",
        id,
        name,
        type: entryType(get(c.type), get(c.typeClass)),
        programs: programme ? [`EU ${programme}`] : [],
        countries: [],
        countriesFromAddress: false,
        aliases: [],
        remarks: get(c.remark),
        designated: /^\d{4}-\d{2}-\d{2}/.exec(get(c.designated) ?? "")?.[0] ?? null,
      });
      if (!parsed.success) {
        issues.push(`${file}:${line}: ${parsed.error.issues[0]?.message}: ${JSON.stringify(name)}`);
        continue;
      }
      entry = parsed.data;
      entries.set(id, entry);
    } else if (name !== entry.name && !entry.aliases.some((a) => a.name === name)) {
      entry.aliases.push({ name, nameType: "alias" });
    }
    if (programme && !entry.programs.includes(`EU ${programme}`)) entry.programs.push(`EU ${programme}`);
    if (country && !entry.countries.includes(country)) {
      entry.countries.push(country);
      entry.countriesFromAddress = true;
    }
  }
  return { list: "EU Consolidated", entries: [...entries.values()], issues, vintage };
}

export async function loadEuSanctions(db: Database, path: string): Promise<ReferenceLoadResult> {
  const bytes = readFileSync(path);
  const file = basename(path);
  const parsed = parseEuSanctions(file, readListText(bytes));
  if (parsed.entries.length === 0) throw new IngestError("no designations found", { file });
  return storeSanctionsList(db, parsed, {
    kind: "eu-sanctions",
    sourceFile: path,
    vintage: parsed.vintage ?? vintageFromFileName(file),
    bytes: [bytes],
    detail: `EU consolidated list: ${parsed.entries.length} designations`,
  });
}

export const euSanctionsKind: ReferenceKind = {
  kind: "eu-sanctions",
  description: "EU consolidated financial sanctions list CSV (semicolon-separated)",
  detect: (_fileName, head) =>
    /Entity_LogicalId/.test(headText(head).slice(0, 8192)) && /NameAlias_WholeName/.test(headText(head).slice(0, 8192)),
  load: loadEuSanctions,
};
