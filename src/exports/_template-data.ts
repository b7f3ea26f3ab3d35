import { type LookupEntry, readLookupSheet } from "../rmi/smelter-lookup.ts";
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

/** Reads the template's own Smelter Look-up sheet as the template's formulas see it (cached values). */
export function readLookup(sheet: SheetXml, sst: readonly string[], file = "template"): LookupEntry[] {
  return readLookupSheet({ rows: sheet.rowNumbers(), value: (ref) => sheet.value(ref, sst) }, file).rows;
}

function text(v: string | number | null): string {
  return v === null ? "" : String(v);
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
