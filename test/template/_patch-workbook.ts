import { SheetXml } from "../../src/exports/_sheet-xml.ts";
import { XlsxPackage } from "../../src/exports/_xlsx-package.ts";

export type CellPatch = Record<string, Record<string, string | number | null>>;

/** Writes cell values into a workbook (a generated one, or an official blank), as a supplier typing into Excel would. */
export function patchWorkbook(bytes: Uint8Array, patch: CellPatch): Uint8Array {
  const pkg = XlsxPackage.open(bytes, "patched.xlsx");
  for (const [name, cells] of Object.entries(patch)) {
    const path = pkg.sheetPath(name);
    if (!path) throw new Error(`no sheet ${name}`);
    const sheet = new SheetXml(pkg.text(path));
    for (const [ref, value] of Object.entries(cells))
      sheet.set(ref, typeof value === "number" ? { number: value } : { text: value ?? "" });
    pkg.setText(path, sheet.toString());
  }
  return pkg.toBytes();
}
