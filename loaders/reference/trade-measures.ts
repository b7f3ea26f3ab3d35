import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../../src/db/database.ts";
import { IngestError } from "../../src/errors.ts";
import { canonicalMetal } from "../../src/rmi/minerals.ts";
import { countryToIso2 } from "../../src/text/countries.ts";
import { cleanText } from "../../src/text/normalize.ts";
import { measureDate, measureOrigin, TradeMeasure } from "../../src/trade/measures.ts";
import { headText, type ReferenceKind, type ReferenceLoadResult } from "./detect.ts";
import { parseCsv } from "./parse-csv.ts";
import { sha256, storeLoad, vintageFromFileName } from "./store.ts";

const REQUIRED = ["mineral", "country_iso2", "measure_type", "effective_from"] as const;

/** "tungsten" → "Tungsten", "rare earth elements" → "Rare Earth Elements", "aluminium" → "Aluminum". */
export function measureMineral(raw: string): string {
  const folded = raw.trim().toLowerCase().replace(/\s+/g, " ");
  // RMI's spellings, so a measure meets the smelters it binds ("aluminium" → RMI's "Aluminum").
  return canonicalMetal(folded) ?? folded.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/** "CN", "China", "EU", "European Union" → the jurisdiction code. */
function jurisdiction(raw: string): string | null {
  const t = raw.trim();
  if (/^(eu|european union)$/i.test(t)) return "EU";
  return countryToIso2(t);
}

export interface ParsedMeasures {
  measures: TradeMeasure[];
  issues: string[];
}

/** Parses a trade-measures CSV (header: mineral, country_iso2, measure_type, description, effective_from, effective_to, source_url). */
export function parseTradeMeasures(file: string, text: string): ParsedMeasures {
  const name = basename(file);
  const [header, ...records] = parseCsv(text.replace(/^\ufeff/, ""));
  const cols = (header?.fields ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new IngestError(
      `missing column(s) ${missing.join(", ")} (expected ${REQUIRED.join(", ")}, description, effective_to, source_url)`,
      { file },
    );
  const at = (c: string) => cols.indexOf(c);
  const issues: string[] = [];
  const measures: TradeMeasure[] = [];
  for (const { line, fields } of records) {
    const get = (c: string) => (at(c) >= 0 ? (cleanText(fields[at(c)]) ?? "") : "");
    if (fields.every((f) => !cleanText(f))) continue;
    const imposer = jurisdiction(get("country_iso2"));
    const fromText = get("effective_from");
    const toText = get("effective_to");
    const from = measureDate(fromText, "start");
    const to = toText ? measureDate(toText, "end") : null;
    const problem = !get("mineral")
      ? "no mineral"
      : !imposer
        ? `unknown country: ${JSON.stringify(get("country_iso2"))}`
        : !get("measure_type")
          ? "no measure_type"
          : !from
            ? `invalid effective_from: ${JSON.stringify(fromText)} (expected YYYY-MM-DD, YYYY-MM or YYYY)`
            : toText && !to
              ? `invalid effective_to: ${JSON.stringify(toText)} (expected YYYY-MM-DD, YYYY-MM or YYYY)`
              : to && to < from
                ? `effective_to ${toText} is before effective_from ${fromText}`
                : null;
    if (problem) {
      issues.push(`${name}:${line}: ${problem}`);
      continue;
    }
    const measureType = get("measure_type")
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const description = get("description");
    const parsed = TradeMeasure.safeParse({
      mineral: measureMineral(get("mineral")),
      imposer,
      measureType,
      description,
      origin: measureOrigin(imposer!, measureType, description),
      effectiveFrom: from,
      effectiveTo: to,
      effectiveFromText: fromText,
      effectiveToText: toText,
      sourceUrl: get("source_url") || null,
      source: name,
      line,
    });
    if (parsed.success) measures.push(parsed.data);
    else issues.push(`${name}:${line}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  }
  return { measures, issues };
}

const COLUMNS = [
  "line",
  "mineral",
  "imposer",
  "measure_type",
  "description",
  "origin",
  "effective_from",
  "effective_to",
  "effective_from_text",
  "effective_to_text",
  "source_url",
] as const;

/** Stores one trade-measures list as a reference load of kind "trade-measures" (same bytes: no new load). */
export async function loadTradeMeasures(db: Database, path: string): Promise<ReferenceLoadResult> {
  const bytes = readFileSync(path);
  const { measures, issues } = parseTradeMeasures(path, bytes.toString("utf8"));
  const latest = measures.reduce<string | null>(
    (v, m) => (v === null || m.effectiveFrom > v ? m.effectiveFrom : v),
    null,
  );
  const loadId = await storeLoad(
    db,
    {
      kind: "trade-measures",
      sourceFile: path,
      vintage: vintageFromFileName(basename(path)) ?? latest,
      sha256: sha256(bytes),
      rowCount: measures.length,
      detail: `${measures.length} trade measures`,
    },
    [
      {
        table: "trade_measures",
        columns: COLUMNS,
        rows: (id) =>
          measures.map((m) => [
            id,
            m.line,
            m.mineral,
            m.imposer,
            m.measureType,
            m.description,
            m.origin,
            m.effectiveFrom,
            m.effectiveTo,
            m.effectiveFromText,
            m.effectiveToText,
            m.sourceUrl,
          ]),
      },
    ],
    { perSourceFile: true },
  );
  return {
    kind: "trade-measures",
    loadId,
    rows: measures.length,
    detail: `${measures.length} trade measures from ${basename(path)}`,
    issues,
  };
}

export const tradeMeasuresKind: ReferenceKind = {
  kind: "trade-measures",
  description:
    "trade measures CSV: mineral, country_iso2, measure_type, description, effective_from, effective_to, source_url",
  detect(fileName, head) {
    if (!/\.csv$/i.test(fileName)) return false;
    const first = headText(head).split(/\r?\n/, 1)[0]?.toLowerCase() ?? "";
    const cols = first.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
    return REQUIRED.every((c) => cols.includes(c));
  },
  load: loadTradeMeasures,
};

export const SHIPPED_TRADE_DIR = resolve(fileURLToPath(new URL("../../data/reference/trade", import.meta.url)));

/** Loads the lists shipped in data/reference/trade (a no-op for bytes already loaded under the same file name). */
export async function loadShippedTradeMeasures(db: Database, dir = SHIPPED_TRADE_DIR): Promise<ReferenceLoadResult[]> {
  const results: ReferenceLoadResult[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort())
    results.push(await loadTradeMeasures(db, join(dir, f)));
  return results;
}
