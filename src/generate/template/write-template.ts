import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { Labels } from "./_cells.ts";
import type { TemplateInput, WriteTemplateOptions } from "./_input.ts";
import { loadLookup } from "./_lookup.ts";
import { nativeZip } from "./_native-zip.ts";
import { templateVersion } from "./_versions.ts";
import { hideDeclarationHelpers, writeDeclarationCmrt, writeDeclarationEmrt } from "./declaration-sheet.ts";
import { writeLookupSheet } from "./lookup-sheet.ts";
import { writeMineList, writeProductList } from "./product-list-sheet.ts";
import { appendBlankRows, smelterListLayout, writeSmelterList } from "./smelter-list-sheet.ts";
import {
  writeChecker,
  writeDefinitions,
  writeHiddenSheets,
  writeInstructions,
  writeRevision,
} from "./static-sheets.ts";

export type { TemplateDefects, TemplateInput, WriteTemplateOptions } from "./_input.ts";
export { WRITABLE_VERSIONS } from "./_versions.ts";

/**
 * Writes a supplier response laid out cell for cell like RMI's CMRT 6.x / EMRT 2.x templates
 * (DOMAIN.md Part A), from a Declaration-shaped object where any field may be missing.
 * Output is byte-identical for identical input: workbook and zip timestamps are pinned.
 */
export async function writeTemplate(decl: TemplateInput, options: WriteTemplateOptions): Promise<Buffer> {
  const t = templateVersion(options.template, options.version);
  const defects = options.defects ?? {};
  const realSize = options.realSize === true;
  const lookup = loadLookup(t.family, t.version);
  const stamp = new Date(options.timestamp ?? "2025-01-01T00:00:00Z");

  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? "Assay";
  wb.lastModifiedBy = options.creator ?? "Assay";
  wb.created = stamp;
  wb.modified = stamp;
  wb.calcProperties = { fullCalcOnLoad: false };

  const labels = new Labels();
  const revisionFirst = t.family === "CMRT" || t.version !== "2.0";
  const order = [
    ...(revisionFirst ? ["Revision", "Instructions"] : ["Instructions", "Revision"]),
    "Definitions",
    "Declaration",
    "Smelter List",
    "Checker",
    ...(t.family === "EMRT" ? ["Mine List"] : []),
    "Product List",
    "Smelter Look-up",
  ];
  const sheets = new Map(order.map((name) => [name, wb.addWorksheet(name)]));
  const sheet = (name: string) => sheets.get(name)!;

  writeRevision(sheet("Revision"), labels, t);
  writeInstructions(sheet("Instructions"), labels, t);
  writeDefinitions(sheet("Definitions"), labels, t);
  const declaration = sheet("Declaration");
  if (t.family === "CMRT") writeDeclarationCmrt(declaration, labels, t, decl, defects);
  else writeDeclarationEmrt(declaration, labels, t, decl, defects);
  hideDeclarationHelpers(declaration, t);
  writeSmelterList(sheet("Smelter List"), labels, t, decl, lookup, { defects });
  writeChecker(sheet("Checker"), labels, t, decl);
  if (t.family === "EMRT") writeMineList(sheet("Mine List"), labels, t, decl);
  writeProductList(sheet("Product List"), labels, t, decl);
  writeLookupSheet(sheet("Smelter Look-up"), labels, lookup, realSize);
  writeHiddenSheets(wb, labels, lookup);

  // exceljs stores uncompressed; fflate compresses once with pinned entry times.
  const raw = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions));
  const entries = unzipSync(raw);
  if (realSize) {
    const name = `xl/worksheets/sheet${order.indexOf("Smelter List") + 1}.xml`;
    const xml = entries[name];
    if (xml) {
      const list = smelterListLayout(t.family);
      const first = list.firstRow + (decl.smelters?.length ?? 0);
      const last = t.smelterLastRow - (defects.deletedRows ?? 0);
      entries[name] = new TextEncoder().encode(appendBlankRows(new TextDecoder().decode(xml), list, first, last));
    }
  }
  // Real-size files are for scale runs (never committed): pack them with native zlib, which is several times faster.
  return realSize ? nativeZip(entries, stamp) : pinZip(entries, stamp);
}

/** Re-packs the zip with fixed entry times (exceljs stamps entries with the wall clock). */
function pinZip(entries: Record<string, Uint8Array>, stamp: Date): Buffer {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { mtime: stamp }];
  return Buffer.from(zipSync(files, { level: 6 }));
}
