import type { SheetXml } from "./_sheet-xml.ts";
import { decodeXml, type XlsxPackage } from "./_xlsx-package.ts";

/** Shared strings of a package (rich-text runs joined, phonetic runs dropped). */
export function sharedStrings(pkg: XlsxPackage): string[] {
  if (!pkg.has("xl/sharedStrings.xml")) return [];
  const xml = pkg.text("xl/sharedStrings.xml");
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decodeXml(
      [...m[1]!.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)]
        .map((t) => t[1] ?? "")
        .join(""),
    ),
  );
}

/** One row of the template's own Smelter Look-up sheet (cached values). */
export interface LookupRow {
  row: number;
  metal: string;
  alias: string;
  standardName: string;
  country: string;
  cid: string;
  source: string;
  street: string;
  city: string;
  state: string;
}

function text(v: string | number | null): string {
  return v === null ? "" : String(v);
}

/** Reads the Smelter Look-up sheet (header row 4, data from row 5) as the template's formulas see it. */
export function readLookup(sheet: SheetXml, sst: readonly string[]): LookupRow[] {
  const rows: LookupRow[] = [];
  for (const r of sheet.rowNumbers()) {
    if (r < 5) continue;
    const get = (col: string) => text(sheet.value(`${col}${r}`, sst)).trim();
    const metal = get("A");
    if (!metal) continue;
    rows.push({
      row: r,
      metal,
      alias: get("B"),
      standardName: get("C"),
      country: get("D"),
      cid: get("E"),
      source: get("F"),
      street: get("G"),
      city: get("H"),
      state: get("I"),
    });
  }
  return rows;
}

/** The upper-case country names of the template's hidden C sheet (named range CL). */
export function readCountryList(sheet: SheetXml | null, sst: readonly string[]): string[] {
  if (!sheet) return [];
  return sheet
    .rowNumbers()
    .filter((r) => r >= 2)
    .map((r) => text(sheet.value(`B${r}`, sst)).trim())
    .filter((n) => n !== "");
}
